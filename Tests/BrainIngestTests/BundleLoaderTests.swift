import Foundation
import Testing
import BrainModel
@testable import BrainIngest

@Suite struct BundleLoaderTests {
    @Test func hengruiIsInLianyungangOnAChemicalDrugNode() throws {
        let bundle = try BundleFixture.bundle()
        let hengrui = try #require(bundle.enterprises.first { $0.stockCode == "600276" })
        #expect(hengrui.name == "恒瑞医药")
        #expect(hengrui.cityCode == "320700")
        #expect(hengrui.provinceCode == "320000")
        #expect(hengrui.isBiomedicine)
        let nodes = bundle.assignments.filter { $0.enterpriseId == hengrui.id }
        let chemical = try #require(nodes.first { $0.nodeId == "chemical-drugs" })
        #expect(chemical.method == "sw2021-official")
        #expect(chemical.evidence.contains("370102"))
    }

    @Test func atLeast500BiomedicineFirmsAreLocatedToACity() throws {
        let bundle = try BundleFixture.bundle()
        let regions = Set(bundle.regions.map(\.code))
        let located = bundle.enterprises.filter { $0.isBiomedicine && $0.cityCode.map(regions.contains) == true }
        #expect(located.count >= 500)
        #expect(bundle.enterprises.count > 5_000, "all listed firms are the denominator")
        let assigned = Set(bundle.assignments.map(\.enterpriseId))
        #expect(bundle.enterprises.filter { $0.isBiomedicine && assigned.contains($0.id) }.count >= 500)
    }

    @Test func everyParkAndPolicyResolvesToARegion() throws {
        let bundle = try BundleFixture.bundle()
        let regions = Set(bundle.regions.map(\.code))
        #expect(bundle.parks.count == 22)
        #expect(bundle.parks.allSatisfy { regions.contains($0.regionCode) })
        #expect(bundle.policies.count == 6)
        #expect(bundle.policies.allSatisfy { regions.contains($0.regionCode) })
    }

    @Test func developmentZoneSitsUnderItsCity() throws {
        let regions = Dictionary(try BundleFixture.bundle().regions.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let sip = try #require(regions["320576"])
        #expect(sip.name == "苏州工业园区")
        #expect(sip.parentCode == "320500")
        #expect(sip.isDevelopmentZone)
        #expect(regions["320500"]?.parentCode == "320000")
    }

    @Test func shanghaiDistrictsRollUpToTheMunicipality() throws {
        let regions = Dictionary(try BundleFixture.bundle().regions.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let districts = regions.values.filter { $0.code.hasPrefix("31") && $0.level == .district }
        #expect(districts.count >= 16)
        for district in districts {
            var code: String? = district.code
            var chain: [String] = []
            while let current = code { chain.append(current); code = regions[current]?.parentCode }
            #expect(chain.contains("310000"), "\(district.name) does not roll up to 310000: \(chain)")
        }
        #expect(regions["310100"]?.name == "上海市")
    }

    @Test func gazetteerKnowsMunicipalitiesUnderOtherProvincesAndFormerCities() throws {
        let gazetteer = Gazetteer(regions: try BundleFixture.bundle().regions)
        // A university coded under 河北 but located in 天津市; 莱芜市 was merged into 济南市 in 2019.
        #expect(gazetteer.locate(province: "河北省", city: "天津市")?.city == "120100")
        #expect(gazetteer.locate(province: "山东省", city: "莱芜市")?.city == "370100")
        #expect(gazetteer.locate(province: "江苏省", city: "苏州市")?.city == "320500")
        #expect(gazetteer.locate(province: "四川省", city: "凉山州")?.city == "513400")
        #expect(gazetteer.locate(province: "西藏自治区", city: "咸阳市")?.city == "610400")
        #expect(gazetteer.locate(province: "江苏省", city: "不存在市") == nil)
        let report = try BundleFixture.report()
        let universities = try #require(report.files.first { $0.file == "universities/universities_moe.csv" })
        #expect(universities.warnings.values.reduce(0, +) == 0)
    }

    @Test func regionsHaveCoordinates() throws {
        let regions = try BundleFixture.bundle().regions
        let provinces = regions.filter { $0.level == .province }
        #expect(provinces.count >= 31 && provinces.allSatisfy { $0.longitude != nil && $0.latitude != nil })
        // Development zones have no boundary of their own and the source gives no seat for some.
        let units = regions.filter { ($0.level == .city || $0.level == .district) && !$0.isDevelopmentZone }
        let withCoordinates = units.filter { $0.longitude != nil && $0.latitude != nil }
        #expect(Double(withCoordinates.count) / Double(units.count) > 0.9)
    }

    @Test func taxonomyCoversTheChain() throws {
        let taxonomy = try BundleFixture.bundle().taxonomy
        let required = ["api", "intermediates", "tcm-herbs", "excipients-packaging", "reagents-consumables", "culture-media",
                        "purification-resins", "pharma-equipment", "bioreactors", "single-use-systems", "scientific-instruments",
                        "device-components", "chemical-drugs", "innovative-drugs", "generic-drugs", "biologics", "antibodies",
                        "vaccines", "blood-products", "recombinant-proteins", "cell-gene-therapy", "nucleic-acid-drugs", "tcm",
                        "tcm-decoction-pieces", "tcm-proprietary", "medical-devices", "imaging-devices", "high-value-consumables",
                        "low-value-consumables", "ivd", "home-rehab-devices", "surgical-robots", "cro", "cdmo", "cso", "wholesale",
                        "retail-pharmacies", "online-pharmacies", "hospitals-services", "diagnostic-services", "digital-health"]
        for id in required { #expect(taxonomy.node(id) != nil, "missing node \(id)") }
        #expect(Set(taxonomy.nodes.map(\.tier)) == Set(ChainTier.allCases))
        #expect(taxonomy.node("chemical-drugs")?.gbt4754 == ["2720"])
        #expect(taxonomy.node("vaccines")?.sw2021 == ["370303"])
    }

    @Test func reportCountsEveryRow() throws {
        let report = try BundleFixture.report()
        let stocks = try #require(report.files.first { $0.file == "companies/stock_company.csv" })
        #expect(stocks.read == 5_500)
        #expect(stocks.read == stocks.accepted + stocks.rejected)
        #expect(report.totalRead == report.totalAccepted + report.totalRejected)
    }

    @Test func missingFileIsNamed() throws {
        let folder = try BundleFixture.copyOfDataFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("parks/parks.csv"))
        #expect(throws: SourceFileError(file: "parks/parks.csv", reason: "file is missing or unreadable")) {
            try BundleLoader(folder: folder).load()
        }
    }

    @Test func corruptValueIsLocatedToFileRowAndField() throws {
        let folder = try BundleFixture.copyOfDataFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("companies/stock_company.csv")
        // The source files end lines with CRLF, which Swift treats as one character.
        var lines = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "\r\n", with: "\n")
            .components(separatedBy: "\n")
        var fields = lines[3].components(separatedBy: ",")
        fields[fields.count - 1] = "many"
        lines[3] = fields.joined(separator: ",")
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        do {
            _ = try BundleLoader(folder: folder).load()
            Issue.record("a corrupt employees value must fail the load")
        } catch {
            #expect(error.file == "companies/stock_company.csv")
            #expect(error.row == 4)
            #expect(error.field == "employees")
            #expect(error.value == "many")
        }
    }
}

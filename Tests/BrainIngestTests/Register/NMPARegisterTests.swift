import Foundation
import Testing
@testable import BrainIngest
import BrainModel

/// The NMPA 2019 register read from the real file: malformed rows reported with row and field, firms located by
/// licence province and the place their names begin with, placed on nodes by their names.
@Suite struct NMPARegisterTests {
    static let loaded: Result<NMPARegister, any Error> = Result {
        let bundle = try BundleFixture.bundle()
        let folder = BundleFixture.dataFolder
        let resolver = AddressResolver(regions: bundle.regions, formerNames: try FormerName.load(folder.appendingPathComponent("regions/former-names.csv")))
        return try NMPARegister(dataFolder: folder, rules: try NMPANameRules.load(dataFolder: folder, taxonomy: bundle.taxonomy),
                                resolver: resolver, regions: bundle.regions)
    }

    func firm(_ name: String) throws -> ImportedEnterprise {
        try #require(try Self.loaded.get().records.first { $0.name == name }, "\(name) is in the register")
    }

    @Test func malformedRowsAreReportedWithRowAndFieldAndNotLoaded() throws {
        let register = try Self.loaded.get()
        #expect(register.report.rows == 7_843)
        // Rows as found in the source (the header is line 1, so seq n is on line n + 1).
        let rejected = register.report.rejected.map { "\($0.row) \($0.field) \($0.reason)" }
        #expect(rejected == ["2048 licence_no unknown-province", "2333 licence_no bad-licence", "2573 licence_no bad-licence",
                             "6927 licence_no bad-licence", "7268 licence_no bad-licence", "7562 licence_no bad-licence",
                             "7615 licence_no bad-licence"])
        #expect(register.report.rejected.first { $0.row == 2573 }?.value == "甘 20160037")
        #expect(!register.records.contains { $0.name == "武汉兴得通软件" })
        // 南京鲸轮 is listed again with its province (row 7643): that row is loaded, the malformed one is not.
        #expect(try firm("南京鲸轮制药有限公司").line == 7643 && (try firm("南京鲸轮制药有限公司").facts["licence_no"]) == "苏20190577")
        // A firm listed twice (a licence renewed) is one firm holding both licences.
        let lushan = try firm("江西庐山制药有限公司")
        #expect(lushan.facts["licence_no"] == "赣20130007; 赣20180009")
        #expect(register.report.sameFirmRows.contains { $0.row == 7369 && $0.reason == "same-firm:627" })
        #expect(register.records.count + register.report.sameFirmRows.count + register.report.rejected.count == 7_843)
        #expect(Set(register.records.map(\.normalizedName)).count == register.records.count)
    }

    @Test func firmsAreLocatedByLicenceProvinceAndTheirNamesPlace() throws {
        // 陇西 in 甘肃 is 陇西县, written bare or in full; 甘肃雄信 names no place finer than the province.
        for name in ["陇西正源药业有限责任公司", "陇西县鹏飞药业有限责任公司"] {
            let firm = try firm(name)
            #expect(firm.provinceCode == "620000" && firm.cityCode == "621100" && firm.districtCode == "621122")
        }
        let xiongxin = try firm("甘肃雄信药业有限公司")
        #expect(xiongxin.provinceCode == "620000" && xiongxin.cityCode == nil && xiongxin.districtCode == nil)
        #expect(xiongxin.facts["location_basis"] == "licence")
        let tianlong = try firm("苏州工业园区天龙制药有限公司")
        #expect(tianlong.cityCode == "320500" && tianlong.districtCode == "320576")
        #expect(try firm("兰州生物制品研究所有限责任公司").cityCode == "620100")
        // 沪 is 上海 whatever the name says.
        #expect(try firm("上海生物制品研究所有限责任公司").provinceCode == "310000")
        let report = try Self.loaded.get().report
        #expect(report.locatedToProvince == report.firms && report.locatedToCity > 2_000 && report.locatedToDistrict > 500)
    }

    @Test func firmsArePlacedFromTheirNamesElseOnNoNode() throws {
        #expect(try firm("平凉新元中药饮片有限公司").assignments.map(\.nodeId) == ["tcm-decoction-pieces"])
        #expect(try firm("长春祈健生物制品有限公司").assignments.map(\.nodeId) == ["biologics"])
        // 药业 says a drug maker, not which kind: no node rather than a guess.
        #expect(try firm("甘肃雄信药业有限公司").assignments.isEmpty)
        let records = try Self.loaded.get().records
        #expect(records.allSatisfy { $0.isBiomedicine && $0.assignments.count <= 1 })
        let report = try Self.loaded.get().report
        #expect(report.byNode[NMPARegister.unclassified, default: 0] == records.filter(\.assignments.isEmpty).count)
        #expect(report.byNode["tcm-decoction-pieces", default: 0] > 500)
    }

    @Test func emptyNamesAndDuplicateLicencesAreRejected() throws {
        let text = "seq,name,licence_no\n1,甲药业有限公司,苏20160001\n2,,苏20160002\n3,乙药业有限公司,苏20160001\n4,丙药业有限公司,X20160003\n"
        let bundle = try BundleFixture.bundle()
        let register = NMPARegister(table: try CSVTable(text: text, file: "t.csv", requiredColumns: ["seq", "name", "licence_no"]),
                                    rules: try NMPANameRules.load(dataFolder: BundleFixture.dataFolder, taxonomy: bundle.taxonomy),
                                    resolver: AddressResolver(regions: bundle.regions), regions: bundle.regions)
        #expect(register.records.map(\.name) == ["甲药业有限公司"])
        #expect(register.report.rejected == [
            .init(row: 3, field: "name", value: "", reason: "empty-name"),
            .init(row: 4, field: "licence_no", value: "苏20160001", reason: "duplicate-licence:2"),
            .init(row: 5, field: "licence_no", value: "X20160003", reason: "bad-licence"),
        ])
    }
}

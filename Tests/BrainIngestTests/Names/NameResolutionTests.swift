import Foundation
import Testing
@testable import BrainIngest
import BrainModel

/// Resolving a name to the firm it names, against the bundled names (the store's names table, in memory).
@Suite struct NameResolutionTests {
    static let names: Result<[EnterpriseName], any Error> = Result {
        let bundle = try BundleFixture.bundle()
        return bundle.names
    }

    func resolve(_ text: String) throws -> NameResolution {
        let keys = NameResolution.keys(for: [text])
        return NameResolution.resolve(text, among: try Self.names.get().filter { keys.contains($0.key) })
    }

    @Test func everyNameKindResolvesWithItsEvidence() throws {
        let cases: [(String, String, EnterpriseName.Kind)] = [
            ("三九医药", "000999.SZ", .formerShortName),
            ("三九医药股份有限公司", "000999.SZ", .formerFullName),
            ("华润三九医药股份有限公司", "000999.SZ", .fullName),
            ("恒瑞医药", "600276.SH", .shortName),
            ("江苏恒瑞医药股份有限公司", "600276.SH", .fullName),
            ("Jiangsu Hengrui Pharmaceuticals Co., Ltd.", "600276.SH", .englishName),
            ("JIANGSU HENGRUI MEDICINE COMPANY LIMITED", "600276.SH", .formerEnglishName),
            ("北京双鹤药业股份有限公司", "600062.SH", .formerFullName),
        ]
        for (text, id, kind) in cases {
            let resolution = try resolve(text)
            #expect(resolution.status == .resolved && resolution.enterpriseId == id, "\(text) → \(resolution)")
            #expect(resolution.matches.first?.kind == kind, "\(text): \(String(describing: resolution.matches.first))")
            #expect(resolution.matches.first?.source.isEmpty == false)
        }
    }

    @Test func formattingFolds() throws {
        for text in ["江苏恒瑞医药股份有限公司。", " 江苏 恒瑞医药股份有限公司", "江苏恒瑞医药股份有限公司\u{200B}", "“江苏恒瑞医药股份有限公司”",
                     "江苏恒瑞醫藥股份有限公司", "江苏恒瑞医药股份有限公司（已注销）",
                     "江苏恒瑞医药股份有限公司（Jiangsu Hengrui Pharmaceuticals Co., Ltd.）", "ST康美", "康美药业"] {
            #expect(try resolve(text).status == .resolved, "\(text)")
        }
    }

    /// A legal form, a region, a branch or one different character is another firm: never resolved to a known one.
    @Test func noFuzzyMerge() throws {
        for text in ["江苏恒瑞医药有限公司", "江苏恒瑞医药股份有限公司连云港分公司", "上海恒瑞医药股份有限公司", "江苏恒端医药股份有限公司",
                     "恒瑞", "三九医药有限责任公司", "Jiangsu Hengrui", "恒瑞医药股份有限公司", "葵花药业股份有限公司", "恒瑞医药贸易有限公司（Jiangsu Hengrui Pharmaceuticals Co., Ltd.）", ""] {
            let resolution = try resolve(text)
            #expect(resolution.status == .unknown, "\(text) → \(resolution.matches.map(\.enterpriseId))")
        }
    }

    @Test func derivedFormerNamesKeepTheFirmsOwnLegalFormAndPlace() throws {
        // 双鹤药业 (600062's former short name) with its own legal form, alone and after its own province.
        let derived = try Self.names.get().filter { $0.enterpriseId == "600062.SH" && $0.kind == .derivedFormerFullName }.map(\.key)
        #expect(derived.contains("双鹤药业股份有限公司") && derived.contains("北京双鹤药业股份有限公司") == false)  // stated, so not derived again
        #expect(!derived.contains { $0.hasSuffix("有限责任公司") })
        #expect(try resolve("双鹤药业有限责任公司").status == .unknown)
    }

    @Test func currentNameOutranksAnotherFirmsFormerNameAndSharedNamesAreAmbiguous() {
        func name(_ id: String, _ text: String, _ kind: EnterpriseName.Kind) -> EnterpriseName {
            EnterpriseName(enterpriseId: id, name: text, kind: kind, source: "test", asOf: "2024-01-01")
        }
        let rows = [name("A", "甲乙医药", .shortName), name("B", "甲乙医药", .formerShortName),
                    name("C", "丙丁生物", .shortName), name("D", "丙丁生物", .shortName),
                    name("E", "戊己生物", .formerShortName), name("F", "戊己生物", .formerShortName)]
        #expect(NameResolution.resolve("甲乙医药", among: rows).enterpriseId == "A")
        let shared = NameResolution.resolve("丙丁生物", among: rows)
        #expect(shared.status == .ambiguous && shared.matches.map(\.enterpriseId) == ["C", "D"] && shared.enterpriseId == nil)
        #expect(NameResolution.resolve("戊己生物", among: rows).status == .ambiguous)
        #expect(NameResolution.resolve("庚辛生物", among: rows).status == .unknown)
    }

    @Test func keysOfABatchAreOneSet() {
        let keys = NameResolution.keys(for: ["江苏恒瑞医药股份有限公司", "江苏恒瑞醫藥股份有限公司", "ST康美", "Jiangsu Hengrui Pharmaceuticals Co., Ltd."])
        #expect(keys == ["江苏恒瑞医药股份有限公司", "ST康美", "康美", "en:JIANGSUHENGRUIPHARMACEUTICALSLTD"])
    }
}

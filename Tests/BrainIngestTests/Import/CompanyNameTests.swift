import BrainModel
import Foundation
import Testing
import BrainIngest

@Suite struct CompanyNameTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/name-pairs.tsv")

    @Test func labelledPairs() throws {
        let lines = try String(contentsOf: Self.fixture, encoding: .utf8).split(separator: "\n").dropFirst()
        #expect(lines.count >= 15)
        for line in lines {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let comparison = CompanyName.compare(fields[0], fields[1])
            #expect(comparison.same == (fields[2] == "true"), "\(fields[0]) | \(fields[1]): \(comparison.reason)")
        }
    }

    @Test func reasonsSayWhy() {
        #expect(CompanyName.compare("苏州某某生物科技有限公司", "苏州某某生物科技有限责任公司").reason.code == "name.legal-form")
        #expect(CompanyName.compare("上海医药集团股份有限公司", "上海医药集团股份有限公司北京分公司").reason.code == "name.branch")
        #expect(CompanyName.compare("國藥控股股份有限公司", "国药控股股份有限公司").reason.code == "name.identical-folded")
        // Worded per language from the catalogue, the values (legal forms, which name) in each language's own words.
        let forms = CompanyName.compare("苏州某某生物科技有限公司", "苏州某某生物科技有限责任公司").reason
        #expect(ReasonText.render(forms, in: .zh) == "名称相同而组织形式不同（有限公司 与 有限责任公司）：不同的登记名称")
        let branch = CompanyName.compare("上海医药集团股份有限公司", "上海医药集团股份有限公司北京分公司").reason
        #expect(ReasonText.render(branch, in: .zh).hasPrefix("第二个名称是另一个的分公司"))
        #expect(ReasonText.render(branch, in: .en).hasPrefix("the second is a branch"))
    }

    @Test func normalisedFormFoldsOnlyPresentation() {
        #expect(CompanyName.normalized("药明康德（上海） 有限公司") == "药明康德(上海)有限公司")
        #expect(CompanyName.normalized("ＡＢＣ醫藥") == "ABC医药")
    }

    @Test func invisibleCharactersQuotesPunctuationAndAnnotationsFold() {
        #expect(CompanyName.compare("江苏恒瑞医药股份有限公司", "江苏恒\u{200B}瑞医药股份有限公司").same)
        #expect(CompanyName.compare("华润双鹤药业股份有限公司", "\u{FEFF}华润双鹤药业股份有限公司").same)
        #expect(CompanyName.compare("“苏州纳微科技股份有限公司”", "苏州纳微科技股份有限公司").same)
        #expect(CompanyName.compare("《北京天智航医疗科技股份有限公司》", "北京天智航医疗科技股份有限公司").same)
        #expect(CompanyName.compare("上海东富龙科技股份有限公司。", "上海东富龙科技股份有限公司").same)
        #expect(CompanyName.compare("康美药业股份有限公司（已注销）", "康美药业股份有限公司").same)
        #expect(CompanyName.compare("华润三九医药股份有限公司（原三九医药股份有限公司）", "三九医药股份有限公司").same)
        #expect(CompanyName.compare("江蘇恆瑞醫藥股份有限公司", "江苏恒瑞医药股份有限公司").same, "恆 and 醫 come from ICU's full table")
        // (集团) and (中国) are part of registered names, not annotations.
        #expect(CompanyName.normalized("上海复星医药（集团）股份有限公司") == "上海复星医药(集团)股份有限公司")
    }

    @Test func bilingualAndEnglishNamesCompareByTheirHalves() {
        #expect(CompanyName.compare("无锡药明康德新药开发股份有限公司 WuXi AppTec Co., Ltd.", "无锡药明康德新药开发股份有限公司").same)
        #expect(CompanyName.compare("华兰生物工程股份有限公司（Hualan Biological Engineering Inc.）", "Hualan Biological Engineering Inc.").same)
        #expect(CompanyName.compare("WuXi AppTec Co., Ltd.", "WuXi AppTec Company Limited").same)
        #expect(CompanyName.compare("WuXi AppTec Co., Ltd.", "wuxi apptec co. ltd").same)
        #expect(!CompanyName.compare("Hualan Biological Engineering Inc.", "Hualan Biological Vaccine Inc.").same)
        // Two Chinese names stay two firms even with one English name beside them.
        #expect(!CompanyName.compare("甲乙医药有限公司 Alpha Pharma Co., Ltd.", "丙丁医药有限公司 Alpha Pharma Co., Ltd.").same)
    }

    @Test func aliasesResolveExactlyAndNeverFuzzily() {
        var aliases = NameAliases(places: ["北京", "北京市"])
        aliases.add(firm: "600062", fullName: "华润双鹤药业股份有限公司", shortName: "华润双鹤", formerShortNames: ["双鹤药业"],
                    englishName: "China Resources Double-Crane Pharmaceutical Co., Ltd.")
        aliases.add(firm: "600085", fullName: "北京同仁堂股份有限公司", shortName: "同仁堂")
        aliases.add(firm: "600329", fullName: "津药达仁堂集团股份有限公司", shortName: "达仁堂")
        #expect(CompanyName.compare("华润双鹤", "华润双鹤药业股份有限公司", aliases: aliases).same)
        #expect(CompanyName.compare("双鹤药业", "华润双鹤", aliases: aliases).same)
        #expect(CompanyName.compare("北京双鹤药业股份有限公司", "华润双鹤", aliases: aliases).same, "place + former short name + the firm's legal form")
        #expect(CompanyName.compare("China Resources Double-Crane Pharmaceutical Co. Ltd", "华润双鹤", aliases: aliases).same)
        #expect(!CompanyName.compare("同仁堂", "达仁堂", aliases: aliases).same)
        #expect(!CompanyName.compare("中国北京同仁堂（集团）有限责任公司", "北京同仁堂股份有限公司", aliases: aliases).same, "another legal form")
        #expect(!CompanyName.compare("华润双鹤药业股份有限公司北京分公司", "华润双鹤", aliases: aliases).same, "a branch")
        #expect(!CompanyName.compare("华润双鹄", "华润双鹤", aliases: aliases).same, "one character")
        // A short name two firms have had resolves to neither.
        aliases.add(firm: "000001", fullName: nil, shortName: nil, formerShortNames: ["双鹤药业"])
        #expect(!CompanyName.compare("双鹤药业", "华润双鹤", aliases: aliases).same)
        #expect(CompanyName.compare("华润双鹤", "华润双鹤药业股份有限公司", aliases: aliases).same, "current names are unaffected")
    }

    @Test func bundledAliasesMeetTheLabelledPairs() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let aliases = try NameAliasLoader.load(dataFolder: repository.appendingPathComponent("data"))
        let lines = try String(contentsOf: repository.appendingPathComponent("Tests/labelled/name-pairs.tsv"), encoding: .utf8).split(separator: "\n").dropFirst()
        var right = 0, falseMerges: [String] = []
        for line in lines {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let same = CompanyName.compare(fields[0], fields[1], aliases: aliases).same
            if same == (fields[2] == "1") { right += 1 } else if same { falseMerges.append(fields[0] + " | " + fields[1]) }
        }
        #expect(falseMerges.isEmpty, "\(falseMerges)")
        #expect(Double(right) / Double(lines.count) >= 0.95)
    }
}


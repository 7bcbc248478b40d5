import Foundation
import Testing
import BrainModel
@testable import BrainIngest

@Suite struct JSONLinesReaderTests {
    @Test func firstObjectGivesTheHeaderLaterLinesAreCheckedAgainstIt() throws {
        let url = try TemporaryFile.write("""
            {"企业名称": "华为技术有限公司", "参保人数": 1000, "上市": true, "备注": null}

            {"企业名称": "甲公司", "参保人数": 5.5}
            [1, 2]
            {"企业名称": "乙公司", "网址": "x"}
            {"企业名称": "丙公司
            """, "firms.jsonl")
        var reader = try RowReaders.open(url)
        var items: [DelimitedReader.Item] = []
        while let item = try reader.next() { items.append(item.inEnglish) }
        #expect(items == [
            .record(line: 0, fields: ["上市", "企业名称", "参保人数", "备注"]),
            .record(line: 1, fields: ["true", "华为技术有限公司", "1000", ""]),
            .record(line: 3, fields: ["", "甲公司", "5.5", ""]),
            .invalid(line: 4, reason: .note("not a JSON object (the line starts with '['; each line must be one object)")),
            .invalid(line: 5, reason: .note("key “网址” is not among the first object's keys (上市, 企业名称, 参保人数, 备注)")),
            .invalid(line: 6, reason: .note("not valid JSON: the value of key “企业名称” is never closed with a quote")),
        ])
    }

    @Test func enterpriseCheckRejectsBadLinesWithTheirNumbers() throws {
        let url = try TemporaryFile.write("{\"企业名称\": \"华为技术有限公司\"}\nnot json\n", "firms.ndjson")
        let summary = try EnterpriseFileCheck(url: url, resolver: try EnterpriseFileCheckTests.resolver.get()).run()
        #expect(summary.accepted == 1 && summary.rejected == 1)
        #expect(summary.problems.map(\.row) == [2] && summary.delimiter == "json-lines")
    }
}

@Suite struct ImportClassifierTests {
    static let classifier = Result { try ImportClassifier.load(dataFolder: AddressResolverTests.root.appendingPathComponent("data")) }

    func classify(_ industry: String?, _ scope: String?) throws -> ImportClassifier.Result {
        try Self.classifier.get().classify(industry: industry, scope: scope)
    }

    @Test func industryClassNameOrCodePlacesTheFirm() throws {
        let byName = try classify("化学药品制剂制造", nil)
        #expect(byName.isBiomedicine && byName.assignments.map(\.nodeId) == ["chemical-drugs"])
        #expect(byName.assignments.first?.confidence == 0.7 && byName.assignments.first.map { ChainEvidence.render($0.evidence, in: .zh) } == "所属行业 2720 化学药品制剂制造")
        #expect(byName.assignments.first.map { ChainEvidence.render($0.evidence, in: .en) } == "industry class “2720 化学药品制剂制造”")
        let byCode = try classify("C2762", "单克隆抗体的研发、生产")
        #expect(byCode.assignments.first.map { ($0.nodeId, $0.confidence) } ?? ("", 0) == ("antibodies", 0.85))
    }

    @Test func theDivisionAloneMakesBiomedicineButNoNode() throws {
        let result = try classify("医药制造业", nil)
        #expect(result.isBiomedicine && result.assignments.isEmpty)
    }

    @Test func scopeAloneNeedsTwoKeywordsForBiomedicine() throws {
        let media = try classify(nil, "细胞培养基、无血清培养基的研发与销售")
        #expect(media.isBiomedicine && media.assignments.map(\.nodeId) == ["culture-media"])
        #expect(media.assignments.first?.method == "import-scope")
        let weak = try classify(nil, "日用百货、化学试剂（不含危险品）销售")
        #expect(!weak.isBiomedicine)
        let none = try classify("软件和信息技术服务业", "计算机软件开发")
        #expect(!none.isBiomedicine && none.assignments.isEmpty)
    }

    @Test func branchNamesGiveTheirParent() {
        #expect(EnterpriseRecord.parentName(of: "江苏恒瑞医药股份有限公司上海分公司") == "江苏恒瑞医药股份有限公司")
        #expect(EnterpriseRecord.parentName(of: "上海医药集团股份有限公司") == nil)
        #expect(EnterpriseRecord.parentName(of: "某某分公司") == nil)
    }
}

@Suite struct ClassificationScoreTests {
    /// Hand-computed: a: P 2/3, R 2/2 → F1 0.8; b: P 1/2 (c was taken for b), R 1/2 → F1 0.5; c: never right → 0.
    @Test func macroF1IsTheMeanOfPerClassF1() {
        let score = ClassificationScore(pairs: [("a", "a"), ("a", "a"), ("b", "b"), ("b", "a"), ("c", "b")])
        #expect(abs(score.f1("a") - 0.8) < 1e-9 && abs(score.f1("b") - 0.5) < 1e-9 && score.f1("c") == 0)
        #expect(abs(score.macroF1 - (0.8 + 0.5) / 3) < 1e-9 && abs(score.accuracy - 0.6) < 1e-9)
        #expect(score.confusion["b"] == ["b": 1, "a": 1])
    }

    @Test func naiveBayesLearnsWordsOfEachClass() {
        let model = NaiveBayesNodeClassifier(training: [("单克隆抗体注射液", "biologics"), ("重组蛋白疫苗", "biologics"),
                                                        ("阿莫西林胶囊片剂", "chemical-drugs"), ("头孢注射剂片剂", "chemical-drugs")])
        #expect(model.predict("抗体偶联药物") == "biologics")
        #expect(model.predict("缓释片剂") == "chemical-drugs")
    }
}

@Suite struct LinkFileCheckTests {
    @Test func productsAndEventsAreValidatedRowByRow() throws {
        let products = try TemporaryFile.write("证券简称,产品,营收占比\n恒瑞医药,抗肿瘤药,35%\n恒瑞医药,造影剂,0.2\n恒瑞医药,,1%\n恒瑞医药,某药,150%\n", "products.csv")
        let check = LinkFileCheck(url: products, kind: .products)
        try check.start()
        var links: [ImportedLink] = []
        while let batch = try check.next() { links += batch }
        #expect(links == [.product(line: 2, firm: FirmReference(uscc: nil, name: "恒瑞医药"), product: "抗肿瘤药", revenueShare: 0.35),
                          .product(line: 3, firm: FirmReference(uscc: nil, name: "恒瑞医药"), product: "造影剂", revenueShare: 0.2)])
        #expect(check.summary.problems.map(\.row) == [4, 5] && check.summary.problems[1].reason == "占比超过 100%"
                && check.summary.problems[1].rendered(in: .en).reason == "a share above 100%")
        let events = try TemporaryFile.write("企业名称,事件类型,日期,标题\n甲公司,获批,2024年3月1日,新药获批\n甲公司,裁员,2024-03-01,x\n", "events.csv")
        let eventCheck = LinkFileCheck(url: events, kind: .events)
        try eventCheck.start()
        var eventLinks: [ImportedLink] = []
        while let batch = try eventCheck.next() { eventLinks += batch }
        #expect(eventLinks.count == 1 && eventCheck.summary.problems.first?.rendered(in: .en).reason.contains("unknown event type") == true)
    }

    @Test func aFileWithoutTheNeededColumnsIsAFileError() throws {
        let url = try TemporaryFile.write("企业名称,备注\n甲公司,x\n", "products.csv")
        #expect(throws: EnterpriseFileCheck.FileError.self) { try LinkFileCheck(url: url, kind: .products).start() }
    }
}

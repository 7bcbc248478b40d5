import Foundation
import Testing
import BrainModel
@testable import BrainIngest

/// Chain-assignment evidence as codes and values (issue 18): the classifier stores reasons, Chinese reads as the
/// sentences it wrote before, English carries no Chinese of ours, and an old database's sentence stays readable.
@Suite struct ChainEvidenceTests {
    @Test func chineseReadsAsTheClassifiersSentencesDid() {
        let product = EvidenceHit(source: .product, keyword: "胰岛素", text: "重组人胰岛素", share: 0.354, specific: true)
        #expect(ReasonText.render(product.reason, in: .zh) == "主营产品 重组人胰岛素 (占营收 35%) 含“胰岛素”")
        #expect(ReasonText.render(product.reason, in: .en) == "main product “重组人胰岛素” (35% of revenue) contains “胰岛素”")
        let unshared = EvidenceHit(source: .product, keyword: "疫苗", text: "流感疫苗", share: nil, specific: true)
        #expect(ReasonText.render(unshared.reason, in: .zh) == "主营产品 流感疫苗 含“疫苗”")
        #expect(ReasonText.render(EvidenceHit(source: .summaryLead, keyword: "CRO", specific: true).reason, in: .zh) == "英文业务简介首句含“CRO”")
        #expect(ReasonText.render(EvidenceHit(source: .summaryBody, keyword: "vaccine", specific: true).reason, in: .zh) == "英文业务简介含“vaccine”")
        #expect(ReasonText.render(EvidenceHit(source: .name, keyword: "药用玻璃", specific: true).reason, in: .zh) == "企业全称含“药用玻璃”")
        let sw = ["code": "370102", "name": "化学制剂"]
        let stored = ChainEvidence.encode([Reason("evidence.sw2021", sw), product.reason, Reason("evidence.no-other-sub-node")])
        #expect(ChainEvidence.render(stored, in: .zh) == "申万2021 370102 化学制剂；主营产品 重组人胰岛素 (占营收 35%) 含“胰岛素”，未见其他子节点的证据")
        #expect(ChainEvidence.render(stored, in: .en)
                == "Shenwan 2021 industry 370102 “化学制剂”; main product “重组人胰岛素” (35% of revenue) contains “胰岛素”, no evidence of another sub-node")
        let dropped = ChainEvidence.encode([Reason("evidence.sw2021-unconfirmed", sw)])
        #expect(ChainEvidence.render(dropped, in: .zh) == "（申万2021 370102 化学制剂 无佐证，未采用）")
        let parent = ChainEvidence.encode([Reason("evidence.sub-node", ["node": "单抗", "node.en": "Antibodies"])])
        #expect(ChainEvidence.render(parent, in: .zh) == "属子节点 单抗" && ChainEvidence.render(parent, in: .en) == "on its sub-node Antibodies")
    }

    @Test func oldPlainTextEvidenceStaysAsWritten() {
        for old in ["申万2021 370102 化学制剂；英文业务简介含“vaccine”", "所属行业 2720 化学药品制剂制造", "", "[not json"] {
            #expect(ChainEvidence.reasons(old) == nil)
            #expect(ChainEvidence.render(old, in: .en) == old && ChainEvidence.render(old, in: .zh) == old)
        }
    }

    /// Every placement of the bundled data is stored as known codes, and its English has no Chinese outside quotes.
    @Test func theClassifierStoresCodesWordedInBothLanguages() throws {
        let bundle = try BundleFixture.bundle()
        let han = try Regex("[\\u{4E00}-\\u{9FFF}]")
        var english = 0
        for assignment in bundle.assignments {
            let reasons = try #require(ChainEvidence.reasons(assignment.evidence), "\(assignment.enterpriseId) \(assignment.nodeId): \(assignment.evidence)")
            #expect(!reasons.isEmpty)
            for reason in reasons {
                #expect(ReasonText.templates[reason.code] != nil, "unknown code \(reason.code)")
                let text = ReasonText.render(reason, in: .en)
                let unquoted = text.replacing(try Regex("“[^”]*”"), with: "")
                #expect(unquoted.firstMatch(of: han) == nil, "\(reason.code): \(text)")
                #expect(!ReasonText.render(reason, in: .zh).contains("–"), "a slot without a value: \(reason)")
                english += 1
            }
        }
        #expect(english > 1000)
    }
}

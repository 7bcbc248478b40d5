import Testing
import BrainModel
@testable import BrainAnalytics

/// A 招商 target's "on this node because of" clause comes from its placement's evidence: worded per language when the
/// evidence is coded, the old sentence's first clause (as data) when it is not.
@Suite struct TargetEvidenceClauseTests {
    @Test func codedEvidenceGivesTheFirstReasonInEachLanguage() {
        let stored = ChainEvidence.encode([Reason("evidence.product-share", ["product": "重组人胰岛素", "share": "35", "keyword": "胰岛素"]),
                                           Reason("evidence.summary", ["keyword": "insulin"])])
        let values = TargetReasons.firstClauses(stored)
        #expect(values["evidence"] == "主营产品 重组人胰岛素 ", "the Chinese clause stops where it always did")
        #expect(values["evidence.en"] == "main product “重组人胰岛素” (35% of revenue) contains “胰岛素”")
        let reason = Reason("target.evidence", values.merging(["node": "胰岛素", "node.en": "Insulin"]) { a, _ in a })
        #expect(!ReasonText.render(reason, in: .en).contains("主营"))
    }

    @Test func oldSentencesGiveTheirFirstClause() {
        #expect(TargetReasons.firstClauses("申万2021 370102 化学制剂；英文业务简介含“vaccine”") == ["evidence": "申万2021 370102 化学制剂"])
    }
}

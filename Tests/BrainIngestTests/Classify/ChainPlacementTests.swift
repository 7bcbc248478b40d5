import Foundation
import Testing
import BrainModel
@testable import BrainIngest

/// Chain placement on the real bundled data: the cases issue 15 names, and the hand-labelled set's goals.
@Suite struct ChainPlacementTests {
    static let labelled = BundleFixture.dataFolder.deletingLastPathComponent().appendingPathComponent("Tests/labelled/chain-placement.tsv")

    func nodes(_ stock: String) throws -> Set<String> {
        let bundle = try BundleFixture.bundle()
        let firm = try #require(bundle.enterprises.first { $0.stockCode == stock })
        return Set(bundle.assignments.filter { $0.enterpriseId == firm.id }.map(\.nodeId))
    }

    @Test func theIssuesExamplesSitWhereTheirBusinessIs() throws {
        #expect(try !nodes("688690").contains("api"), "纳微科技 makes chromatography media, not APIs")
        #expect(try nodes("000627").isEmpty, "天茂集团 is an insurer")
        let tofflon = try nodes("300171")
        #expect(tofflon.contains("pharma-equipment"), "东富龙 makes freeze dryers")
        #expect(tofflon.subtracting(["pharma-equipment", "process-equipment", "bioreactors", "single-use-systems"]).isEmpty, "东富龙: \(tofflon)")
        #expect(try nodes("688180").contains("antibodies"), "君实生物")
        #expect(try nodes("688277").contains("surgical-robots"), "天智航")
        let bundle = try BundleFixture.bundle()
        #expect(bundle.enterprises.first { $0.stockCode == "000627" }?.isBiomedicine == false)
        #expect(bundle.taxonomy.placement?.excludedSW2021L1.contains("490000") == true, "the chain file says which sectors are never placed")
    }

    @Test func everyPlacementKeepsItsEvidence() throws {
        let bundle = try BundleFixture.bundle()
        #expect(bundle.assignments.allSatisfy { !$0.evidence.isEmpty && $0.confidence > 0 && $0.confidence <= 1 })
        let tinavi = try #require(bundle.assignments.first { $0.enterpriseId == "688277.SH" && $0.nodeId == "surgical-robots" })
        #expect(tinavi.method == "business-summary")
        #expect(tinavi.evidence.contains("robotic system"))
        #expect(tinavi.provenance.source == "financedatabase")
    }

    @Test func englishKeywordsMatchWholeWordsOnly() {
        #expect(EvidenceText.contains("provides CRO services", keyword: "CRO"))
        #expect(!EvidenceText.contains("microelectronics", keyword: "CRO"))
        #expect(!EvidenceText.contains("capital markets", keyword: "API"))
        #expect(EvidenceText.contains("sells APIs and intermediates", keyword: "API"))
        #expect(EvidenceText.contains("freeze dryers and lyophilizers", keyword: "lyophiliz"))
        #expect(EvidenceText.contains("重组人胰岛素原料药", keyword: "胰岛素"))
    }

    @Test func labelledSetMeetsTheGoals() throws {
        let bundle = try BundleFixture.bundle()
        let labels = try PlacementEvaluation.readLabels(Self.labelled)
        #expect(labels.count >= 150)
        let score = PlacementEvaluation(labels: labels, assignments: bundle.assignments, taxonomy: bundle.taxonomy)
        #expect(score.nonBiomedicinePlaced.isEmpty, "non-biomedicine firms placed: \(score.nonBiomedicinePlaced)")
        #expect(score.noWrongShare >= 0.95, "no wrong node \(score.noWrongShare): \(score.wrongFirms)")
        // Goal 0.85, reached 0.874 by machine evidence alone: the misses are mostly firms listed after 2021 whose only
        // evidence is their 申万 L3 (no business summary, no product lines) — they sit on the parent node, as the evidence
        // allows. Floor against regressions.
        #expect(score.specificShare >= 0.87, "specific node \(score.specificShare): missed \(score.missedFirms)")
    }

    @Test func veterinaryPesticideAndFoamingProductsPlaceNoFirm() throws {
        // 动物保健 (申万 110801): 生物股份, 普莱柯, 中牧股份 make animal vaccines; 蔚蓝生物's summary says "animal vaccines".
        for stock in ["600201", "603566", "600195", "603739"] { #expect(try nodes(stock).isEmpty, "\(stock) is veterinary") }
        #expect(try nodes("600746").isEmpty, "江苏索普's ADC发泡剂 is a blowing agent, not an antibody-drug conjugate")
        #expect(try nodes("603980").isEmpty, "吉华集团 makes dye intermediates")
        #expect(try !nodes("300261").contains("innovative-drugs"), "雅本化学's 抗肿瘤药中间体 is an intermediate")
    }

    @Test func innovativeDrugMakersAreFoundFromTheirSummaries() throws {
        // Issue 18: the 创新药 node held 14 firms, 12 of them only by their "-U" suffix. Original new drugs, targeted
        // small molecules named by their INN stem (apatinib, pyrotinib) and inhibitors in clinical trials say it too.
        #expect(try nodes("688321").contains("innovative-drugs"), "微芯生物: original small molecule drugs")
        #expect(try nodes("688189").contains("innovative-drugs"), "南新制药: focuses on innovative drugs")
        #expect(try nodes("688505").contains("innovative-drugs"), "复旦张江: JAK1 inhibitor in Phase I")
        #expect(try !nodes("002755").contains("innovative-drugs"), "奥赛康's marketed proton pump inhibitors are no pipeline")
        let bundle = try BundleFixture.bundle()
        #expect(Set(bundle.assignments.filter { $0.nodeId == "innovative-drugs" }.map(\.enterpriseId)).count >= 18)
        let found = DrugNameEvidence.hits(summary: "It offers proton pump inhibitor injections. It is developing a JAK1 inhibitor in Phase I clinical trial.",
                                          innStems: ["innovative-drugs": ["tinib"]], pipelineNode: "innovative-drugs")
        #expect(found["innovative-drugs"] == ["JAK1 inhibitor"])
    }

    @Test func foodAndFeedAdditivesAreNoAPIEvidence() throws {
        // 星湖科技 sells 味精 and 呈味核苷酸; its 核苷酸原料药 line is a flavour and feed additive, not an API.
        #expect(try !nodes("600866").contains("api"))
        let bundle = try BundleFixture.bundle()
        let rules = try #require(bundle.taxonomy.placement?.productWordsNotEvidenceFor?["api"])
        #expect(rules.contains("味精") && rules.contains("核苷酸"))
    }

    @Test func developmentCodesAndAntibodyNamesAreEvidence() throws {
        #expect(try nodes("600276").contains("innovative-drugs"), "恒瑞医药 develops SHR-coded new molecules")
        #expect(try nodes("300558").contains("innovative-drugs"), "贝达药业: icotinib, CM082")
        #expect(DrugNameEvidence.isDevelopmentCode("SHR3680") && DrugNameEvidence.isDevelopmentCode("SHR-A1201"))
        #expect(DrugNameEvidence.isDevelopmentCode("CM082"))
        #expect(!DrugNameEvidence.isDevelopmentCode("ISO9001") && !DrugNameEvidence.isDevelopmentCode("COVID-19"))
        #expect(!DrugNameEvidence.isDevelopmentCode("B2B") && !DrugNameEvidence.isDevelopmentCode("2021"))
        let found = DrugNameEvidence.hits(summary: "It is developing Camrelizumab and SHR-1316. It sells GMP1234 tablets.",
                                          innStems: ["antibodies": ["mab"]], pipelineNode: "innovative-drugs")
        #expect(found["antibodies"] == ["Camrelizumab"])
        #expect(found["innovative-drugs"] == ["SHR-1316"], "a code outside a sentence about development is not a pipeline")
        #expect(DrugNameEvidence.hits(summary: "It offers a kebab and mab.", innStems: ["antibodies": ["mab"]], pipelineNode: nil).isEmpty)
    }
}

@testable import BrainAnalytics
import BrainModel
import Foundation
import Testing

/// The chain analytics' reasons as data: codes and values on a small fixture, and their wording in both languages.
@Suite struct ChainReasonTests {
    /// The hand-built chain of `ExploreFixture` at city level: 苏州 and 杭州 over 原料药, 化学药 and 仿制药.
    static let region = "320500"

    static func analysis() throws -> LevelAnalysis {
        LevelAnalysis(try ExploreFixture.index(), level: .city)
    }

    @Test func gapReasonsAreCodesWithFormattedValues() throws {
        let analysis = try Self.analysis()
        let report = try ChainGaps.report(analysis, links: NodeLinks(analysis.index), region: Self.region)
        for node in report.nodes {
            let codes = node.reasons.map(\.code)
            switch node.status {
            case "strong": #expect(codes == ["gap.strong"]); #expect(node.reasons[0].values["threshold"] == "1.25")
            case "weak": #expect(codes == ["gap.weak"]); #expect(node.reasons[0].values["firms"] == ChainGaps.fmt(node.firms))
            case "missing-related": #expect(codes == ["gap.missing-related"])
            default: #expect(codes == ["gap.missing"])
            }
        }
        #expect(report.strengthen.allSatisfy { $0.reasons.last?.code == "gap.density" })
    }

    @Test func gapReasonsReadInBothLanguages() {
        let weak = Reason("gap.weak", ["lq": "0.8", "threshold": "1.25", "firms": "3"])
        #expect(ReasonText.render(weak, in: .zh) == "已有 3 家企业，但区位商 LQ 0.8 < 1.25")
        #expect(ReasonText.render(weak, in: .en) == "3 firms here, but LQ 0.8 < 1.25")
        let extend = Reason("gap.downstream-of-strong", ["node": "原料药", "node.en": "APIs", "pairs": "4", "example": "阿莫西林胶囊 ← 青霉素"])
        #expect(ReasonText.render(extend, in: .zh) == "为本地优势节点「原料药」的下游：4 组产品关联，如 阿莫西林胶囊 ← 青霉素")
        #expect(ReasonText.render(extend, in: .en) == "downstream of strong APIs: 4 product links, e.g. “阿莫西林胶囊 ← 青霉素”")
    }

    @Test func opportunityAndChokepointReasons() throws {
        let analysis = try Self.analysis()
        let report = try Opportunities.report(analysis, region: Self.region)
        for item in report.opportunities {
            #expect(item.reason.code == (item.becauseOf.isEmpty ? "opportunity.unrelated" : "opportunity.related"))
            #expect(item.quadrantLabel.code == "quadrant." + item.quadrant)
            if let first = item.becauseOf.first {
                #expect(ReasonText.render(item.reason, in: .zh).contains(first.node.nameZh))
                #expect(ReasonText.render(item.reason, in: .en).contains(first.node.nameEn))
            }
        }
        #expect(report.caveats.map(\.code) == ["opportunity.caveat-presence", "opportunity.caveat-overlap"])
        let flags = [Reason("chokepoint.single-supplier"), Reason("chokepoint.concentrated-firms", ["hhi": "0.62"])]
        #expect(ReasonText.render(flags, in: .zh) == "仅 1 家上市供应商；供应高度集中于少数企业（HHI 0.62）")
        #expect(ReasonText.render(flags, in: .en) == "single listed supplier; highly concentrated among firms (HHI 0.62)")
    }

    @Test func labelsOfPeerRowsClusterCriteriaAndQualityAreInTheCatalogue() throws {
        let analysis = try Self.analysis()
        let peers = try Peers.report(analysis, region: Self.region, count: 2)
        let cluster = try ClusterCriteria.report(analysis, region: Self.region)
        for label in peers.indicators.map(\.label) + cluster.criteria.map(\.label)
            + ["space", "industry", "capital", "innovation", "talent"].map({ Reason("quality." + $0) }) {
            #expect(ReasonText.templates[label.code] != nil, "\(label.code) has no wording")
        }
        #expect(ReasonText.render(peers.indicators.first { $0.indicator == "biomedicineFirms" }!.label, in: .zh) == "生物医药企业")
    }

    /// A reason in JSON is its code and values; the API's encoder adds `text` in the language asked, pages get both.
    @Test func encodingAddsTextOnlyWhenAsked() throws {
        let reason = Reason("chokepoint.named")
        let plain = String(decoding: try JSONEncoder().encode(reason), as: UTF8.self)
        #expect(!plain.contains("text"))
        let base = JSONEncoder()
        base.outputFormatting = .sortedKeys
        let en = String(decoding: try ReasonEncoding.language(.en).encoder(like: base).encode(reason), as: UTF8.self)
        #expect(en == #"{"code":"chokepoint.named","text":"named as a chokepoint by the sources","values":{}}"#)
        let both = String(decoding: try ReasonEncoding.bilingual.encoder(like: base).encode([reason]), as: UTF8.self)
        #expect(both == #"[{"code":"chokepoint.named","text":"资料列为卡脖子环节","textEn":"named as a chokepoint by the sources","values":{}}]"#)
        #expect(try JSONDecoder().decode(Reason.self, from: Data(en.utf8)) == reason)
    }
}

import Testing
import BrainAnalytics
import BrainModel

/// The region page's 延链 section (`ChainGaps`) and the 延链 target strategy follow one rule (`ChainExtension`): on the
/// real bundle 苏州 (320500) and 连云港 (320700) have 延链 nodes, the section lists exactly the nodes the strategy scores,
/// each with a reason naming its link (product or chain), and every 延链 target sits on a node of the section.
@Suite struct ChainExtensionRealDataTests {
    static let analysis: Result<LevelAnalysis, any Error> = Result {
        LevelAnalysis(try IndustryOnlyListsTests.index.get(), level: .city)
    }

    @Test(arguments: ["320500", "320700"])
    func sectionAndStrategyAgree(city: String) throws {
        let analysis = try Self.analysis.get(), links = NodeLinks(analysis.index)
        let gaps = try ChainGaps.report(analysis, links: links, region: city)
        #expect(!gaps.extend.isEmpty, "\(city): 延链 section empty")
        let nodes = try TargetRegionNodes(analysis, links: links, region: city)
        let scored = Set(analysis.nodeIds.indices.filter { nodes.extend[$0] > 0 }.map { analysis.nodeIds[$0] })
        #expect(Set(gaps.extend.map(\.node.id)) == scored, "\(city)")
        let strong = Set(gaps.nodes.filter { $0.status == "strong" }.map(\.node.id))
        for action in gaps.extend {
            #expect(!strong.contains(action.node.id))
            #expect(action.score > 0 && action.score <= 1)
            let codes = Set(action.reasons.map(\.code))
            #expect(!codes.isDisjoint(with: ["gap.upstream-of-strong", "gap.downstream-of-strong", "gap.chain-neighbour-of-strong"]),
                    "\(city) \(action.node.id): \(codes)")
            // Each reason renders in both languages from the catalogue, naming the strong node.
            for reason in action.reasons {
                #expect(!ReasonText.render([reason], in: .zh).contains("{"))
                #expect(!ReasonText.render([reason], in: .en).contains("{"))
            }
        }
        // Scores order the section, highest first.
        #expect(gaps.extend.map(\.score) == gaps.extend.map(\.score).sorted(by: >))
        let targets = InvestmentTargets.build(analysis)
        let report = try targets.report(region: city, strategy: .extend, size: 50)
        #expect(!report.targets.isEmpty)
        #expect(report.targets.allSatisfy { $0.node.map { scored.contains($0.id) } ?? false }, "\(city)")
    }

    /// A chain-neighbour node's reason names the strong node beside it, in the page's language.
    @Test func chainNeighbourReasonNamesTheStrongNode() throws {
        let analysis = try Self.analysis.get()
        let gaps = try ChainGaps.report(analysis, links: NodeLinks(analysis.index), region: "320500")
        let chain = gaps.extend.flatMap(\.reasons).filter { $0.code == "gap.chain-neighbour-of-strong" }
        #expect(!chain.isEmpty, "苏州: no 延链 node by chain adjacency")
        let strongNames = Set(gaps.nodes.filter { $0.status == "strong" }.map(\.node.nameZh))
        for reason in chain {
            #expect(strongNames.contains(reason.values["node"] ?? ""))
            #expect(ReasonText.render([reason], in: .zh).contains("同在一条细分产业链上"))
        }
    }
}

import Foundation
import Testing
import BrainAnalytics
import BrainModel

/// The 招商 lists of 连云港 (320700) and 苏州 (320500) on the real bundle: spread over nodes, firm-specific reasons,
/// biomedicine firms only, and strategies that do what they say. Expectations from public knowledge: 连云港 is a
/// chemical and innovative drug base (恒瑞, 豪森, 正大天晴), so chemical drugs are strong there and 强链 leads with them.
@Suite struct TargetsOnRealDataTests {
    static let targets: Result<InvestmentTargets, any Error> = Result {
        InvestmentTargets.build(LevelAnalysis(try IndustryOnlyListsTests.index.get(), level: .city))
    }

    @Test(arguments: ["320700", "320500"])
    func topTwentySpanNodesWithReasonsOfTheirOwn(city: String) throws {
        let targets = try Self.targets.get(), index = try IndustryOnlyListsTests.index.get()
        let onChain = Set(index.biomedicineEnterprises.map(\.id))
        for strategy in TargetStrategy.presets {
            let report = try targets.report(region: city, strategy: strategy, size: 20)
            #expect(report.targets.count == 20)
            let nodes = Dictionary(grouping: report.targets, by: { $0.node?.id ?? "" }).mapValues(\.count)
            // A chain preset lists only firms on the nodes it is about (延链: few nodes sit beside a strong one), so the
            // spread asked is what those nodes allow; the diversity rule relaxes only when fewer than four are left.
            let available = Set(try targets.report(region: city, strategy: strategy, size: 500).targets.compactMap(\.node?.id)).count
            #expect(nodes.count >= min(4, available), "\(city) \(strategy.id): \(nodes)")
            #expect(available < 4 || nodes.values.allSatisfy { $0 <= 5 }, "\(city) \(strategy.id): \(nodes)")
            if strategy.id == "extend" { #expect(report.targets.allSatisfy { $0.role == "extend" }, "\(city) 延链") }
            #expect(report.targets.allSatisfy { onChain.contains($0.firm.id) })
            // Reasons differ between firms: no two targets share their whole wording.
            let texts = report.targets.map { ReasonText.render($0.reasons, in: .zh) }
            #expect(Set(texts).count == texts.count, "\(city) \(strategy.id)")
            #expect(report.targets.allSatisfy { $0.reasons.count >= 3 && $0.role != nil })
        }
    }

    @Test func lianyungangIsStrongInChemicalDrugsAndTheStrategiesDiffer() throws {
        let targets = try Self.targets.get()
        let strengthen = try targets.report(region: "320700", strategy: .strengthen, size: 20)
        #expect(strengthen.targets.contains { $0.node?.id == "chemical-drugs" && $0.nodeStatus == "strong" && $0.role == "strengthen" })
        #expect(strengthen.targets.allSatisfy { $0.role == "strengthen" })
        let fill = try targets.report(region: "320700", strategy: .fill, size: 20)
        #expect(fill.targets.allSatisfy { $0.nodeStatus != "strong" }, "\(fill.targets.map { $0.node?.id ?? "" })")
        let complexity = try targets.report(region: "320700", strategy: .complexity, size: 20)
        #expect(Set(complexity.targets.map(\.firm.id)) != Set(strengthen.targets.map(\.firm.id)))
        // The node column is what the node is for the region, not one fixed label: 补链 under fill, 强链 under 强链.
        #expect(fill.targets.contains { $0.role == "fill" } && fill.targets.allSatisfy { $0.role != "strengthen" || $0.nodeStatus == "weak" })
    }

    /// Tests/labelled/region-strong-nodes.tsv: nodes a city is known to be strong in are strong here, and 强链 courts
    /// firms on them within its first three pages.
    @Test func labelledStrongNodesAreStrengthened() throws {
        let targets = try Self.targets.get(), index = try IndustryOnlyListsTests.index.get()
        let file = IndustryOnlyListsTests.repository.appendingPathComponent("Tests/labelled/region-strong-nodes.tsv")
        let rows = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").dropFirst().map { $0.split(separator: "\t").map(String.init) }
        #expect(rows.count >= 3)
        for row in rows where row.count >= 3 {
            let (code, node) = (row[0], row[2])
            let report = try targets.report(region: code, strategy: .strengthen, size: 60)
            // A firm on the node counts when it is shown on the node or on its parent (a firm on 创新药 is also on 化学药,
            // whichever scores higher is shown); the shown node must be strong here and the role 强链.
            let parent = index.nodesById[node]?.parentId
            #expect(report.targets.contains { target in
                (index.nodesByEnterprise[target.firm.id] ?? []).contains(node) && [node, parent].contains(target.node?.id)
                    && target.nodeStatus == "strong" && target.role == "strengthen"
            }, "\(code) \(node)")
            let analysis = LevelAnalysis(index, level: .city)
            let status = try TargetRegionNodes(analysis, links: NodeLinks(index), region: code)
            #expect(analysis.nodeIds.firstIndex(of: node).map { status.status[$0] } == "strong", "\(code) \(node)")
        }
    }
}

import ArgumentParser
import Foundation
import BrainAnalytics
import BrainIngest
import BrainModel

/// `brain bench links`: how many product links of the knowledge graph survive vetting (`ProductLinks`), why the rest
/// were dropped, and what that does to the firm links, node links and a node's main products.
struct BenchLinks: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "links",
        abstract: "Product links before and after vetting: share dropped by reason, firm and node links, biomedicine main products.",
        discussion: """
            Before: every relation of the chain knowledge graph (direction normalised, duplicates removed), and the firm
            links the earlier rule drew from it (any relation between names of three or more characters that at most 25
            firms list, made by firms on the chain). After: the links between biomedicine products along the chain's
            tiers (docs/methods.md, "Product links").
            """)
    @Option(help: "Folder holding the bundled open data.") var data: String = "data"
    @Option(help: "Dropped examples printed per reason.") var examples = 3
    @Option(help: "Also print this many product lines of chain firms judged not biomedicine, and the firm pairs kept (for vetting the vocabulary).")
    var review = 0

    func run() throws {
        let bundle = try BundleLoader(folder: URL(fileURLWithPath: data)).load().bundle
        let index = SnapshotIndex(bundle)
        let (links, seconds, cpu) = Measurement.cpuSeconds { ProductLinks(index) }
        let (_, graphSeconds, graphCPU) = Measurement.cpuSeconds { ProductGraph(index) }
        let total = links.relationCount
        func share(_ count: Int, of whole: Int) -> String { whole == 0 ? "–" : String(format: "%.1f%%", Double(count) / Double(whole) * 100) }
        print("product relations (direction normalised, duplicates removed): \(total)   vetted links built in "
              + String(format: "%.2f s (%.2f s CPU), the product graph in %.2f s (%.2f s CPU)", seconds, cpu, graphSeconds, graphCPU))
        print("kept (biomedicine ↔ biomedicine along the tiers): \(links.links.count) (\(share(links.links.count, of: total)))")
        for reason in ProductLinks.DropReason.allCases {
            let count = links.dropped[reason] ?? 0
            print("dropped \(reason.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0)) \(String(count).leftPad(7))  \(share(count, of: total).leftPad(6))"
                  + "   e.g. " + (links.droppedExamples[reason] ?? []).prefix(examples).joined(separator: "；"))
        }
        let supplyRelations = total - (links.dropped[.subclass] ?? 0)
        print("of the supply relations (上游材料, 下游产品; \(supplyRelations)): kept \(share(links.links.count, of: supplyRelations))")

        let before = Self.firmPairsBefore(index, anyMaker: false), beforeAny = Self.firmPairsBefore(index, anyMaker: true)
        let after = FirmLinks(index, links: links)
        let afterPairs = after.suppliers.values.reduce(0) { $0 + $1.count }
        print("firm supplier→customer pairs between chain firms (招商 links): before \(before), after \(afterPairs) (\(share(before - afterPairs, of: before)) dropped)")
        print("suppliers of chain firms from any firm (portrait's related firms): before \(beforeAny), after \(afterPairs) (\(share(beforeAny - afterPairs, of: beforeAny)) dropped)")
        let nodeLinks = NodeLinks(links)
        print("node links (延链): \(nodeLinks.links.count) node pairs from \(nodeLinks.links.reduce(0) { $0 + $1.productPairs }) product pairs")
        for link in nodeLinks.links.prefix(8) {
            let name = { (id: String) in index.nodesById[id]?.nameZh ?? id }
            print("  \(name(link.upstream)) → \(name(link.downstream)): \(link.productPairs), e.g. \(link.examples.first ?? "")")
        }
        var lines = 0, biomedicine = 0
        for firm in index.biomedicineEnterprises {
            for product in Set((index.productsByEnterprise[firm.id] ?? []).map(\.product)) {
                lines += 1
                if links.isBiomedicine(product) { biomedicine += 1 }
            }
        }
        print("product lines of firms on the chain: \(lines), biomedicine (listed as main products): \(biomedicine) (\(share(biomedicine, of: lines)))")
        guard review > 0 else { return }
        var rejected: [String: Int] = [:]
        for firm in index.biomedicineEnterprises {
            for product in Set((index.productsByEnterprise[firm.id] ?? []).map(\.product)) where !links.isBiomedicine(product) { rejected[product, default: 0] += 1 }
        }
        var accepted: [String: Int] = [:]
        for firm in index.biomedicineEnterprises {
            for product in Set((index.productsByEnterprise[firm.id] ?? []).map(\.product)) where links.isBiomedicine(product) { accepted[product, default: 0] += 1 }
        }
        print("biomedicine: " + accepted.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(review).map { "\($0.key) \(links.nodes(of: $0.key).sorted().joined(separator: "/"))" }.joined(separator: "；"))
        print("not biomedicine: " + rejected.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(review).map { "\($0.key) \($0.value)" }.joined(separator: "；"))
        for (customer, suppliers) in after.suppliers.sorted(by: { $0.key < $1.key }) {
            for (supplier, link) in suppliers.sorted(by: { $0.key < $1.key }) {
                print("  \(index.enterprisesById[supplier]?.name ?? supplier) → \(index.enterprisesById[customer]?.name ?? customer): \(link.upstream) → \(link.downstream)")
            }
        }
    }

    /// The firm links of the rule before vetting: names of three or more characters listed by at most 25 firms and no
    /// accounting line, any relation kind; the supplier on the chain (招商 links) or any firm (the portrait's suppliers).
    static func firmPairsBefore(_ index: SnapshotIndex, anyMaker: Bool) -> Int {
        let graph = ProductGraph(index)
        func specific(_ name: String) -> Bool { name.count >= 3 && (graph.makers[name]?.count ?? 0) <= 25 && !NodeExplorer.isAccountingLine(name) }
        var pairs = Set<[String]>()
        for firm in index.biomedicineEnterprises {
            for product in Set((index.productsByEnterprise[firm.id] ?? []).map(\.product)) where specific(product) {
                for edge in graph.inputs(of: product) where specific(edge.upstream) {
                    for maker in graph.makers[edge.upstream] ?? [] where maker != firm.id && (anyMaker || index.nodesByEnterprise[maker] != nil) {
                        pairs.insert([maker, firm.id])
                    }
                }
            }
        }
        return pairs.count
    }
}

private extension String {
    func leftPad(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}

import Foundation
import BrainAnalytics
import BrainModel
import BrainStore

/// `brain stats --layers`: what each layer holds, counted the way the analyses count it (from the snapshot).
enum LayerStats {
    static func print(_ store: any ImportingStore) async throws {
        let bundle = try await store.snapshot()
        let imports = Dictionary(try await store.imports().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let names = Dictionary(bundle.taxonomy.nodes.map { ($0.id, $0.nameZh) }, uniquingKeysWith: { a, _ in a })
        for layer in LayerSet(bundle.layerCounts.keys).ids {
            let index = SnapshotIndex(bundle.restricted(to: LayerSet([layer])))
            let coverage = Coverage(index, layers: LayerSet([layer]), level: .district)
            Swift.print("\(layer): \(coverage.firms) firms; located to province \(coverage.locatedToProvince), "
                        + "city \(coverage.locatedToCity), district \(coverage.locatedToDistrict); on the chain \(index.biomedicineEnterprises.count)")
            for entry in bundle.importLayers where entry.layer == layer {
                guard let batch = imports[entry.importId] else { continue }
                Swift.print("  import #\(batch.id) \(batch.file) as of \(batch.asOf)\(batch.organisationId.map { " (organisation \($0))" } ?? ""): "
                            + "created \(batch.outcome.created), linked to or updating existing firms \(batch.outcome.updated), to review \(batch.outcome.review)")
            }
            let nodes = index.nodeIds.compactMap { id -> String? in
                let n = index.enterprisesByNode[id]?.count ?? 0
                return n > 0 ? "\(names[id] ?? id) \(n)" : nil
            }
            Swift.print("  by node: " + (nodes.isEmpty ? "–" : nodes.joined(separator: ", ")))
        }
    }
}

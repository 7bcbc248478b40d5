import Foundation
import BrainAnalytics
import BrainModel
import BrainStore

/// The shape a synthetic benchmark copies from the real store: how unevenly firms spread over cities and over
/// chain nodes, and employees per firm. Falls back to Zipf-like shares when no store is present.
struct SyntheticShape: Sendable {
    var regionShares: [Double]
    var nodeShares: [Double]
    var employees: [Double]
    var description: String

    static func fromStore(_ path: String) async throws -> SyntheticShape {
        guard let store = try await StoreLocation(path).openIfBuilt() else {
            let zipf = (1...300).map { 1 / Double($0) }
            return SyntheticShape(regionShares: zipf, nodeShares: Array(zipf.prefix(44)), employees: [1000], description: "shape: Zipf (no store)")
        }
        let index = SnapshotIndex(try await store.snapshot().restricted(to: .listed))
        let cities = Dictionary(grouping: index.data.enterprises.compactMap(\.cityCode), by: { $0 }).values.map { Double($0.count) }
        let nodes = index.nodeIds.map { Double(index.enterprisesByNode[$0]?.count ?? 0) + 1 }
        let employees = index.data.enterprises.compactMap { $0.employees }.filter { $0 > 0 }.map(Double.init)
        return SyntheticShape(regionShares: cities.sorted(by: >), nodeShares: nodes.sorted(by: >), employees: employees,
                              description: "shape: real distribution of listed firms over \(cities.count) cities and \(nodes.count) nodes, real headcounts")
    }

    /// (region, node, employees) per firm. Each region favours a band of nodes so the matrix has the block structure
    /// relatedness needs; region and node sizes follow the real (interpolated) distributions.
    static func generate(_ shape: SyntheticShape, firms: Int, regions: Int, nodes: Int, seed: UInt64) -> [(Int, Int, Double)] {
        var random = SplitMix64(seed: seed)
        let regionWeights = (0..<regions).map { stretch(shape.regionShares, $0, regions) }
        let nodeWeights = (0..<nodes).map { stretch(shape.nodeShares, $0, nodes) }
        let regionCumulative = cumulative(regionWeights), nodeCumulative = cumulative(nodeWeights)
        var out: [(Int, Int, Double)] = []
        out.reserveCapacity(firms)
        for _ in 0..<firms {
            let region = pick(regionCumulative, random.unit())
            // Half the firms sit in the region's favoured band of nodes, the rest anywhere.
            let node = random.unit() < 0.5 ? (region * 7 + Int(random.unit() * 12)) % nodes : pick(nodeCumulative, random.unit())
            out.append((region, node, shape.employees[Int(random.unit() * Double(shape.employees.count)) % shape.employees.count]))
        }
        return out
    }

    static func stretch(_ shares: [Double], _ i: Int, _ count: Int) -> Double {
        shares[min(shares.count - 1, i * shares.count / max(1, count))]
    }
    static func cumulative(_ weights: [Double]) -> [Double] {
        var total = 0.0
        let sums = weights.map { total += $0; return total }
        return sums.map { $0 / total }
    }
    static func pick(_ cumulative: [Double], _ u: Double) -> Int {
        var lo = 0, hi = cumulative.count - 1
        while lo < hi { let mid = (lo + hi) / 2; if cumulative[mid] < u { lo = mid + 1 } else { hi = mid } }
        return lo
    }
}

import Foundation
import BrainModel

/// The chain's "product space": chain nodes joined by their proximity φ (Hidalgo et al. 2007), drawn as the Atlas of
/// Economic Complexity draws it — the maximum spanning tree of φ, so every node is reachable by its strongest ties,
/// plus every other edge with φ at or above a stated threshold — with one region's presences on it.
public struct RelatednessNetwork: Codable, Sendable {
    /// How the region holds a node: LQ ≥ 1 (`specialised`), some firms but LQ < 1 (`present`), none (`absent`).
    public enum Presence: String, Codable, Sendable { case specialised, present, absent }

    public struct Node: Codable, Sendable {
        public var node: NodeRef
        public var parentId: String?
        /// firms (or the measure) on the node nationwide: the node's size
        public var nationalFirms: Double
        public var regionFirms: Double
        public var lq: Double?
        /// share of the node's proximity mass the region already has (0–1)
        public var density: Double?
        public var presence: Presence
        /// a fixed layout in 0…1000 × 0…700, the same on every request
        public var x: Double
        public var y: Double
    }

    public struct Edge: Codable, Sendable {
        public var source: String
        public var target: String
        public var proximity: Double
        /// on the maximum spanning tree (else shown for φ ≥ threshold)
        public var spanningTree: Bool
    }

    public var region: RegionRef
    public var level: RegionLevel
    public var threshold: Double
    /// the edge rule in words, per language
    public var rule: Reason
    public var nodes: [Node]
    public var edges: [Edge]
    public var counts: [String: Int]
    public var caveats: [Reason]
}

public enum RelatednessNetworks {
    /// φ of 0.5 keeps about the strongest tenth of the node pairs beside the tree on the listed-firm data.
    public static let defaultThreshold = 0.5

    public static func report(_ analysis: LevelAnalysis, region code: String, threshold: Double = defaultThreshold) throws -> RelatednessNetwork {
        let r = try analysis.requireRow(code)
        let c = analysis.complexity, m = analysis.nodeIds.count
        let phi = { (p: Int, q: Int) -> Double in
            guard let value = c.proximity[p * m + q], value.isFinite else { return 0 }
            return value
        }
        let (tree, extra) = edges(count: m, phi: phi, threshold: threshold, ids: analysis.nodeIds)
        let shown = tree.map { ($0.0, $0.1, true) } + extra.map { ($0.0, $0.1, false) }
        let positions = layout(count: m, edges: shown.map { ($0.0, $0.1, phi($0.0, $0.1)) }, tiers: (0..<m).map { analysis.node($0).tier })
        let totals = analysis.table.nodeTotals
        let nodes = (0..<m).map { n -> RelatednessNetwork.Node in
            let firms = analysis.table.matrix[r, n], lq = analysis.lq.lq(region: r, node: n)
            let presence: RelatednessNetwork.Presence = firms <= 0 ? .absent : ((lq ?? 0) >= 1 ? .specialised : .present)
            let node = analysis.node(n)
            return .init(node: NodeRef(node), parentId: node.parentId, nationalFirms: totals[n], regionFirms: firms, lq: lq,
                         density: c.cell(c.density, region: r, sector: n).flatMap { $0.isFinite ? $0 : nil },
                         presence: presence, x: positions[n].x, y: positions[n].y)
        }
        let edgeList = shown.map { p, q, onTree in
            RelatednessNetwork.Edge(source: analysis.nodeIds[p], target: analysis.nodeIds[q], proximity: phi(p, q), spanningTree: onTree)
        }
        let counts = Dictionary(grouping: nodes, by: \.presence.rawValue).mapValues(\.count)
        let formatted = String(format: "%.2f", threshold)
        return RelatednessNetwork(
            region: analysis.regionRef(code), level: analysis.level, threshold: threshold,
            rule: Reason("network.rule", ["threshold": formatted, "tree": "\(tree.count)", "extra": "\(extra.count)"]),
            nodes: nodes, edges: edgeList, counts: counts,
            caveats: [Reason("network.caveat-listed"), Reason("network.caveat-proximity")])
    }

    /// Kruskal's maximum spanning tree over φ > 0 (ties broken by node id, so the tree is the same every time), then
    /// the remaining pairs with φ ≥ threshold, strongest first.
    static func edges(count m: Int, phi: (Int, Int) -> Double, threshold: Double, ids: [String]) -> (tree: [(Int, Int)], extra: [(Int, Int)]) {
        var pairs: [(Int, Int, Double)] = []
        for p in 0..<m { for q in (p + 1)..<max(p + 1, m) where phi(p, q) > 0 { pairs.append((p, q, phi(p, q))) } }
        pairs.sort { a, b in a.2 != b.2 ? a.2 > b.2 : (ids[a.0], ids[a.1]) < (ids[b.0], ids[b.1]) }
        var parent = Array(0..<m)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        var tree: [(Int, Int)] = [], extra: [(Int, Int)] = []
        for (p, q, value) in pairs {
            let a = root(p), b = root(q)
            if a != b { parent[a] = b; tree.append((p, q)) } else if value >= threshold { extra.append((p, q)) }
        }
        return (tree, extra)
    }

    /// A force-directed layout (Fruchterman & Reingold 1991) from a fixed start — tiers on three arcs — with a fixed
    /// number of cooling steps: no randomness, so the picture and its screenshots are the same on every run.
    static func layout(count m: Int, edges: [(Int, Int, Double)], tiers: [ChainTier]) -> [(x: Double, y: Double)] {
        guard m > 0 else { return [] }
        let order: [ChainTier: Double] = [.upstream: 0, .midstream: 1, .downstream: 2]
        var x = [Double](repeating: 0, count: m), y = [Double](repeating: 0, count: m)
        for i in 0..<m {
            let angle = 2 * Double.pi * Double(i) / Double(m)
            x[i] = (order[tiers[i]] ?? 1) - 1 + 0.3 * cos(angle)
            y[i] = 0.3 * sin(angle) * (1 + (order[tiers[i]] ?? 1) * 0.1)
        }
        let k = (4.0 / Double(m)).squareRoot()
        var temperature = 0.3
        for _ in 0..<300 {
            var dx = [Double](repeating: 0, count: m), dy = [Double](repeating: 0, count: m)
            for i in 0..<m {
                for j in (i + 1)..<max(i + 1, m) {
                    let ddx = x[i] - x[j], ddy = y[i] - y[j], d = max((ddx * ddx + ddy * ddy).squareRoot(), 1e-4)
                    let force = k * k / d
                    dx[i] += ddx / d * force; dy[i] += ddy / d * force
                    dx[j] -= ddx / d * force; dy[j] -= ddy / d * force
                }
            }
            for (i, j, weight) in edges {
                let ddx = x[i] - x[j], ddy = y[i] - y[j], d = max((ddx * ddx + ddy * ddy).squareRoot(), 1e-4)
                let force = d * d / k * (0.5 + weight)
                dx[i] -= ddx / d * force; dy[i] -= ddy / d * force
                dx[j] += ddx / d * force; dy[j] += ddy / d * force
            }
            for i in 0..<m {
                // A weak pull to the centre keeps unlinked nodes on the canvas.
                dx[i] -= x[i] * 0.05; dy[i] -= y[i] * 0.05
                let d = max((dx[i] * dx[i] + dy[i] * dy[i]).squareRoot(), 1e-9), step = min(d, temperature)
                x[i] += dx[i] / d * step; y[i] += dy[i] / d * step
            }
            temperature = max(temperature * 0.985, 0.002)
        }
        let (minX, maxX) = (x.min()!, x.max()!), (minY, maxY) = (y.min()!, y.max()!)
        let scale = { (v: Double, lo: Double, hi: Double, size: Double) in hi > lo ? 40 + (v - lo) / (hi - lo) * (size - 80) : size / 2 }
        return (0..<m).map { i in (x: (scale(x[i], minX, maxX, 1000) * 10).rounded() / 10, y: (scale(y[i], minY, maxY, 700) * 10).rounded() / 10) }
    }
}

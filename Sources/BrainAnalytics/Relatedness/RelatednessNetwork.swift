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
        /// a fixed layout in 0…1000 × 0…700 (nodes without edges in a row at the bottom), the same on every request
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
    /// φ ≥ 0.4 adds about a dozen edges to the tree's 37 at city level on the listed-firm data: enough to show the
    /// clusters, few enough to read (the Atlas draws its product space the same way at 0.55 on thousands of products).
    public static let defaultThreshold = 0.4

    public static func report(_ analysis: LevelAnalysis, region code: String, threshold: Double = defaultThreshold) throws -> RelatednessNetwork {
        let r = try analysis.requireRow(code)
        let c = analysis.complexity, m = analysis.nodeIds.count
        let phi = { (p: Int, q: Int) -> Double in
            guard let value = c.proximity[p * m + q], value.isFinite else { return 0 }
            return value
        }
        let (tree, extra) = edges(count: m, phi: phi, threshold: threshold, ids: analysis.nodeIds)
        let shown = tree.map { ($0.0, $0.1, true) } + extra.map { ($0.0, $0.1, false) }
        let positions = layout(count: m, edges: shown.map { ($0.0, $0.1, phi($0.0, $0.1)) })
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
        let linked = Set(shown.flatMap { [$0.0, $0.1] })
        return RelatednessNetwork(
            region: analysis.regionRef(code), level: analysis.level, threshold: threshold,
            rule: Reason("network.rule", ["threshold": formatted, "tree": "\(tree.count)", "extra": "\(extra.count)",
                                           "isolated": "\(m - linked.count)"]),
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

    /// A stress-majorisation layout (Gansner, Koren & North 2004, "Graph drawing by stress majorization"): linked
    /// nodes are placed so that their distances on the page follow their distances in the network (a strong tie is a
    /// shorter step), from a fixed start on a circle — no randomness, so the picture and its screenshots are the same on
    /// every run. Nodes with no edge (no proximity at all) stand apart in a row along the bottom.
    static func layout(count m: Int, edges: [(Int, Int, Double)]) -> [(x: Double, y: Double)] {
        guard m > 0 else { return [] }
        let linked = Array(Set(edges.flatMap { [$0.0, $0.1] })).sorted()
        let slot = Dictionary(uniqueKeysWithValues: linked.enumerated().map { ($1, $0) })
        let n = linked.count
        // Shortest-path distances, each edge 1.5 − φ long (Floyd–Warshall: a few dozen nodes).
        var d = [Double](repeating: .infinity, count: n * n)
        for i in 0..<n { d[i * n + i] = 0 }
        for (p, q, phi) in edges {
            guard let a = slot[p], let b = slot[q] else { continue }
            let length = 1.5 - min(max(phi, 0), 1)
            d[a * n + b] = min(d[a * n + b], length); d[b * n + a] = d[a * n + b]
        }
        for k in 0..<n { for i in 0..<n { for j in 0..<n where d[i * n + k] + d[k * n + j] < d[i * n + j] { d[i * n + j] = d[i * n + k] + d[k * n + j] } } }
        var x = (0..<n).map { cos(2 * Double.pi * Double($0) / Double(max(n, 1))) * Double(n) / 4 }
        var y = (0..<n).map { sin(2 * Double.pi * Double($0) / Double(max(n, 1))) * Double(n) / 4 }
        for _ in 0..<400 {
            for i in 0..<n {
                var sx = 0.0, sy = 0.0, sw = 0.0
                for j in 0..<n where j != i && d[i * n + j].isFinite {
                    let target = d[i * n + j], w = 1 / (target * target)
                    let dx = x[i] - x[j], dy = y[i] - y[j], now = max((dx * dx + dy * dy).squareRoot(), 1e-6)
                    sx += w * (x[j] + target * dx / now); sy += w * (y[j] + target * dy / now); sw += w
                }
                if sw > 0 { x[i] = sx / sw; y[i] = sy / sw }
            }
        }
        var out = [(x: Double, y: Double)](repeating: (500, 350), count: m)
        if n > 0 {
            let (minX, maxX) = (x.min() ?? 0, x.max() ?? 0), (minY, maxY) = (y.min() ?? 0, y.max() ?? 0)
            let scale = { (v: Double, lo: Double, hi: Double, from: Double, size: Double) in hi > lo ? from + (v - lo) / (hi - lo) * size : from + size / 2 }
            for (k, node) in linked.enumerated() {
                out[node] = (x: (scale(x[k], minX, maxX, 40, 920) * 10).rounded() / 10, y: (scale(y[k], minY, maxY, 30, 560) * 10).rounded() / 10)
            }
        }
        let apart = (0..<m).filter { slot[$0] == nil }
        for (k, node) in apart.enumerated() {
            out[node] = (x: ((40 + 920 * (Double(k) + 0.5) / Double(apart.count)) * 10).rounded() / 10, y: 660)
        }
        return out
    }
}

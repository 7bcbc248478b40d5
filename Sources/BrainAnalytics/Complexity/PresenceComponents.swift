/// The connected parts of the region–sector presence graph (an edge where M_cp = 1). ECI and PCI come from the second
/// eigenvector of a matrix that is block-diagonal when this graph falls apart, so with more than one part they are
/// ill-posed: each part's ranking is arbitrary against the others' (Hidalgo & Hausmann 2009 assume one connected
/// graph). `ecomplexity` computes them anyway; the product says which regions and sectors are cut off.
public struct PresenceComponents: Sendable, Encodable {
    public struct Part: Sendable, Encodable, Equatable {
        public var regions: [String]
        public var sectors: [String]
    }

    /// Largest first; a connected matrix has one.
    public let parts: [Part]
    public var isConnected: Bool { parts.count <= 1 }

    public init(_ result: ComplexityResult) {
        let n = result.regions.count, m = result.sectors.count
        // Union–find over regions 0..<n and sectors n..<n+m.
        var parent = Array(0..<(n + m))
        func root(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        var present = [Bool](repeating: false, count: n + m)
        for r in 0..<n {
            for c in 0..<m where result.mcp[r * m + c] == 1 {
                present[r] = true; present[n + c] = true
                let a = root(r), b = root(n + c)
                if a != b { parent[a] = b }
            }
        }
        var groups: [Int: Part] = [:]
        for r in 0..<n where present[r] { groups[root(r), default: Part(regions: [], sectors: [])].regions.append(result.regions[r]) }
        for c in 0..<m where present[n + c] { groups[root(n + c), default: Part(regions: [], sectors: [])].sectors.append(result.sectors[c]) }
        parts = groups.values.sorted { ($0.regions.count + $0.sectors.count, $1.regions.first ?? "") > ($1.regions.count + $1.sectors.count, $0.regions.first ?? "") }
    }
}

import BrainModel

/// Peer regions of the same level: by similarity of specialisation profile (cosine of LQ vectors over chain nodes)
/// among regions at least a fifth of its size, and by size (ratio of biomedicine firm counts), with an indicator table against the peers and the national median.
public struct PeerReport: Codable, Sendable {
    public struct Peer: Codable, Sendable {
        public var region: RegionRef
        public var similarity: Double
        public var sizeRatio: Double
    }
    public struct IndicatorComparison: Codable, Sendable {
        /// the indicator's key (a `RegionIndicators` field)
        public var indicator: String
        /// its name per language (`peer.*`)
        public var label: Reason
        public var region: Double?
        public var peerMedian: Double?
        public var nationalMedian: Double?
        /// rank of the region among itself and its peers on this indicator (1 = highest)
        public var rankAmongPeers: Int?
    }

    public var region: RegionRef
    public var level: RegionLevel
    public var bySpecialisation: [Peer]
    public var bySize: [Peer]
    public var indicators: [IndicatorComparison]
    public var table: [RegionIndicators]
}

public enum Peers {
    public static func report(_ analysis: LevelAnalysis, region code: String, count: Int = 5) throws -> PeerReport {
        let r = try analysis.requireRow(code)
        let m = analysis.nodeIds.count
        let vector = { (row: Int) in (0..<m).map { analysis.lq.lq(region: row, node: $0) ?? 0 } }
        let sizes = analysis.table.matrix.rowSums
        let own = vector(r)
        let candidates = (0..<analysis.table.matrix.rowCount).filter { $0 != r && sizes[$0] > 0 }
        let peers = candidates.map { other -> PeerReport.Peer in
            let small = min(sizes[r], sizes[other]), large = max(sizes[r], sizes[other])
            return .init(region: analysis.regionRef(analysis.table.matrix.rowLabels[other]), similarity: cosine(own, vector(other)),
                         sizeRatio: large > 0 ? small / large : 0)
        }
        // Similar profiles of tiny regions are noise: specialisation peers must be at least a fifth of the region's size.
        let bySpecialisation = Array(peers.filter { $0.sizeRatio >= 0.2 }.sorted { ($0.similarity, $1.region.code) > ($1.similarity, $0.region.code) }.prefix(count))
        let bySize = Array(peers.sorted { ($0.sizeRatio, $1.region.code) > ($1.sizeRatio, $0.region.code) }.prefix(count))
        let peerCodes = Set((bySpecialisation + bySize).map(\.region.code))
        let all = RegionIndicators.compute(analysis, rows: (0..<analysis.table.matrix.rowCount).filter { sizes[$0] > 0 || $0 == r })
        let mine = all.first { $0.region.code == code }!
        let peerRows = all.filter { peerCodes.contains($0.region.code) }.sorted { $0.region.code < $1.region.code }
        let fields: [(String, String, (RegionIndicators) -> Double?)] = [
            ("biomedicineFirms", "peer.biomedicine-firms", { $0.biomedicineFirms }),
            ("biomedicineEmployees", "peer.biomedicine-employees", { $0.biomedicineEmployees }),
            ("biomedicineAssetsYi", "peer.biomedicine-assets", { $0.biomedicineAssetsYi }),
            ("listedFirms", "peer.listed-firms", { $0.listedFirms }),
            ("innovativeFirms", "peer.innovative-firms", { $0.innovativeFirms }),
            ("universities", "peer.universities", { $0.universities }),
            ("medicalUniversities", "peer.medical-universities", { $0.medicalUniversities }),
            ("chainCompleteness", "peer.chain-completeness", { $0.chainCompleteness }),
            ("strongNodes", "peer.strong-nodes", { Double($0.strongNodes) }), ("eci", "peer.eci", { $0.eci }),
        ]
        let indicators = fields.map { name, label, value -> PeerReport.IndicatorComparison in
            let ownValue = value(mine)
            let group = ([mine] + peerRows).compactMap(value)
            return .init(indicator: name, label: Reason(label), region: ownValue, peerMedian: Statistics.median(peerRows.compactMap(value)),
                         nationalMedian: Statistics.median(all.compactMap(value)),
                         rankAmongPeers: ownValue.map { v in group.filter { $0 > v }.count + 1 })
        }
        return PeerReport(region: analysis.regionRef(code), level: analysis.level, bySpecialisation: bySpecialisation,
                          bySize: bySize, indicators: indicators, table: [mine] + peerRows)
    }

    /// Cosine similarity; 0 when either vector is all zeros.
    public static func cosine(_ a: [Double], _ b: [Double]) -> Double {
        var dot = 0.0, na = 0.0, nb = 0.0
        for i in a.indices { dot += a[i] * b[i]; na += a[i] * a[i]; nb += b[i] * b[i] }
        return na > 0 && nb > 0 ? dot / (na.squareRoot() * nb.squareRoot()) : 0
    }
}

import BrainModel

/// Supply of R&D and manufacturing services derived from real firms: a firm on a service node (CRO, CMO/CDMO,
/// reagents and consumables, pharmaceutical equipment, scientific instruments, testing and diagnostics) offers that
/// service. A need (service, region, optionally an origin for distance) is matched to offers ranked by
///
///   score = 0.5 · service + 0.3 · nearness + 0.2 · strength
///
/// service = 1 on the node asked for, 0.7 on its parent or a sub-node; nearness = 1 same city, 0.6 same province,
/// else 1/(1 + km/300) from the need's region; strength = development quality without location, over 100.
public struct ServiceOffers: Sendable {
    public struct Offer: Codable, Sendable {
        public var rank: Int
        public var firm: FirmRow
        public var service: NodeRef
        public var score: Double
        public var distanceKm: Double?
        public var reasons: [Reason]
    }

    public struct Match: Codable, Sendable {
        public var service: NodeRef
        public var region: RegionRef
        public var formula: String
        public var offers: Int
        public var matches: [Offer]
    }

    public static let formula = "score = 0.5·service + 0.3·nearness + 0.2·strength"

    let index: SnapshotIndex
    let strength: [String: Double]

    public init(_ index: SnapshotIndex, quality: EnterpriseQuality) {
        self.index = index
        strength = quality.scoresWithoutLocation()
    }

    /// The service nodes: the listed ones and their sub-nodes.
    public func serviceNodes() -> [ChainNode] {
        index.data.taxonomy.nodes.filter(ServiceNodes.contains)
    }

    public func match(service id: String, region code: String, limit: Int = 20) throws(AnalyticsError) -> Match {
        guard let node = index.nodesById[id], serviceNodes().contains(where: { $0.id == id }) else {
            throw .invalidInput(Reason("analytics.not-service-node", ["id": id, "nodes": ServiceNodes.names.keys.sorted().joined(separator: ", ")]))
        }
        guard let region = index.regionsByCode[code] else { throw .unknownRegion(code) }
        let related = Set([id] + [node.parentId].compactMap { $0 } + index.data.taxonomy.nodes.filter { $0.parentId == id }.map(\.id))
        let nearness = Nearness(index, region: region)
        var offers: [Offer] = []
        for firm in index.biomedicineEnterprises {
            let nodes = index.nodesByEnterprise[firm.id] ?? []
            let direct = nodes.contains(id)
            guard direct || !nodes.isDisjoint(with: related) else { continue }
            let service = direct ? 1.0 : 0.7
            var reasons = [Reason(direct ? "match.provides" : "match.related-service", ["node": node.nameZh, "node.en": node.nameEn])]
            let near = nearness.of(cityCode: firm.cityCode, provinceCode: firm.provinceCode)
            if let reason = near.reason { reasons.append(reason) }
            let quality = strength[firm.id]
            if let quality { reasons.append(Reason("match.quality", ["score": String(Int(quality.rounded()))])) }
            offers.append(Offer(rank: 0, firm: FirmRow(firm, index: index), service: NodeRef(node),
                                score: 0.5 * service + 0.3 * near.value + 0.2 * (quality ?? 0) / 100, distanceKm: near.distanceKm, reasons: reasons))
        }
        offers.sort { ($0.score, $1.firm.id) > ($1.score, $0.firm.id) }
        for i in offers.indices { offers[i].rank = i + 1 }
        return Match(service: NodeRef(node), region: RegionRef(code: region.code, name: region.name, level: region.level),
                     formula: Self.formula, offers: offers.count, matches: Array(offers.prefix(limit)))
    }
}

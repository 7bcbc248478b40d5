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
    public static let services: [String: (zh: String, en: String)] = [
        "cro": ("CRO 研发外包", "contract research"), "cdmo": ("CMO/CDMO 合同生产", "contract manufacturing"),
        "reagents-consumables": ("试剂与耗材", "reagents and consumables"), "pharma-equipment": ("制药装备", "pharmaceutical equipment"),
        "scientific-instruments": ("科学仪器", "scientific instruments"), "diagnostic-services": ("检测与诊断服务", "testing and diagnostics"),
    ]

    public struct Offer: Codable, Sendable {
        public var rank: Int
        public var firm: FirmRow
        public var service: NodeRef
        public var score: Double
        public var distanceKm: Double?
        public var reasons: [String]
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
        index.data.taxonomy.nodes.filter { Self.services[$0.id] != nil || $0.parentId.map { Self.services[$0] != nil } == true }
    }

    public func match(service id: String, region code: String, limit: Int = 20) throws(AnalyticsError) -> Match {
        guard let node = index.nodesById[id], serviceNodes().contains(where: { $0.id == id }) else {
            throw .invalidInput("\(id) is not a service node: \(Self.services.keys.sorted().joined(separator: ", ")) or one of their sub-nodes")
        }
        guard let region = index.regionsByCode[code] else { throw .unknownRegion(code) }
        let related = Set([id] + [node.parentId].compactMap { $0 } + index.data.taxonomy.nodes.filter { $0.parentId == id }.map(\.id))
        let here = index.coordinates(code)
        var offers: [Offer] = []
        for firm in index.biomedicineEnterprises {
            let nodes = index.nodesByEnterprise[firm.id] ?? []
            let direct = nodes.contains(id)
            guard direct || !nodes.isDisjoint(with: related) else { continue }
            let service = direct ? 1.0 : 0.7
            var reasons = ["\(direct ? "提供" : "相近服务") \(node.nameZh)"]
            var nearness: Double
            var distanceKm: Double?
            let cityCode = region.level == .province ? nil : Region.cityCode(of: code)
            if let cityCode, firm.cityCode == cityCode {
                nearness = 1; reasons.append("同城 same city")
            } else if firm.provinceCode == Region.provinceCode(of: code) {
                nearness = 0.6; reasons.append("同省 same province")
            } else {
                let there = firm.cityCode.flatMap(index.coordinates) ?? firm.provinceCode.flatMap(index.coordinates)
                if let here, let there { distanceKm = ParkLanding.haversineKm(here, there) }
                nearness = distanceKm.map { 1 / (1 + $0 / 300) } ?? 0
                if let distanceKm { reasons.append("距离 \(Int(distanceKm.rounded())) km") }
            }
            let quality = strength[firm.id]
            if let quality { reasons.append("发展质量(不含区位) \(Int(quality.rounded()))") }
            offers.append(Offer(rank: 0, firm: FirmRow(firm, index: index), service: NodeRef(node),
                                score: 0.5 * service + 0.3 * nearness + 0.2 * (quality ?? 0) / 100, distanceKm: distanceKm, reasons: reasons))
        }
        offers.sort { ($0.score, $1.firm.id) > ($1.score, $0.firm.id) }
        for i in offers.indices { offers[i].rank = i + 1 }
        return Match(service: NodeRef(node), region: RegionRef(code: region.code, name: region.name, level: region.level),
                     formula: Self.formula, offers: offers.count, matches: Array(offers.prefix(limit)))
    }
}

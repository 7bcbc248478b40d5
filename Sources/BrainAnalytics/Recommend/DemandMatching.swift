import BrainModel

/// Matches a posted demand to who can meet it, with reasons.
///
/// A service demand goes to offers — firms on the service node (see `ServiceOffers`) and offers users imported —
/// ranked by score = 0.5 · service + 0.3 · nearness + 0.2 · strength, where service is 1 on the node asked for and
/// 0.7 on its parent or a sub-node, nearness is `Nearness`, and strength is the firm's development quality without
/// location over 100 (an imported offer has it only when its 统一社会信用代码 names a firm in the data).
///
/// A talent demand goes to the talents the demand's organisation can see, ranked by
/// score = (0.5 · field + 0.3 · leading-talent score/100 + 0.2 · nearness) · requirements, where field is 1 on the
/// demand's node, 0.7 on its parent or a sub-node, 0.5 on a sibling; requirements multiplies by 0.5 for each stated
/// requirement (degree, years) the person is known not to meet and 0.8 for each that is unknown.
public struct DemandMatching: Sendable {
    public struct Candidate: Codable, Sendable {
        public enum Source: String, Codable, Sendable { case firm, importedOffer = "imported-offer", talent }
        public var rank: Int
        public var source: Source
        public var name: String
        public var firm: FirmRow?
        /// The market record (imported offer or talent).
        public var recordId: Int?
        public var organisation: String?
        public var regionName: String?
        public var score: Double
        public var distanceKm: Double?
        public var leadingTalent: LeadingTalentScore?
        public var reasons: [Reason]
    }

    public struct Result: Codable, Sendable {
        public var demand: Demand
        public var node: NodeRef
        public var region: RegionRef
        public var formula: String
        public var candidates: Int
        public var matches: [Candidate]
    }

    public static let serviceFormula = "score = 0.5·service + 0.3·nearness + 0.2·strength"
    public static let talentFormula = "score = (0.5·field + 0.3·leading-talent/100 + 0.2·nearness) · requirements"

    let index: SnapshotIndex
    let offers: ServiceOffers
    let strength: [String: Double]
    let firmsByUSCC: [String: Enterprise]

    public init(_ index: SnapshotIndex, quality: EnterpriseQuality) {
        self.init(index, offers: ServiceOffers(index, quality: quality))
    }

    /// With offers already built (the server keeps one): their strength scores serve imported offers too.
    public init(_ index: SnapshotIndex, offers: ServiceOffers) {
        self.index = index
        self.offers = offers
        strength = offers.strength
        firmsByUSCC = Dictionary(index.data.enterprises.compactMap { e in e.uscc.map { ($0, e) } }, uniquingKeysWith: { a, _ in a })
    }

    /// `market`: the offers or talents the demand's organisation may see.
    public func match(_ demand: Demand, market: [MarketRecord], limit: Int = 20) throws(AnalyticsError) -> Result {
        guard let node = index.nodesById[demand.nodeId] else { throw .invalidInput(Reason("analytics.unknown-node", ["id": demand.nodeId])) }
        guard let region = index.regionsByCode[demand.regionCode] else { throw .unknownRegion(demand.regionCode) }
        var candidates: [Candidate]
        switch demand.need {
        case .service: candidates = try serviceCandidates(demand, node: node, region: region, market: market)
        case .talent: candidates = talentCandidates(demand, node: node, region: region, market: market)
        }
        candidates.sort { ($0.score, $1.name, $1.recordId ?? 0) > ($1.score, $0.name, $0.recordId ?? 0) }
        for i in candidates.indices { candidates[i].rank = i + 1 }
        return Result(demand: demand, node: NodeRef(node), region: RegionRef(code: region.code, name: region.name, level: region.level),
                      formula: demand.need == .service ? Self.serviceFormula : Self.talentFormula,
                      candidates: candidates.count, matches: Array(candidates.prefix(limit)))
    }

    private func serviceCandidates(_ demand: Demand, node: ChainNode, region: Region, market: [MarketRecord]) throws(AnalyticsError) -> [Candidate] {
        let derived = try offers.match(service: node.id, region: region.code, limit: Int.max)
        var candidates = derived.matches.map { o in
            Candidate(rank: 0, source: .firm, name: o.firm.name, firm: o.firm, score: o.score, distanceKm: o.distanceKm,
                      reasons: [Reason("match.demand", ["title": demand.title])] + o.reasons)
        }
        let nearness = Nearness(index, region: region)
        for record in market {
            guard let offer = record.body.offer, let fit = Self.fit(offer.nodeId, to: node, index.nodesById), fit >= 0.7 else { continue }
            var reasons = [Reason("match.demand", ["title": demand.title]),
                           Reason(fit == 1 ? "match.provides-imported" : "match.related-imported",
                                  ["node": node.nameZh, "node.en": node.nameEn, "organisation": record.organisationName])]
            let near = nearness.of(code: offer.regionCode)
            if let reason = near.reason { reasons.append(reason) }
            let firm = offer.uscc.flatMap { firmsByUSCC[$0] }
            let quality = firm.flatMap { strength[$0.id] }
            if let quality { reasons.append(Reason("match.quality", ["score": String(Int(quality.rounded()))])) } else { reasons.append(Reason("match.strength-unknown")) }
            if let capacity = offer.capacity { reasons.append(Reason("match.capacity", ["capacity": capacity])) }
            candidates.append(Candidate(rank: 0, source: .importedOffer, name: offer.provider, firm: firm.map { FirmRow($0, index: index) },
                                        recordId: record.id, organisation: record.organisationName,
                                        regionName: index.regionsByCode[offer.regionCode]?.name,
                                        score: 0.5 * fit + 0.3 * near.value + 0.2 * (quality ?? 0) / 100, distanceKm: near.distanceKm, reasons: reasons))
        }
        return candidates
    }

    private func talentCandidates(_ demand: Demand, node: ChainNode, region: Region, market: [MarketRecord]) -> [Candidate] {
        let nearness = Nearness(index, region: region)
        return market.compactMap { record -> Candidate? in
            guard let talent = record.body.talent else { return nil }
            let fits = talent.nodeIds.compactMap { Self.fit($0, to: node, index.nodesById) }
            guard let fit = fits.max() else { return nil }
            let leading = LeadingTalentScore(talent)
            var reasons = [Reason("match.demand", ["title": demand.title]),
                           Reason(fit == 1 ? "talent.field" : "talent.related-field", ["node": node.nameZh, "node.en": node.nameEn]),
                           Reason("talent.leading-score", ["score": String(Int(leading.total.rounded()))])]
            if let honour = talent.honours.first { reasons.append(Reason("talent.honour", ["honour": honour.nameZh, "honour.en": honour.nameEn])) }
            let near = nearness.of(code: talent.regionCode)
            if let reason = near.reason { reasons.append(reason) }
            var requirements = 1.0
            if let wanted = demand.minDegree {
                if let degree = talent.degree {
                    let names = ["degree": degree.nameZh, "degree.en": degree.nameEn, "wanted": wanted.nameZh, "wanted.en": wanted.nameEn]
                    if degree < wanted { requirements *= 0.5; reasons.append(Reason("talent.degree-below", names)) }
                    else { reasons.append(Reason("talent.degree-met", names.filter { !$0.key.hasPrefix("wanted") })) }
                } else { requirements *= 0.8; reasons.append(Reason("talent.degree-unknown")) }
            }
            if let wanted = demand.minYears {
                if let years = talent.industryYears {
                    if years < wanted { requirements *= 0.5; reasons.append(Reason("talent.years-below", ["years": String(years), "wanted": String(wanted)])) }
                    else { reasons.append(Reason("talent.years-met", ["years": String(years)])) }
                } else { requirements *= 0.8; reasons.append(Reason("talent.years-unknown")) }
            }
            return Candidate(rank: 0, source: .talent, name: talent.name, recordId: record.id, organisation: record.organisationName,
                             regionName: talent.regionCode.flatMap { index.regionsByCode[$0]?.name },
                             score: (0.5 * fit + 0.3 * leading.total / 100 + 0.2 * near.value) * requirements,
                             distanceKm: near.distanceKm, leadingTalent: leading, reasons: reasons)
        }
    }

    /// 1 on the node, 0.7 on its parent or a sub-node, 0.5 on a sibling, nil otherwise.
    static func fit(_ id: String, to node: ChainNode, _ nodes: [String: ChainNode]) -> Double? {
        if id == node.id { return 1 }
        guard let other = nodes[id] else { return nil }
        if other.id == node.parentId || other.parentId == node.id { return 0.7 }
        if let parent = node.parentId, other.parentId == parent { return 0.5 }
        return nil
    }
}

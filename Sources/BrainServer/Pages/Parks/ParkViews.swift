import BrainAnalytics
import BrainModel

/// What `parks.mustache` reads: one entry a park.
struct ParksView: PageView {
    struct Park: Encodable, Sendable {
        var id: String
        var name: String
        /// The kind in Chinese; `kindEn` the data's own word.
        var kind: String
        var kindEn: String
        var regionCode: String
        var regionName: String
        var positioning: [String]
        var facts: String
        var source: String
        var asOf: String
    }
    var parks: [Park]

    init(_ parks: [ParksPage.ParkSummary]) {
        self.parks = parks.map { summary in
            let park = summary.park
            return Park(id: park.id, name: park.name, kind: ParkKindWords.zh(park.kind), kindEn: park.kind, regionCode: summary.region.code,
                        regionName: summary.region.name, positioning: park.positioning, facts: park.facts,
                        source: park.provenance.source, asOf: park.provenance.asOf)
        }
    }
}

/// What `park.mustache` reads: the park, its member firms (by address) and its region's firms by chain node.
struct ParkView: PageView {
    struct Member: Encodable, Sendable {
        var id: String
        var name: String
        var address: String
        var biomedicine: Bool
        var basisZh: String
        var basisEn: String
    }
    struct Firm: Encodable, Sendable {
        var id: String
        var name: String
    }
    struct NodeGroup: Encodable, Sendable {
        var nameZh: String
        var nameEn: String
        var id: String
        var lq: String
        var count: Int
        var firms: [Firm]
    }
    var id: String
    var name: String
    var kind: String
    var kindEn: String
    var positioning: [String]
    var facts: String
    var source: String
    var asOf: String
    var regionCode: String
    var regionName: String
    var firmsRegionCode: String
    var firmsRegionName: String
    var firmsFromPark: Bool
    var lqFirms: Int
    /// The firms listed are the city's: the park's district hosts none.
    var cityFallback: Bool
    var hasMarkers: Bool
    var markers: String
    var members: [Member]
    var memberCount: Int
    var nodes: [NodeGroup]

    init(_ detail: ParksPage.ParkDetail) {
        let park = detail.profile.park, region = detail.profile.region
        id = park.id
        name = park.name
        kind = ParkKindWords.zh(park.kind)
        kindEn = park.kind
        positioning = park.positioning
        facts = park.facts
        source = park.provenance.source
        asOf = park.provenance.asOf
        regionCode = region.code
        regionName = region.name
        firmsRegionCode = detail.firmsRegion?.code ?? region.code
        firmsRegionName = detail.firmsRegion?.name ?? region.name
        firmsFromPark = detail.firmsFromPark
        lqFirms = detail.lqFirms
        cityFallback = detail.firmsRegion.map { $0.code != region.code } ?? false
        hasMarkers = !detail.addressMarkers.isEmpty
        markers = detail.addressMarkers.joined(separator: "、")
        members = detail.members.map { member in
            Member(id: member.firm.id, name: member.firm.name, address: member.address, biomedicine: member.isBiomedicine,
                   basisZh: member.basis == .registered ? "注册地址" : "办公地址", basisEn: member.basis == .registered ? "registered" : "office")
        }
        memberCount = detail.members.count
        nodes = detail.nodes.map { group in
            NodeGroup(nameZh: group.node.nameZh, nameEn: group.node.nameEn, id: group.node.id, lq: RegionView.number(group.lq),
                      count: group.firms.count, firms: group.firms.map { Firm(id: $0.id, name: $0.name) })
        }
    }
}

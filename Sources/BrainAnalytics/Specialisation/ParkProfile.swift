import BrainModel

/// A park's industry profile by chain node: the firms of the region it sits in, their location quotients against all
/// listed firms there, and the park's own stated positioning next to them (what it says versus what is there).
public struct ParkProfile: Codable, Sendable {
    public struct Row: Codable, Sendable {
        public var node: NodeRef
        public var value: Double
        public var lq: Double?
        public var present: Bool
        /// set when the LQ rests on fewer than 3 firms
        public var flag: SmallNumberFlag?
    }
    public var park: Park
    public var region: RegionRef
    public var measure: Measure
    public var nodes: [Row]
    public var caveat: String

    public static func report(_ index: SnapshotIndex, park id: String, measure: Measure = .firms) throws -> ParkProfile {
        guard let park = index.data.parks.first(where: { $0.id == id }) else { throw AnalyticsError.invalidInput(Reason("analytics.unknown-park", ["id": id])) }
        let table = RegionNodeMatrix(parksOf: index, measure: measure)
        let lq = LocationQuotient(table)
        guard let r = table.matrix.rowIndex(of: id) else { throw AnalyticsError.invalidInput(Reason("analytics.unknown-park", ["id": id])) }
        let region = index.regionsByCode[park.regionCode]
        return ParkProfile(
            park: park, region: RegionRef(code: park.regionCode, name: region?.name ?? park.regionCode, level: region?.level ?? .district),
            measure: measure,
            nodes: table.matrix.columnLabels.indices.map { n in
                Row(node: NodeRef(index.nodesById[table.matrix.columnLabels[n]]!), value: table.matrix[r, n],
                    lq: lq.lq(region: r, node: n), present: lq.isPresent(region: r, node: n),
                    flag: lq.lq(region: r, node: n) == nil ? nil : SmallNumberFlag.check(firms: table.firmCounts[r, n]))
            },
            caveat: "A park counts the listed firms located to the region the source places it in (its district or zone, else its city); listed firms reach a district only where their annual-report address settles one.")
    }
}

import BrainAnalytics
import BrainModel
import BrainStore

/// `GET /api/map/{code}?measure=firms|employees|lq&node=`: the children of a region with one value each, for the
/// drill-down map and its ranked table. A municipality's single city level is skipped (北京市 → its districts).
public struct RegionMap: Codable, Sendable {
    public struct Row: Codable, Sendable {
        public var rank: Int
        public var code: String
        public var name: String
        /// the chosen measure; nil where a location quotient is undefined
        public var value: Double?
        public var biomedicineFirms: Int
        public var listedFirms: Int
        public var biomedicineEmployees: Int
        /// a development zone (NBS 7x code): it has no boundary, so the map draws it as a point at `coordinates`
        public var isZone: Bool
        public var coordinates: [Double]?
        /// measure `lq`: set when the LQ rests on fewer than 3 firms
        public var flag: SmallNumberFlag?
    }
    public var region: RegionRef
    /// country first, down to `region`
    public var path: [RegionRef]
    /// the region whose children are drawn (differs from `region` for municipalities)
    public var geoParent: String
    public var childLevel: RegionLevel
    public var measure: String
    public var node: NodeRef?
    public var rows: [Row]
    /// the layers counted, their firms, and how many are located to the level drawn
    public var coverage: Coverage

    public static let measures = ["firms", "employees", "lq"]

    public static func build<Extras>(store: any Store, cache: AnalyticsWorkbench<Extras>, code: String, measure: String,
                                     nodeId: String?) async throws -> RegionMap {
        let index = cache.index
        let region = try RegionCode.region(code, in: index)
        guard measures.contains(measure) else { throw Refusal.badRequest(Reason("api.measure", ["choices": "firms（企业数）、employees（从业人员）或 lq（区位商）", "choices.en": "firms, employees or lq"])) }
        var node: ChainNode?
        if let nodeId {
            guard let found = index.nodesById[nodeId] else { throw Refusal.badRequest(Reason("api.unknown-node", ["node": nodeId])) }
            node = found
        } else if measure == "lq" {
            throw Refusal.badRequest(Reason("api.lq-needs-node"))
        }
        var parent = region
        while let children = index.childrenByCode[parent.code], children.count == 1, let only = children.first { parent = only }
        guard let childLevel = index.childrenByCode[parent.code]?.first?.level else {
            throw Refusal.badRequest(Reason("api.no-subdivisions", ["region": region.name]))
        }
        // The store counts the listed layer; another choice is counted from its snapshot.
        let values = cache.layers.isListedOnly ? try await store.childValues(of: parent.code) : LayerCounts.childValues(index, of: parent)
        var lq: [String: Double] = [:], flags: [String: SmallNumberFlag] = [:]
        if measure == "lq", let node {
            let analysis = try await cache.analysis(level: childLevel)
            if let n = analysis.nodeIds.firstIndex(of: node.id) {
                for value in values {
                    guard let r = analysis.row(of: value.code), let q = analysis.lq.lq(region: r, node: n) else { continue }
                    lq[value.code] = q
                    flags[value.code] = SmallNumberFlag.check(firms: analysis.table.firmCounts[r, n])
                }
            }
        }
        func measured(_ value: RegionValue) -> Double? {
            switch measure {
            case "employees": Double(value.biomedicineEmployees)
            case "lq": lq[value.code]
            default: Double(value.biomedicineFirms)
            }
        }
        let sorted = values.sorted { (measured($0) ?? -1, $0.biomedicineFirms, $1.code) > (measured($1) ?? -1, $1.biomedicineFirms, $0.code) }
        let path = index.lineage(region.code).reversed().map { RegionRef(code: $0.code, name: $0.name, level: $0.level) }
        return RegionMap(region: RegionRef(code: region.code, name: region.name, level: region.level), path: path,
                         geoParent: parent.code, childLevel: childLevel, measure: measure, node: node.map(NodeRef.init),
                         rows: sorted.enumerated().map { i, v in
                             let region = index.regionsByCode[v.code]
                             let point = region.flatMap { r in r.longitude.flatMap { lng in r.latitude.map { [lng, $0] } } }
                             return Row(rank: i + 1, code: v.code, name: v.name, value: measured(v), biomedicineFirms: v.biomedicineFirms,
                                        listedFirms: v.listedFirms, biomedicineEmployees: v.biomedicineEmployees,
                                        isZone: region?.isDevelopmentZone ?? false, coordinates: region?.isDevelopmentZone == true ? point : nil,
                                        flag: flags[v.code])
                         }, coverage: Coverage(index, layers: cache.layers, level: childLevel))
    }
}


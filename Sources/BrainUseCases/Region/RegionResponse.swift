import BrainModel
import BrainStore

/// A chain node with the number of firms placed on it (directly or through a sub-node).
public struct NodeWithCount: Codable, Sendable {
    public var id: String
    public var tier: ChainTier
    public var parentId: String?
    public var nameZh: String
    public var nameEn: String
    public var gbt4754: [String]
    public var sw2021: [String]
    public var keywords: [String]
    public var chokepointNote: String?
    public var firms: Int
    public var employees: Int

    public init(node: ChainNode, count: NodeCount?) {
        id = node.id
        tier = node.tier
        parentId = node.parentId
        nameZh = node.nameZh
        nameEn = node.nameEn
        gbt4754 = node.gbt4754
        sw2021 = node.sw2021
        keywords = node.keywords
        chokepointNote = node.chokepointNote
        firms = count?.firms ?? 0
        employees = count?.employees ?? 0
    }

    public static func merge(_ taxonomy: ChainTaxonomy, _ counts: [NodeCount]) -> [NodeWithCount] {
        let byId = Dictionary(counts.map { ($0.nodeId, $0) }, uniquingKeysWith: { a, _ in a })
        return taxonomy.nodes.map { NodeWithCount(node: $0, count: byId[$0.id]) }
    }
}

/// `GET /api/regions/{code}`
public struct RegionResponse: Codable, Sendable {
    public var code: String
    public var name: String
    public var level: RegionLevel
    public var isDevelopmentZone: Bool
    public var longitude: Double?
    public var latitude: Double?
    public var parent: RegionRef?
    public var ancestors: [RegionRef]
    public var children: [RegionRef]
    public var listedFirms: Int
    public var biomedicineFirms: Int
    public var biomedicineEmployees: Int
    public var universities: Int
    public var nodes: [NodeWithCount]
    public var largestFirms: [EnterpriseSummary]
    public var parks: [Park]
    public var provenance: Provenance

    public init(_ profile: RegionProfile, taxonomy: ChainTaxonomy) {
        let region = profile.region
        (code, name, level, isDevelopmentZone) = (region.code, region.name, region.level, region.isDevelopmentZone)
        (longitude, latitude, provenance) = (region.longitude, region.latitude, region.provenance)
        (parent, ancestors, children) = (profile.parent, profile.ancestors, profile.children)
        (listedFirms, biomedicineFirms, biomedicineEmployees) = (profile.listedFirms, profile.biomedicineFirms, profile.biomedicineEmployees)
        universities = profile.universities
        nodes = NodeWithCount.merge(taxonomy, profile.nodeCounts)
        (largestFirms, parks) = (profile.largestFirms, profile.parks)
    }
}

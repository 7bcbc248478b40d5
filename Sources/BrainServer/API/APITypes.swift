import BrainModel
import BrainStore

/// A chain node with the number of firms placed on it (directly or through a sub-node).
struct NodeWithCount: Codable, Sendable {
    var id: String
    var tier: ChainTier
    var parentId: String?
    var nameZh: String
    var nameEn: String
    var gbt4754: [String]
    var sw2021: [String]
    var keywords: [String]
    var chokepointNote: String?
    var firms: Int
    var employees: Int

    init(node: ChainNode, count: NodeCount?) {
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

    static func merge(_ taxonomy: ChainTaxonomy, _ counts: [NodeCount]) -> [NodeWithCount] {
        let byId = Dictionary(counts.map { ($0.nodeId, $0) }, uniquingKeysWith: { a, _ in a })
        return taxonomy.nodes.map { NodeWithCount(node: $0, count: byId[$0.id]) }
    }
}

/// `GET /api/chain`
struct ChainResponse: Codable, Sendable {
    var id: String
    var nameZh: String
    var nameEn: String
    var version: String
    var tiers: [ChainTierInfo]
    var nodes: [NodeWithCount]
}

/// `GET /api/regions/{code}`
struct RegionResponse: Codable, Sendable {
    var code: String
    var name: String
    var level: RegionLevel
    var isDevelopmentZone: Bool
    var longitude: Double?
    var latitude: Double?
    var parent: RegionRef?
    var ancestors: [RegionRef]
    var children: [RegionRef]
    var listedFirms: Int
    var biomedicineFirms: Int
    var biomedicineEmployees: Int
    var universities: Int
    var nodes: [NodeWithCount]
    var largestFirms: [EnterpriseSummary]
    var parks: [Park]
    var provenance: Provenance

    init(_ profile: RegionProfile, taxonomy: ChainTaxonomy) {
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

import BrainModel

/// A page of results with the total count, so clients can page.
public struct Page<Item: Codable & Sendable>: Codable, Sendable {
    public var items: [Item]
    public var total: Int
    public var limit: Int
    public var offset: Int
}

/// The short form of an enterprise used in lists and search results.
public struct EnterpriseSummary: Codable, Sendable, Hashable {
    public var id: String
    public var name: String
    public var fullName: String?
    public var cityCode: String?
    public var cityName: String?
    public var employees: Int?
    public var isBiomedicine: Bool
    public var nodeIds: [String]
}

/// An enterprise with everything known about it, each fact with its provenance.
public struct EnterpriseDetail: Codable, Sendable {
    public var enterprise: Enterprise
    public var provinceName: String?
    public var cityName: String?
    /// The placement in force: the machine's, with analysts' curations applied (method `curation`).
    public var assignments: [ChainAssignment]
    public var products: [EnterpriseProduct]
    public var events: [EnterpriseEvent]
    /// What the classifier found, shown next to the curations that override it.
    public var machineAssignments: [ChainAssignment] = []
    /// The firm's curations, revoked ones and revocations included, oldest first.
    public var curations: [CurationRecord] = []
}

/// Count of (biomedicine) firms assigned to a chain node or any of its sub-nodes within a region.
public struct NodeCount: Codable, Sendable, Hashable {
    public var nodeId: String
    public var firms: Int
    public var employees: Int
}

/// Where a region stands: its place in the tree, its firms and their chain nodes.
public struct RegionProfile: Codable, Sendable {
    public var region: Region
    public var parent: RegionRef?
    public var ancestors: [RegionRef]
    public var children: [RegionRef]
    public var listedFirms: Int
    public var biomedicineFirms: Int
    public var biomedicineEmployees: Int
    public var nodeCounts: [NodeCount]
    public var largestFirms: [EnterpriseSummary]
    public var parks: [Park]
    public var universities: Int
}

/// Biomedicine firm counts per child region, for maps.
public struct RegionValue: Codable, Sendable, Hashable {
    public var code: String
    public var name: String
    public var biomedicineFirms: Int
    public var listedFirms: Int
    public var biomedicineEmployees: Int
}

public struct StoreStats: Codable, Sendable {
    public var counts: [String: Int]
    public var builtAt: String?
    public var buildSeconds: Double?
}

// Made outside the store too: pages count the layers a reader chose from the analytics snapshot (issue 15). Static
// makers, since an `init` with the memberwise signature would clash with the synthesised (internal) one.
extension EnterpriseSummary {
    public static func make(id: String, name: String, fullName: String?, cityCode: String?, cityName: String?, employees: Int?,
                            isBiomedicine: Bool, nodeIds: [String]) -> EnterpriseSummary {
        EnterpriseSummary(id: id, name: name, fullName: fullName, cityCode: cityCode, cityName: cityName, employees: employees,
                          isBiomedicine: isBiomedicine, nodeIds: nodeIds)
    }
}

extension NodeCount {
    public static func make(nodeId: String, firms: Int, employees: Int) -> NodeCount { NodeCount(nodeId: nodeId, firms: firms, employees: employees) }
}

extension RegionValue {
    public static func make(code: String, name: String, biomedicineFirms: Int, listedFirms: Int, biomedicineEmployees: Int) -> RegionValue {
        RegionValue(code: code, name: name, biomedicineFirms: biomedicineFirms, listedFirms: listedFirms, biomedicineEmployees: biomedicineEmployees)
    }
}

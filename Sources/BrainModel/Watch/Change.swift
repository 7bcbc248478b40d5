/// One thing an import changed that someone may want to hear about (issue 19 item 4): a new firm in a region or on a
/// chain node, a firm that moved to another region, a new event (approval, listing). The feed covers what users'
/// imports and registers write (their firms' layers and events); the bundled listed layer is rebuilt, not imported,
/// and has no feed.
public struct Change: Codable, Sendable, Hashable {
    /// Stable codes; pages and the API render them per language through `reason`.
    public enum Code: String, Codable, Sendable, CaseIterable {
        case firmNew = "firm.new"
        case firmMoved = "firm.moved"
        case eventNew = "event.new"
        /// an import changed the firm's chain nodes (`added`, `removed`: comma-separated node ids)
        case firmNode = "firm.node"
        /// an import changed an input of the firm's quality score (`field`, `before`, `after`): see docs/watch.md
        case firmQuality = "firm.quality"
    }

    /// Assigned by the store, increasing; 0 before that.
    public var id: Int64
    public var importId: Int
    /// When the import ran (UTC, ISO 8601) and the date its facts describe.
    public var at: String
    public var asOf: String
    /// The importing organisation: its changes are private to it; nil for the operator's imports, which everyone sees.
    public var organisationId: String?
    public var code: Code
    public var enterpriseId: String
    public var provinceCode: String?
    public var cityCode: String?
    public var districtCode: String?
    /// The firm's chain nodes after the change (first: the most confident); a `firm.node` change adds the nodes it
    /// removed, so their watchers hear of the firm leaving.
    public var nodeIds: [String]
    /// The code's values: `name`, and `from`/`to` region codes for a move, `kind`/`date`/`title` for an event.
    public var values: [String: String]

    public init(id: Int64 = 0, importId: Int, at: String, asOf: String, organisationId: String?, code: Code, enterpriseId: String,
                provinceCode: String?, cityCode: String?, districtCode: String?, nodeIds: [String], values: [String: String]) {
        (self.id, self.importId, self.at, self.asOf, self.organisationId, self.code) = (id, importId, at, asOf, organisationId, code)
        (self.enterpriseId, self.provinceCode, self.cityCode, self.districtCode) = (enterpriseId, provinceCode, cityCode, districtCode)
        (self.nodeIds, self.values) = (nodeIds, values)
    }

    /// The change as a person reads it, in the catalogue's words (`change.firm.new` …).
    public var reason: Reason { Reason("change." + code.rawValue, values) }

    /// The region codes it touches, finest last.
    public var regionCodes: [String] { [provinceCode, cityCode, districtCode].compactMap { $0 } }
}

/// Which changes to list, newest first.
public struct ChangeQuery: Sendable {
    /// The asking organisation: its own changes are listed with the public ones; nil: public changes only.
    public var organisationId: String?
    /// The operator sees every organisation's.
    public var everything = false
    /// Only changes in this region (province, city or district code) or of this firm or on this node.
    public var regionCode: String?
    public var enterpriseId: String?
    public var nodeId: String?
    public var importId: Int?
    public var limit: Int

    public init(organisationId: String? = nil, everything: Bool = false, regionCode: String? = nil, enterpriseId: String? = nil,
                nodeId: String? = nil, importId: Int? = nil, limit: Int = 100) {
        (self.organisationId, self.everything, self.regionCode, self.enterpriseId) = (organisationId, everything, regionCode, enterpriseId)
        (self.nodeId, self.importId, self.limit) = (nodeId, importId, limit)
    }
}

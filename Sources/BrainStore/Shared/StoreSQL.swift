import BrainModel

/// The listed enterprise rows of a region: which column to match depends on the region's level. The store's own
/// counts are the listed layer's (issue 15: imports never change them); pages that count other layers count them
/// from the analytics snapshot.
struct RegionFilter {
    let sql: String
    let arguments: [String]

    static let listed = "e.layer = 'listed'"

    init(_ region: Region?) {
        guard let region else { sql = Self.listed; arguments = []; return }
        switch region.level {
        case .country: sql = Self.listed; arguments = []
        case .province: sql = "e.province_code = ? AND \(Self.listed)"; arguments = [region.code]
        case .city: sql = "e.city_code = ? AND \(Self.listed)"; arguments = [region.code]
        case .district: sql = "e.district_code = ? AND \(Self.listed)"; arguments = [region.code]
        }
    }
}

extension RegionLevel {
    /// The enterprises column holding this level's children.
    var childColumn: String {
        switch self {
        case .country: "province_code"
        case .province: "city_code"
        case .city, .district: "district_code"
        }
    }
}

/// SQL both backends run as written (`?` placeholders; PostgreSQL numbers them), kept portable to Citus: no
/// backend-specific functions, booleans compared with TRUE, sums cast so both return integers.
enum StoreSQL {
    static let countedTables = ["regions", "chain_nodes", "enterprises", "chain_assignments", "enterprise_products",
                                "product_relations", "events", "universities", "parks", "policies", "curations", "enterprise_names"]

    static let regionByCode = "SELECT * FROM regions WHERE code = ?"
    static let childRefs = "SELECT code, name, level FROM regions WHERE parent_code = ? ORDER BY code"
    static let parksWithin = """
        SELECT * FROM parks WHERE region_code IN (SELECT code FROM regions WHERE code = ? OR parent_code = ?
          OR parent_code IN (SELECT code FROM regions WHERE parent_code = ?)) ORDER BY id
        """
    static let universitiesWithin = """
        SELECT COUNT(*) AS n FROM universities WHERE city_code IN
        (SELECT code FROM regions WHERE code = ? OR parent_code = ? OR code = ?)
        """

    static func listedCount(_ filter: RegionFilter) -> String { "SELECT COUNT(*) AS n FROM enterprises e WHERE \(filter.sql)" }

    static func biomedicineTotals(_ filter: RegionFilter) -> String {
        """
        SELECT COUNT(*) AS n, CAST(COALESCE(SUM(employees), 0) AS BIGINT) AS employees FROM enterprises e
        WHERE e.is_biomedicine = TRUE AND \(filter.sql)
        """
    }

    /// `e.*` of the region's largest biomedicine firms; takes the limit as its last argument.
    static func largestFirms(_ filter: RegionFilter) -> String {
        """
        SELECT e.* FROM enterprises e WHERE e.is_biomedicine = TRUE AND \(filter.sql)
        ORDER BY e.employees DESC NULLS LAST, e.id LIMIT ?
        """
    }

    static func childValues(column: String) -> String {
        """
        SELECT r.code, r.name,
          COUNT(e.id) AS listed,
          COUNT(CASE WHEN e.is_biomedicine = TRUE THEN 1 END) AS biomed,
          CAST(COALESCE(SUM(CASE WHEN e.is_biomedicine = TRUE THEN e.employees END), 0) AS BIGINT) AS employees
        FROM regions r LEFT JOIN enterprises e ON e.\(column) = r.code AND \(RegionFilter.listed)
        WHERE r.parent_code = ? GROUP BY r.code, r.name ORDER BY r.code
        """
    }

    /// Distinct biomedicine firms per node, counting a sub-node's firms in its parent too.
    static func nodeCounts(_ filter: RegionFilter) -> String {
        """
        WITH placed AS (
          -- Driven by the region's enterprises (indexed), each firm once per node; the taxonomy has two levels,
          -- so a sub-node's firm also counts on its parent.
          SELECT DISTINCT e.id AS enterprise_id, e.employees, n.id AS node_id
          FROM enterprises e
          -- an import's nodes on a listed firm (a register row linked to it) count only where its layer is chosen
          JOIN chain_assignments a ON a.enterprise_id = e.id AND a.source NOT LIKE 'import:%'
          JOIN chain_nodes c ON c.id = a.node_id
          JOIN chain_nodes n ON n.id = c.id OR n.id = c.parent_id
          WHERE e.is_biomedicine = TRUE AND \(filter.sql)
        )
        SELECT n.id, COUNT(p.enterprise_id) AS firms, CAST(COALESCE(SUM(p.employees), 0) AS BIGINT) AS employees
        FROM chain_nodes n LEFT JOIN placed p ON p.node_id = n.id
        GROUP BY n.id, n.position ORDER BY n.position
        """
    }

    static let assignmentsOfEnterprise = """
        SELECT a.* FROM chain_assignments a JOIN chain_nodes n ON n.id = a.node_id
        WHERE a.enterprise_id = ? ORDER BY a.confidence DESC, n.position
        """
    static let productsOfEnterprise = """
        SELECT * FROM enterprise_products WHERE enterprise_id = ?
        ORDER BY CASE WHEN revenue_share IS NULL THEN 1 ELSE 0 END, revenue_share DESC, product
        """
    static let eventsOfEnterprise = "SELECT * FROM events WHERE enterprise_id = ? ORDER BY date, id"

    static func nodesOfEnterprises(count: Int) -> String {
        """
        SELECT a.enterprise_id, a.node_id FROM chain_assignments a JOIN chain_nodes n ON n.id = a.node_id
        JOIN enterprises e ON e.id = a.enterprise_id
        WHERE a.enterprise_id IN (\(marks(count))) AND (e.layer <> 'listed' OR a.source NOT LIKE 'import:%')
        ORDER BY a.confidence DESC, n.position
        """
    }

    static func regionNames(count: Int) -> String { "SELECT code, name FROM regions WHERE code IN (\(marks(count)))" }

    static func marks(_ count: Int) -> String { Array(repeating: "?", count: count).joined(separator: ",") }

    /// A bound value as a LIKE pattern matching itself: `\`, `%` and `_` escaped with `\` (the statement says
    /// ESCAPE '\').
    static func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }

    /// The same escaping in SQL, for a column's text matched as part of a pattern; the same on SQLite and PostgreSQL.
    static func escapeLike(column: String) -> String {
        "REPLACE(REPLACE(REPLACE(\(column), '\\', '\\\\'), '%', '\\%'), '_', '\\_')"
    }

    /// The snapshot's tables in a stable order.
    static let snapshotRegions = "SELECT * FROM regions ORDER BY code"
    static let snapshotEnterprises = "SELECT * FROM enterprises ORDER BY id"
    static let snapshotAssignments = "SELECT * FROM chain_assignments ORDER BY enterprise_id, node_id"
    // Tables without a key are ordered by every column, so both backends return the same sequence.
    static let snapshotProducts = "SELECT * FROM enterprise_products ORDER BY enterprise_id, product, COALESCE(revenue_share, -1), source, as_of"
    static let snapshotRelations = "SELECT * FROM product_relations ORDER BY from_product, to_product, kind, source, as_of"
    static let snapshotEvents = "SELECT * FROM events ORDER BY id"
    static let snapshotUniversities = "SELECT * FROM universities ORDER BY id"
    static let snapshotParks = "SELECT * FROM parks ORDER BY id"
    static let snapshotPolicies = "SELECT * FROM policies ORDER BY id"
    static let snapshotLocations = "SELECT * FROM enterprise_locations ORDER BY enterprise_id"
    /// Enterprise imports' layers and owners (market files create no firms).
    static let snapshotImportLayers = "SELECT id, layer, organisation_id, published_at FROM imports ORDER BY id"
    static let taxonomy = "SELECT value FROM meta WHERE key = 'taxonomy'"
    static let meta = "SELECT key, value FROM meta WHERE key <> 'taxonomy'"
}

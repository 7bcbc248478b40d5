import Foundation
import GRDB
import BrainModel

/// The embedded default store: one SQLite file through GRDB, WAL mode, read by many connections at once.
public final class SQLiteStore: Store {
    let pool: DatabasePool
    private let taxonomyCache = LockedValue<ChainTaxonomy?>(nil)

    public init(path: String) throws {
        var configuration = Configuration()
        // Several processes or pools may open the same file at once (server + CLI, parallel tests): wait, don't fail.
        configuration.busyMode = .timeout(10)
        pool = try DatabasePool(path: path, configuration: configuration)
        try Migrations.migrator.migrate(pool)
    }

    public func stats() async throws -> StoreStats {
        try await pool.read { db in
            var counts: [String: Int] = [:]
            for table in ["regions", "chain_nodes", "enterprises", "chain_assignments", "enterprise_products",
                          "product_relations", "events", "universities", "parks", "policies"] {
                counts[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
            }
            counts["biomedicine_enterprises"] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM enterprises WHERE is_biomedicine")
            counts["biomedicine_enterprises_with_city"] = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM enterprises WHERE is_biomedicine AND city_code IS NOT NULL")
            let meta = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT key, value FROM meta WHERE key != 'taxonomy'")
                .map { ($0["key"] as String, $0["value"] as String) })
            return StoreStats(counts: counts, builtAt: meta["built_at"], buildSeconds: meta["build_seconds"].flatMap(Double.init))
        }
    }

    public func region(_ code: String) async throws -> Region? {
        try await pool.read { db in try Self.region(db, code) }
    }

    public func regionProfile(_ code: String, largest: Int) async throws -> RegionProfile? {
        try await pool.read { db in
            guard let region = try Self.region(db, code) else { return nil }
            var ancestors: [RegionRef] = []
            var cursor = region.parentCode
            while let parentCode = cursor, let parent = try Self.region(db, parentCode) {
                ancestors.insert(RegionRef(code: parent.code, name: parent.name, level: parent.level), at: 0)
                cursor = parent.parentCode
            }
            let children = try Row.fetchAll(db, sql: "SELECT code, name, level FROM regions WHERE parent_code = ? ORDER BY code",
                                            arguments: [code]).map(Self.regionRef)
            let filter = RegionFilter(region)
            let listed = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM enterprises e WHERE \(filter.sql)", arguments: filter.arguments) ?? 0
            let biomed = try Row.fetchOne(db, sql: """
                SELECT COUNT(*) AS n, COALESCE(SUM(employees), 0) AS employees FROM enterprises e
                WHERE e.is_biomedicine = 1 AND \(filter.sql)
                """, arguments: filter.arguments)
            let largestFirms = try Self.summaries(db, sql: """
                SELECT e.* FROM enterprises e WHERE e.is_biomedicine = 1 AND \(filter.sql)
                ORDER BY e.employees DESC LIMIT ?  -- NULLs sort last in DESC: the index gives the order
                """, arguments: filter.arguments + [largest])
            let parks = try Row.fetchAll(db, sql: "SELECT * FROM parks WHERE region_code IN (SELECT code FROM regions WHERE code = ? OR parent_code = ? OR parent_code IN (SELECT code FROM regions WHERE parent_code = ?)) ORDER BY id",
                                         arguments: [code, code, code]).map(Self.park)
            let universities = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM universities WHERE city_code IN
                (SELECT code FROM regions WHERE code = ? OR parent_code = ? OR code = ?)
                """, arguments: [code, code, Region.cityCode(of: code)]) ?? 0
            return RegionProfile(region: region, parent: ancestors.last, ancestors: ancestors, children: children,
                                 listedFirms: listed, biomedicineFirms: biomed?["n"] ?? 0,
                                 biomedicineEmployees: biomed?["employees"] ?? 0,
                                 nodeCounts: try Self.nodeCounts(db, filter: filter), largestFirms: largestFirms,
                                 parks: parks, universities: region.level == .district ? 0 : universities)
        }
    }

    public func childValues(of code: String) async throws -> [RegionValue] {
        try await pool.read { db in
            guard let region = try Self.region(db, code) else { return [] }
            let column: String
            switch region.level {
            case .country: column = "province_code"
            case .province: column = "city_code"
            case .city, .district: column = "district_code"
            }
            return try Row.fetchAll(db, sql: """
                SELECT r.code, r.name,
                  COUNT(e.id) AS listed,
                  COALESCE(SUM(e.is_biomedicine), 0) AS biomed,
                  COALESCE(SUM(CASE WHEN e.is_biomedicine THEN e.employees END), 0) AS employees
                FROM regions r LEFT JOIN enterprises e ON e.\(column) = r.code
                WHERE r.parent_code = ? GROUP BY r.code ORDER BY r.code
                """, arguments: [code]).map {
                RegionValue(code: $0["code"], name: $0["name"], biomedicineFirms: $0["biomed"], listedFirms: $0["listed"],
                            biomedicineEmployees: $0["employees"])
            }
        }
    }

    public func taxonomy() async throws -> ChainTaxonomy {
        // Decoded once: every region page needs it and a database file's taxonomy never changes (rebuilds rename a new file in).
        if let cached = taxonomyCache.value { return cached }
        let taxonomy = try await pool.read { db in
            guard let text = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'taxonomy'") else {
                throw StoreError.notBuilt
            }
            return try TaxonomyCodec.decode(text)
        }
        taxonomyCache.value = taxonomy
        return taxonomy
    }

    public func nationalNodeCounts() async throws -> [NodeCount] {
        try await pool.read { db in try Self.nodeCounts(db, filter: RegionFilter(nil)) }
    }

    public func searchEnterprises(_ query: String, limit: Int, offset: Int) async throws -> Page<EnterpriseSummary> {
        let trimmed = query.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return Page(items: [], total: 0, limit: limit, offset: offset) }
        return try await pool.read { db in
            // Trigram FTS needs ≥ 3 characters; two characters (医药) go through the name-bigram index; one falls back to LIKE.
            if trimmed.count >= 3 { return try Self.searchByTrigram(db, trimmed, limit: limit, offset: offset) }
            if trimmed.count == 2 { return try Self.searchByBigram(db, trimmed, limit: limit, offset: offset) }
            let match = "(e.name LIKE ? ESCAPE '\\' OR e.full_name LIKE ? ESCAPE '\\')"
            let pattern = "%" + Self.escapeLike(trimmed) + "%"
            let arguments: StatementArguments = [pattern, pattern]
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM enterprises e WHERE \(match)", arguments: arguments) ?? 0
            // Enterprises are stored in search order (SearchOrder), so rowid order ranks them after an exact match.
            let items = try Self.summaries(db, sql: """
                SELECT e.* FROM enterprises e WHERE \(match) ORDER BY e.name = ? DESC, e.rowid LIMIT ? OFFSET ?
                """, arguments: arguments + [trimmed, limit, offset])
            return Page(items: items, total: total, limit: limit, offset: offset)
        }
    }

    public func enterprise(_ id: String) async throws -> EnterpriseDetail? {
        try await pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM enterprises WHERE id = ?", arguments: [id]) else { return nil }
            let enterprise = Self.enterprise(row)
            let assignments = try Row.fetchAll(db, sql: """
                SELECT a.* FROM chain_assignments a JOIN chain_nodes n ON n.id = a.node_id
                WHERE a.enterprise_id = ? ORDER BY a.confidence DESC, n.position
                """, arguments: [id]).map(Self.assignment)
            let products = try Row.fetchAll(db, sql: """
                SELECT * FROM enterprise_products WHERE enterprise_id = ? ORDER BY revenue_share IS NULL, revenue_share DESC, product
                """, arguments: [id]).map(Self.product)
            let events = try Row.fetchAll(db, sql: "SELECT * FROM events WHERE enterprise_id = ? ORDER BY date, id",
                                          arguments: [id]).map(Self.event)
            return EnterpriseDetail(enterprise: enterprise,
                                    provinceName: try enterprise.provinceCode.flatMap { try Self.region(db, $0)?.name },
                                    cityName: try enterprise.cityCode.flatMap { try Self.region(db, $0)?.name },
                                    assignments: assignments, products: products, events: events)
        }
    }
}

public enum StoreError: Error, CustomStringConvertible {
    case notBuilt
    public var description: String { "the database holds no data: run `brain build-db` first" }
}

/// A value shared between concurrent requests, guarded by a lock.
final class LockedValue<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

import Foundation
import GRDB
import BrainModel

/// The embedded default store: one SQLite file through GRDB, WAL mode, read by many connections at once.
public final class SQLiteStore: Store {
    let pool: DatabasePool
    private let taxonomyCache = LockedValue<ChainTaxonomy?>(nil)

    /// Opened read-only: `readOnly` asked for it, or the file or its folder cannot be written by this process.
    public let isReadOnly: Bool

    public init(path: String, readOnly: Bool = false) throws {
        var configuration = Configuration()
        // Several processes or pools may open the same file at once (server + CLI, parallel tests): wait, don't fail.
        configuration.busyMode = .timeout(10)
        isReadOnly = readOnly || !Self.writable(path)
        if isReadOnly {
            configuration.readonly = true
            guard FileManager.default.fileExists(atPath: path) else { throw SQLiteOpenError.missing(path) }
            // immutable=1: SQLite reads a WAL database without creating -wal/-shm files (a read-only folder or mount),
            // but it ignores a -wal file: one with content must be read the ordinary way.
            let pendingLog = ((try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? Int ?? 0) > 0
            let uri = "file:" + (path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path) + "?immutable=1"
            pool = try DatabasePool(path: pendingLog ? path : uri, configuration: configuration)
            guard try pool.read({ try Migrations.migrator.hasCompletedMigrations($0) }) else { throw SQLiteOpenError.needsMigration(path) }
        } else {
            pool = try DatabasePool(path: path, configuration: configuration)
            try Migrations.migrator.migrate(pool)
        }
    }

    /// Whether this process may write the file (if it exists) and create files beside it (-wal, -shm).
    static func writable(_ path: String) -> Bool {
        let folder = (path as NSString).deletingLastPathComponent
        let folderWritable = access(folder.isEmpty ? "." : folder, W_OK) == 0
        return folderWritable && (!FileManager.default.fileExists(atPath: path) || access(path, W_OK) == 0)
    }

    public func probe() async throws -> StoreProbe {
        try await pool.read { db in
            StoreProbe(builtAt: try String.fetchOne(db, sql: StoreHealthSQL.builtAt),
                       hasEnterprises: (try Int.fetchOne(db, sql: StoreHealthSQL.anyEnterprise) ?? 0) > 0, readOnly: isReadOnly)
        }
    }

    /// `PRAGMA quick_check`: nil when it says ok, else its first findings.
    public func integrityProblem() async throws -> String? {
        let findings = try await pool.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check(5)") }
        return findings == ["ok"] ? nil : findings.joined(separator: "; ")
    }

    public func stats() async throws -> StoreStats {
        try await pool.read { db in
            var counts: [String: Int] = [:]
            for table in StoreSQL.countedTables {
                counts[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
            }
            counts["biomedicine_enterprises"] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM enterprises WHERE is_biomedicine = TRUE")
            counts["biomedicine_enterprises_with_city"] = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM enterprises WHERE is_biomedicine = TRUE AND city_code IS NOT NULL")
            let meta = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: StoreSQL.meta)
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
            // At most four levels up: a code table with a cycle must not hang a request.
            while ancestors.count < 4, let parentCode = cursor, let parent = try Self.region(db, parentCode) {
                ancestors.insert(RegionRef(code: parent.code, name: parent.name, level: parent.level), at: 0)
                cursor = parent.parentCode
            }
            let children = try Row.fetchAll(db, sql: StoreSQL.childRefs, arguments: [code]).map(RowMapping.regionRef)
            let filter = RegionFilter(region), arguments = StatementArguments(filter.arguments)
            let listed = try Int.fetchOne(db, sql: StoreSQL.listedCount(filter), arguments: arguments) ?? 0
            let biomed = try Row.fetchOne(db, sql: StoreSQL.biomedicineTotals(filter), arguments: arguments)
            let largestFirms = try Self.summaries(db, sql: StoreSQL.largestFirms(filter), arguments: arguments + [largest])
            let parks = try Row.fetchAll(db, sql: StoreSQL.parksWithin, arguments: [code, code, code]).map(RowMapping.park)
            let universities = try Int.fetchOne(db, sql: StoreSQL.universitiesWithin,
                                                arguments: [code, code, Region.cityCode(of: code)]) ?? 0
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
            return try Row.fetchAll(db, sql: StoreSQL.childValues(column: region.level.childColumn), arguments: [code])
                .map(RowMapping.regionValue)
        }
    }

    public func taxonomy() async throws -> ChainTaxonomy {
        // Decoded once: every region page needs it and a database file's taxonomy never changes (rebuilds rename a new file in).
        if let cached = taxonomyCache.value { return cached }
        let taxonomy = try await pool.read { db in
            guard let text = try String.fetchOne(db, sql: StoreSQL.taxonomy) else { throw StoreError.notBuilt }
            return try TaxonomyCodec.decode(text)
        }
        taxonomyCache.value = taxonomy
        return taxonomy
    }

    public func nationalNodeCounts() async throws -> [NodeCount] {
        try await pool.read { db in try Self.nodeCounts(db, filter: RegionFilter(nil)) }
    }

    public func searchEnterprises(_ query: String, limit: Int, offset: Int) async throws -> Page<EnterpriseSummary> {
        guard let query = SearchQuery(query) else { return Page(items: [], total: 0, limit: limit, offset: offset) }
        return try await pool.read { db in
            switch query.method {
            case .trigram: return try Self.searchByTrigram(db, query, limit: limit, offset: offset)
            case .bigram: return try Self.searchByBigram(db, query, limit: limit, offset: offset)
            case .scan:
                let match = "(e.name LIKE ? ESCAPE '\\' OR e.full_name LIKE ? ESCAPE '\\')"
                let arguments: StatementArguments = [query.likePattern, query.likePattern]
                let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM enterprises e WHERE \(match)", arguments: arguments) ?? 0
                // Enterprises are stored in search order (SearchOrder), so rowid order ranks them after an exact match.
                let items = try Self.summaries(db, sql: """
                    SELECT e.* FROM enterprises e WHERE \(match) ORDER BY e.name = ? DESC, e.rowid LIMIT ? OFFSET ?
                    """, arguments: arguments + [query.text, limit, offset])
                return Page(items: items, total: total, limit: limit, offset: offset)
            }
        }
    }

    public func enterprise(_ id: String) async throws -> EnterpriseDetail? {
        try await pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM enterprises WHERE id = ?", arguments: [id]) else { return nil }
            let enterprise = try RowMapping.enterprise(row)
            var detail = EnterpriseDetail(
                enterprise: enterprise,
                provinceName: try enterprise.provinceCode.flatMap { try Self.region(db, $0)?.name },
                cityName: try enterprise.cityCode.flatMap { try Self.region(db, $0)?.name },
                assignments: try Row.fetchAll(db, sql: StoreSQL.assignmentsOfEnterprise, arguments: [id]).map(RowMapping.assignment),
                products: try Row.fetchAll(db, sql: StoreSQL.productsOfEnterprise, arguments: [id]).map(RowMapping.product),
                events: try Row.fetchAll(db, sql: StoreSQL.eventsOfEnterprise, arguments: [id]).map(RowMapping.event))
            let curations = try Row.fetchAll(db, sql: CurationSQL.ofEnterprise, arguments: [id]).map(CurationSQL.curation)
            CuratedDetail.apply(&detail, curations: curations, machine: try Self.machineState(db, id),
                                regions: try Self.regionChains(db, CuratedDetail.locatedCodes(curations)))
            return detail
        }
    }
}


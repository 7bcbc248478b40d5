import BrainModel

/// The one store: every read written once as the shared SQL, run through a driver (GRDB for SQLite, PostgresNIO for
/// PostgreSQL). `SQLiteStore` and `PostgresStore` are this class opened on their engine.
// @unchecked: every stored property is an immutable Sendable value or a lock-guarded cache; the class is not final
// only so the two engines' public types keep their names and initialisers.
public class SQLStore: Store, @unchecked Sendable {
    let driver: any SQLDriver
    private let taxonomyCache = LockedValue<ChainTaxonomy?>(nil)

    /// Writes are refused (`StoreReadOnlyError`): a read-only file or folder, or a PostgreSQL standby.
    public let isReadOnly: Bool

    init(driver: any SQLDriver, isReadOnly: Bool) {
        self.driver = driver
        self.isReadOnly = isReadOnly
    }

    public func probe() async throws -> StoreProbe {
        try await driver.read { s in
            StoreProbe(builtAt: try await s.first(StoreHealthSQL.builtAt) { try $0.text("value") },
                       hasEnterprises: try await s.count(StoreHealthSQL.anyEnterprise) > 0, readOnly: isReadOnly)
        }
    }

    public func integrityProblem() async throws -> String? { try await driver.integrityProblem() }

    public func stats() async throws -> StoreStats {
        try await driver.read { s in
            var counts: [String: Int] = [:]
            for table in StoreSQL.countedTables {
                counts[table] = try await s.count("SELECT COUNT(*) AS n FROM \(table)")
            }
            counts["biomedicine_enterprises"] = try await s.count("SELECT COUNT(*) AS n FROM enterprises WHERE is_biomedicine = TRUE")
            counts["biomedicine_enterprises_with_city"] = try await s.count(
                "SELECT COUNT(*) AS n FROM enterprises WHERE is_biomedicine = TRUE AND city_code IS NOT NULL")
            var meta: [String: String] = [:]
            for (key, value) in try await s.rows(StoreSQL.meta, [], { (try $0.text("key"), try $0.text("value")) }) { meta[key] = value }
            return StoreStats(counts: counts, builtAt: meta["built_at"], buildSeconds: meta["build_seconds"].flatMap(Double.init))
        }
    }

    public func region(_ code: String) async throws -> Region? {
        try await driver.read { s in try await Self.region(s, code) }
    }

    public func childValues(of code: String) async throws -> [RegionValue] {
        try await driver.read { s in
            guard let region = try await Self.region(s, code) else { return [] }
            return try await s.rows(StoreSQL.childValues(column: region.level.childColumn), [.text(code)]) { try RowMapping.regionValue($0) }
        }
    }

    public func taxonomy() async throws -> ChainTaxonomy {
        // Decoded once: every region page needs it and a database's taxonomy never changes (rebuilds rename a new file in).
        if let cached = taxonomyCache.value { return cached }
        let taxonomy = try await driver.read { s in
            guard let text = try await s.first(StoreSQL.taxonomy, [], { try $0.text("value") }) else { throw StoreError.notBuilt }
            return try TaxonomyCodec.decode(text)
        }
        taxonomyCache.value = taxonomy
        return taxonomy
    }

    public func nationalNodeCounts() async throws -> [NodeCount] {
        try await driver.read { s in try await Self.nodeCounts(s, RegionFilter(nil)) }
    }
}

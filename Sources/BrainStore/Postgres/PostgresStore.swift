import Foundation
import PostgresNIO
import BrainModel

/// The production store: PostgreSQL through PostgresNIO's connection pool, tables in the schema `brain`. Same
/// schema versions, SQL and answers as `SQLiteStore` (the conformance suite runs every store test on both).
public final class PostgresStore: Store {
    let running: RunningPostgresClient
    public let location: PostgresLocation
    private let taxonomyCache = LockedValue<ChainTaxonomy?>(nil)

    public let isReadOnly: Bool
    /// How long a request waits for a pooled connection before failing with `StoreUnavailableError`: 5 s, or
    /// `BRAIN_POSTGRES_ACQUIRE_SECONDS` (the test harness raises it: dozens of suites share one throwaway server on two
    /// cores, where a fair wait can pass 5 s without anything being down).
    static let acquireSeconds: Double = {
        let configured = ProcessInfo.processInfo.environment["BRAIN_POSTGRES_ACQUIRE_SECONDS"].flatMap(Double.init)
        return configured.map { $0 > 0 && $0.isFinite ? $0 : 5 } ?? 5
    }()

    /// Connects and applies pending migrations (an empty database gets an empty schema, like a new SQLite file). A
    /// standby (read replica) is opened read-only and not migrated.
    public init(_ location: PostgresLocation) async throws {
        self.location = location
        let standby = try await location.withConnection { connection in
            try await PostgresSQL.rows(connection, "SELECT pg_is_in_recovery() AS standby").first?.bool("standby") ?? false
        }
        if !standby { try await location.withTransaction { connection in try await PostgresSchema.migrate(connection) } }
        isReadOnly = standby
        running = RunningPostgresClient(location.clientConfiguration())
    }

    /// A pooled connection for `body`; waiting for one is bounded (a server that is down otherwise holds every request
    /// for the pool's retries).
    func withConnection<Result: Sendable>(_ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        let client = running.client
        return try await withoutActuallyEscaping(body) { body in
            // The task group below awaits its child before returning, so `body` never outlives this call.
            nonisolated(unsafe) let body = body
            return try await withAcquireDeadline(Self.acquireSeconds, store: location.description) { started in
                try await client.withConnection { connection in
                    started()
                    return try await body(connection)
                }
            }
        }
    }

    public func probe() async throws -> StoreProbe {
        try await withConnection { c in
            let builtAt = try await PostgresSQL.rows(c, StoreHealthSQL.builtAt).first?.text("value")
            let firms = try await Self.count(c, StoreHealthSQL.anyEnterprise)
            return StoreProbe(builtAt: builtAt, hasEnterprises: firms > 0, readOnly: isReadOnly)
        }
    }

    /// PostgreSQL checks its pages itself (checksums, amcheck as an extension): nothing cheap to add here.
    public func integrityProblem() async throws -> String? { nil }

    public func stats() async throws -> StoreStats {
        try await withConnection { c in
            var counts: [String: Int] = [:]
            for table in StoreSQL.countedTables {
                counts[table] = try await Self.count(c, "SELECT COUNT(*) AS n FROM \(table)")
            }
            counts["biomedicine_enterprises"] = try await Self.count(c, "SELECT COUNT(*) AS n FROM enterprises WHERE is_biomedicine = TRUE")
            counts["biomedicine_enterprises_with_city"] = try await Self.count(
                c, "SELECT COUNT(*) AS n FROM enterprises WHERE is_biomedicine = TRUE AND city_code IS NOT NULL")
            var meta: [String: String] = [:]
            for row in try await PostgresSQL.rows(c, StoreSQL.meta) { meta[try row.text("key")] = try row.text("value") }
            return StoreStats(counts: counts, builtAt: meta["built_at"], buildSeconds: meta["build_seconds"].flatMap(Double.init))
        }
    }

    public func region(_ code: String) async throws -> Region? {
        try await withConnection { c in try await Self.region(c, code) }
    }

    public func regionProfile(_ code: String, largest: Int) async throws -> RegionProfile? {
        try await withConnection { c in
            guard let region = try await Self.region(c, code) else { return nil }
            var ancestors: [RegionRef] = []
            var cursor = region.parentCode
            // At most four levels up: a code table with a cycle must not hang a request.
            while ancestors.count < 4, let parentCode = cursor, let parent = try await Self.region(c, parentCode) {
                ancestors.insert(RegionRef(code: parent.code, name: parent.name, level: parent.level), at: 0)
                cursor = parent.parentCode
            }
            let children = try await PostgresSQL.rows(c, StoreSQL.childRefs, [.text(code)]).map(RowMapping.regionRef)
            let filter = RegionFilter(region), arguments = filter.arguments.textArguments
            let listed = try await Self.count(c, StoreSQL.listedCount(filter), arguments)
            let biomed = try await PostgresSQL.rows(c, StoreSQL.biomedicineTotals(filter), arguments).first
            let largestFirms = try await Self.summaries(c, StoreSQL.largestFirms(filter), arguments + [.int(largest)])
            let parks = try await PostgresSQL.rows(c, StoreSQL.parksWithin, [.text(code), .text(code), .text(code)]).map(RowMapping.park)
            let universities = try await Self.count(c, StoreSQL.universitiesWithin,
                                                    [.text(code), .text(code), .text(Region.cityCode(of: code))])
            return RegionProfile(region: region, parent: ancestors.last, ancestors: ancestors, children: children,
                                 listedFirms: listed, biomedicineFirms: try biomed?.int("n") ?? 0,
                                 biomedicineEmployees: try biomed?.int("employees") ?? 0,
                                 nodeCounts: try await Self.nodeCounts(c, filter), largestFirms: largestFirms,
                                 parks: parks, universities: region.level == .district ? 0 : universities)
        }
    }

    public func childValues(of code: String) async throws -> [RegionValue] {
        try await withConnection { c in
            guard let region = try await Self.region(c, code) else { return [] }
            return try await PostgresSQL.rows(c, StoreSQL.childValues(column: region.level.childColumn), [.text(code)])
                .map(RowMapping.regionValue)
        }
    }

    public func taxonomy() async throws -> ChainTaxonomy {
        if let cached = taxonomyCache.value { return cached }
        let taxonomy = try await withConnection { c in
            guard let row = try await PostgresSQL.rows(c, StoreSQL.taxonomy).first else { throw StoreError.notBuilt }
            return try TaxonomyCodec.decode(try row.text("value"))
        }
        taxonomyCache.value = taxonomy
        return taxonomy
    }

    public func nationalNodeCounts() async throws -> [NodeCount] {
        try await withConnection { c in try await Self.nodeCounts(c, RegionFilter(nil)) }
    }

    public func enterprise(_ id: String) async throws -> EnterpriseDetail? {
        try await withConnection { c in
            guard let row = try await PostgresSQL.rows(c, "SELECT * FROM enterprises WHERE id = ?", [.text(id)]).first else { return nil }
            let enterprise = try RowMapping.enterprise(row)
            var provinceName: String?, cityName: String?
            if let code = enterprise.provinceCode { provinceName = try await Self.region(c, code)?.name }
            if let code = enterprise.cityCode { cityName = try await Self.region(c, code)?.name }
            var detail = EnterpriseDetail(
                enterprise: enterprise, provinceName: provinceName, cityName: cityName,
                assignments: try await PostgresSQL.rows(c, StoreSQL.assignmentsOfEnterprise, [.text(id)]).map(RowMapping.assignment),
                products: try await PostgresSQL.rows(c, StoreSQL.productsOfEnterprise, [.text(id)]).map(RowMapping.product),
                events: try await PostgresSQL.rows(c, StoreSQL.eventsOfEnterprise, [.text(id)]).map(RowMapping.event))
            let curations = try await PostgresSQL.map(c, CurationSQL.ofEnterprise, [.text(id)], CurationSQL.curation)
            CuratedDetail.apply(&detail, curations: curations, machine: try await Self.machineState(c, id),
                                regions: try await Self.regionChains(c, CuratedDetail.locatedCodes(curations)))
            return detail
        }
    }
}

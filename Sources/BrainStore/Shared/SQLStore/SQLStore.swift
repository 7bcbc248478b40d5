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

    public func regionProfile(_ code: String, largest: Int) async throws -> RegionProfile? {
        try await driver.read { s in
            guard let region = try await Self.region(s, code) else { return nil }
            var ancestors: [RegionRef] = []
            var cursor = region.parentCode
            // At most four levels up: a code table with a cycle must not hang a request.
            while ancestors.count < 4, let parentCode = cursor, let parent = try await Self.region(s, parentCode) {
                ancestors.insert(RegionRef(code: parent.code, name: parent.name, level: parent.level), at: 0)
                cursor = parent.parentCode
            }
            let children = try await s.rows(StoreSQL.childRefs, [.text(code)]) { try RowMapping.regionRef($0) }
            let filter = RegionFilter(region), arguments = filter.arguments.textArguments
            let listed = try await s.count(StoreSQL.listedCount(filter), arguments)
            let biomed = try await s.first(StoreSQL.biomedicineTotals(filter), arguments) { (try $0.int("n"), try $0.int("employees")) }
            let largestFirms = try await Self.summaries(s, StoreSQL.largestFirms(filter), arguments + [.int(largest)])
            let parks = try await s.rows(StoreSQL.parksWithin, [.text(code), .text(code), .text(code)]) { try RowMapping.park($0) }
            let universities = try await s.count(StoreSQL.universitiesWithin, [.text(code), .text(code), .text(Region.cityCode(of: code))])
            return RegionProfile(region: region, parent: ancestors.last, ancestors: ancestors, children: children,
                                 listedFirms: listed, biomedicineFirms: biomed?.0 ?? 0, biomedicineEmployees: biomed?.1 ?? 0,
                                 nodeCounts: try await Self.nodeCounts(s, filter), largestFirms: largestFirms,
                                 parks: parks, universities: region.level == .district ? 0 : universities)
        }
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

    public func enterprise(_ id: String) async throws -> EnterpriseDetail? {
        try await driver.read { s in
            guard let enterprise = try await s.first("SELECT * FROM enterprises WHERE id = ?", [.text(id)], { try RowMapping.enterprise($0) })
            else { return nil }
            var provinceName: String?, cityName: String?
            if let code = enterprise.provinceCode { provinceName = try await Self.region(s, code)?.name }
            if let code = enterprise.cityCode { cityName = try await Self.region(s, code)?.name }
            var detail = EnterpriseDetail(
                enterprise: enterprise, provinceName: provinceName, cityName: cityName,
                assignments: try await s.rows(StoreSQL.assignmentsOfEnterprise, [.text(id)]) { try RowMapping.assignment($0) },
                products: try await s.rows(StoreSQL.productsOfEnterprise, [.text(id)]) { try RowMapping.product($0) },
                events: try await s.rows(StoreSQL.eventsOfEnterprise, [.text(id)]) { try RowMapping.event($0) })
            let curations = try await s.rows(CurationSQL.ofEnterprise, [.text(id)]) { try CurationSQL.curation($0) }
            let machine = try await s.first(CuratedPlacement.machineOf, [.text(id)]) { try CuratedPlacement.state($0) }
            CuratedDetail.apply(&detail, curations: curations, machine: machine,
                                regions: try await Self.regionChains(s, CuratedDetail.locatedCodes(curations)))
            return detail
        }
    }
}

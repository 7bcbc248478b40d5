import BrainModel

/// The read side of the store that analytics snapshots and delivery use. SQLite (GRDB) today; PostgreSQL next.
public protocol Store: Sendable {
    func stats() async throws -> StoreStats
    func region(_ code: String) async throws -> Region?
    func regionProfile(_ code: String, largest: Int) async throws -> RegionProfile?
    /// Biomedicine firm counts of the children of `code` (provinces for the country).
    func childValues(of code: String) async throws -> [RegionValue]
    func taxonomy() async throws -> ChainTaxonomy
    func nationalNodeCounts() async throws -> [NodeCount]
    func searchEnterprises(_ query: String, limit: Int, offset: Int) async throws -> Page<EnterpriseSummary>
    func enterprise(_ id: String) async throws -> EnterpriseDetail?
    /// Everything, as values: the in-memory snapshot analytics reads (DESIGN.md "The flow").
    func snapshot() async throws -> DataBundle
}

import GRDB
import BrainModel

extension SQLiteStore {
    /// Everything the store holds, as values, read in one consistent transaction: the snapshot analytics works on.
    public func snapshot() async throws -> DataBundle {
        try await pool.read { db in
            guard let json = try String.fetchOne(db, sql: StoreSQL.taxonomy) else { throw StoreError.notBuilt }
            var bundle = DataBundle(taxonomy: try TaxonomyCodec.decode(json))
            bundle.regions = try Row.fetchAll(db, sql: StoreSQL.snapshotRegions).map(RowMapping.region)
            bundle.enterprises = try Row.fetchAll(db, sql: StoreSQL.snapshotEnterprises).map(RowMapping.enterprise)
            bundle.assignments = try Row.fetchAll(db, sql: StoreSQL.snapshotAssignments).map(RowMapping.assignment)
            bundle.products = try Row.fetchAll(db, sql: StoreSQL.snapshotProducts).map(RowMapping.product)
            bundle.productRelations = try Row.fetchAll(db, sql: StoreSQL.snapshotRelations).map(RowMapping.productRelation)
            bundle.events = try Row.fetchAll(db, sql: StoreSQL.snapshotEvents).map(RowMapping.event)
            bundle.universities = try Row.fetchAll(db, sql: StoreSQL.snapshotUniversities).map(RowMapping.university)
            bundle.parks = try Row.fetchAll(db, sql: StoreSQL.snapshotParks).map(RowMapping.park)
            bundle.policies = try Row.fetchAll(db, sql: StoreSQL.snapshotPolicies).map(RowMapping.policy)
            bundle.locations = try Row.fetchAll(db, sql: StoreSQL.snapshotLocations).map(RowMapping.location)
            bundle.importLayers = try Row.fetchAll(db, sql: StoreSQL.snapshotImportLayers).map(RowMapping.importLayer)
            bundle.curations = try Row.fetchAll(db, sql: CurationSQL.all).map(CurationSQL.curation)
            // Analysts' curations win over the machine's placement and location in every analysis.
            CurationLedger.apply(bundle.curations, to: &bundle)
            return bundle
        }
    }
}

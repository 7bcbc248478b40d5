import PostgresNIO
import BrainModel

extension PostgresStore {
    /// Everything the store holds, read in one repeatable-read transaction: the snapshot analytics works on.
    public func snapshot() async throws -> DataBundle {
        try await running.client.transaction { c in
            try await PostgresSQL.execute(c, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            guard let taxonomy = try await PostgresSQL.rows(c, StoreSQL.taxonomy).first else { throw StoreError.notBuilt }
            var bundle = DataBundle(taxonomy: try TaxonomyCodec.decode(try taxonomy.text("value")))
            bundle.regions = try await PostgresSQL.map(c, StoreSQL.snapshotRegions, [], RowMapping.region)
            bundle.enterprises = try await PostgresSQL.map(c, StoreSQL.snapshotEnterprises, [], RowMapping.enterprise)
            bundle.assignments = try await PostgresSQL.map(c, StoreSQL.snapshotAssignments, [], RowMapping.assignment)
            bundle.products = try await PostgresSQL.map(c, StoreSQL.snapshotProducts, [], RowMapping.product)
            bundle.productRelations = try await PostgresSQL.map(c, StoreSQL.snapshotRelations, [], RowMapping.productRelation)
            bundle.events = try await PostgresSQL.map(c, StoreSQL.snapshotEvents, [], RowMapping.event)
            bundle.universities = try await PostgresSQL.map(c, StoreSQL.snapshotUniversities, [], RowMapping.university)
            bundle.parks = try await PostgresSQL.map(c, StoreSQL.snapshotParks, [], RowMapping.park)
            bundle.policies = try await PostgresSQL.map(c, StoreSQL.snapshotPolicies, [], RowMapping.policy)
            bundle.locations = try await PostgresSQL.map(c, StoreSQL.snapshotLocations, [], RowMapping.location)
            bundle.importLayers = try await PostgresSQL.map(c, StoreSQL.snapshotImportLayers, [], RowMapping.importLayer)
            bundle.curations = try await PostgresSQL.map(c, CurationSQL.all, [], CurationSQL.curation)
            // Analysts' curations win over the machine's placement and location in every analysis.
            CurationLedger.apply(bundle.curations, to: &bundle)
            return bundle
        }
    }
}

import BrainModel

extension SQLStore {
    /// The snapshot's tables, folded into the bundle as they stream in.
    private struct Snapshot: Sendable {
        /// nil until the taxonomy row is read: a store that was never built has none.
        var bundle: DataBundle?
    }

    private static let snapshotSteps: [ReadStep<Snapshot>] = [
        ReadStep(StoreSQL.taxonomy) { state, row in state.bundle = DataBundle(taxonomy: try TaxonomyCodec.decode(try row.text("value"))) },
        ReadStep(StoreSQL.snapshotRegions) { state, row in state.bundle?.regions.append(try RowMapping.region(row)) },
        ReadStep(StoreSQL.snapshotEnterprises) { state, row in state.bundle?.enterprises.append(try RowMapping.enterprise(row)) },
        ReadStep(StoreSQL.snapshotAssignments) { state, row in state.bundle?.assignments.append(try RowMapping.assignment(row)) },
        ReadStep(StoreSQL.snapshotProducts) { state, row in state.bundle?.products.append(try RowMapping.product(row)) },
        ReadStep(StoreSQL.snapshotRelations) { state, row in state.bundle?.productRelations.append(try RowMapping.productRelation(row)) },
        ReadStep(StoreSQL.snapshotEvents) { state, row in state.bundle?.events.append(try RowMapping.event(row)) },
        ReadStep(StoreSQL.snapshotUniversities) { state, row in state.bundle?.universities.append(try RowMapping.university(row)) },
        ReadStep(StoreSQL.snapshotParks) { state, row in state.bundle?.parks.append(try RowMapping.park(row)) },
        ReadStep(StoreSQL.snapshotPolicies) { state, row in state.bundle?.policies.append(try RowMapping.policy(row)) },
        ReadStep(StoreSQL.snapshotLocations) { state, row in state.bundle?.locations.append(try RowMapping.location(row)) },
        ReadStep(StoreSQL.snapshotImportLayers) { state, row in state.bundle?.importLayers.append(try RowMapping.importLayer(row)) },
        // Only curations public to everyone: an organisation's unpublished ones change no analysis.
        ReadStep(CurationSQL.applied) { state, row in state.bundle?.curations.append(try CurationSQL.curation(row)) },
    ]

    /// Everything the store holds, as values, read in one consistent snapshot: what analytics works on.
    public func snapshot() async throws -> DataBundle {
        guard var bundle = try await driver.readTogether(Snapshot(), Self.snapshotSteps).bundle else { throw StoreError.notBuilt }
        // Analysts' curations win over the machine's placement and location in every analysis.
        CurationLedger.apply(bundle.curations, to: &bundle)
        return bundle
    }
}

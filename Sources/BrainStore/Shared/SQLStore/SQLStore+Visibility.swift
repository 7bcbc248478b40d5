import BrainModel

/// The first step of a read for a viewer: every import's layer and owner (a few rows), from which `HiddenImports`
/// names what the rest of the read leaves out. The operator needs none, so its reads are as before.
enum HiddenImportSteps {
    static func read<State>(_ viewer: FirmViewer, _ part: WritableKeyPath<State, [ImportLayer]> & Sendable) -> [ReadStep<State>] {
        guard viewer != .operator else { return [] }
        return [ReadStep(StoreSQL.snapshotImportLayers) { state, row in state[keyPath: part].append(try RowMapping.importLayer(row)) }]
    }
}

/// A state that is only the imports' layers.
private struct ImportLayersOnly: Sendable {
    var imports: [ImportLayer] = []
}

extension SQLStore {
    public func hiddenImports(from viewer: FirmViewer) async throws -> HiddenImports {
        guard viewer != .operator else { return .none }
        let state = try await driver.readSteps(ImportLayersOnly(), HiddenImportSteps.read(viewer, \ImportLayersOnly.imports))
        return HiddenImports(state.imports, for: viewer)
    }

    public func enterpriseSummaries(ids: [String], visibleTo viewer: FirmViewer) async throws -> [EnterpriseSummary] {
        guard !ids.isEmpty else { return [] }
        let hidden = try await hiddenImports(from: viewer)
        guard !hidden.layers.isEmpty else { return try await enterpriseSummaries(ids: ids) }
        // Few ids (a page of names): the hidden ones are found by their layer and dropped.
        let visible = try await driver.read { s in
            try await s.rows("SELECT id FROM enterprises WHERE id IN (\(StoreSQL.marks(ids.count))) AND layer NOT IN (\(StoreSQL.marks(hidden.layers.count)))",
                             ids.textArguments + hidden.sortedLayers.textArguments) { try $0.text("id") }
        }
        return try await enterpriseSummaries(ids: ids.filter(Set(visible).contains))
    }
}

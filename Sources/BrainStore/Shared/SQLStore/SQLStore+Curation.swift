import BrainModel

extension SQLStore: CurationStore {
    @discardableResult
    public func addCurations(_ batch: [Curation], audit: AuditOf<[Curation]>?) async throws -> Int {
        guard !batch.isEmpty else { return 0 }
        let dialect = driver.dialect
        return try await driver.transaction { s in
            // One writer at a time: two revocations of the same curation must not both pass the check (SQLite's
            // writer is one connection already).
            if dialect == .postgres { try await s.execute("LOCK TABLE curations IN SHARE ROW EXCLUSIVE MODE", []) }
            let stored = try await s.rows(CurationSQL.all, []) { try CurationSQL.curation($0) }
            let known = CurationCheck.Known(
                firms: try await Self.existing(s, "enterprises", key: "id", Set(batch.map(\.enterpriseId))),
                nodes: Set(try await s.texts(CurationSQL.nodeIds, column: "id")),
                regions: try await Self.existing(s, "regions", key: "code", Set(batch.compactMap(\.regionCode))),
                stored: Dictionary(stored.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }))
            try CurationSQL.check(batch, known: known)
            var written = 0
            for curation in batch where known.stored[curation.id] == nil {
                written += try await s.rows(CurationSQL.insert + " RETURNING id", CurationSQL.values(curation)) { _ in 1 }.count
            }
            // Each firm's nodes before and after, as the change's audience may see them: a move is a change in the feed
            // (CurationChanges).
            let fresh = batch.filter { known.stored[$0.id] == nil }
            let layers = fresh.isEmpty ? [] : try await CurationChanges.importLayers(s)
            for firm in Set(fresh.map(\.enterpriseId)) {
                let audience = try await CurationChanges.audience(s, firm, layers)
                let before = try await CurationChanges.nodes(s, firm, audience.visibility)
                try await Self.writeThrough(s, firm)
                try await CurationChanges.record(s, firm: firm, curations: fresh.filter { $0.enterpriseId == firm }, before: before,
                                                 after: try await CurationChanges.nodes(s, firm, audience.visibility), organisation: audience.organisation)
            }
            // Nothing new (a file imported again): nothing to record.
            if !fresh.isEmpty { try await Self.append(audit, of: fresh, in: s) }
            return written
        }
    }

    public func curations(enterprise: String?) async throws -> [Curation] {
        try await driver.read { s in
            if let enterprise { return try await s.rows(CurationSQL.ofEnterprise, [.text(enterprise)]) { try CurationSQL.curation($0) } }
            return try await s.rows(CurationSQL.all, []) { try CurationSQL.curation($0) }
        }
    }

    /// The firm's tables recomputed from the machine's state and all its curations (CuratedPlacement).
    static func writeThrough(_ s: any SQLWriteSession, _ id: String) async throws {
        guard let enterprise = try await s.first(CuratedPlacement.enterprise, [.text(id)], { try RowMapping.enterprise($0) }) else { return }
        let machine: CuratedPlacement.MachineState
        if let stored = try await s.first(CuratedPlacement.machineOf, [.text(id)], { try CuratedPlacement.state($0) }) {
            machine = stored
        } else {
            let current = try await s.rows(CuratedPlacement.assignments, [.text(id)]) { try RowMapping.assignment($0) }
            machine = CuratedPlacement.MachineState(enterprise, assignments: current)
            try await s.execute(CuratedPlacement.capture, CuratedPlacement.values(id, machine))
        }
        // What everyone sees: an organisation's unpublished curations change nothing stored until published.
        let curations = try await s.rows(CurationSQL.appliedOfEnterprise, [.text(id)]) { try CurationSQL.curation($0) }
        let regions = try await regionChains(s, CuratedDetail.locatedCodes(curations))
        let (firm, assignments) = CuratedPlacement.effective(enterprise, machine: machine, curations: curations, regions: regions)
        try await s.execute(CuratedPlacement.deleteAssignments, [.text(id)])
        for assignment in assignments { try await s.execute(CuratedPlacement.insertAssignment, CuratedPlacement.assignmentValues(assignment)) }
        try await s.execute(CuratedPlacement.updateEnterprise, CuratedPlacement.enterpriseValues(firm))
    }

    static func existing(_ s: any SQLSession, _ table: String, key: String, _ values: Set<String>) async throws -> Set<String> {
        var found: Set<String> = []
        for chunk in CurationSQL.chunks(values) {
            found.formUnion(try await s.texts(CurationSQL.existing(table, key: key, count: chunk.count), chunk.textArguments, column: key))
        }
        return found
    }
}

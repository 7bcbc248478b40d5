import PostgresNIO
import BrainModel

extension PostgresStore: CurationStore {
    @discardableResult
    public func addCurations(_ batch: [Curation]) async throws -> Int {
        guard !batch.isEmpty else { return 0 }
        return try await location.withTransaction { c in
            // One writer at a time: two revocations of the same curation must not both pass the check.
            try await PostgresSQL.execute(c, "LOCK TABLE curations IN SHARE ROW EXCLUSIVE MODE")
            let stored = try await PostgresSQL.map(c, CurationSQL.all, [], CurationSQL.curation)
            let known = CurationCheck.Known(
                firms: try await Self.existing(c, "enterprises", key: "id", Set(batch.map(\.enterpriseId))),
                nodes: Set(try await PostgresSQL.rows(c, CurationSQL.nodeIds).map { try $0.text("id") }),
                regions: try await Self.existing(c, "regions", key: "code", Set(batch.compactMap(\.regionCode))),
                stored: Dictionary(stored.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }))
            try CurationSQL.check(batch, known: known)
            var written = 0
            for curation in batch where known.stored[curation.id] == nil {
                let rows = try await PostgresSQL.rows(c, CurationSQL.insert + " RETURNING id", CurationSQL.values(curation))
                written += rows.count
            }
            for firm in Set(batch.filter { known.stored[$0.id] == nil }.map(\.enterpriseId)) { try await Self.writeThrough(c, firm) }
            return written
        }
    }

    public func curations(enterprise: String?) async throws -> [Curation] {
        try await withConnection { c in
            if let enterprise { return try await PostgresSQL.map(c, CurationSQL.ofEnterprise, [.text(enterprise)], CurationSQL.curation) }
            return try await PostgresSQL.map(c, CurationSQL.all, [], CurationSQL.curation)
        }
    }

    /// The firm's tables recomputed from the machine's state and all its curations (CuratedPlacement).
    static func writeThrough(_ c: PostgresConnection, _ id: String) async throws {
        guard let row = try await PostgresSQL.rows(c, CuratedPlacement.enterprise, [.text(id)]).first else { return }
        let enterprise = try RowMapping.enterprise(row)
        let machine: CuratedPlacement.MachineState
        if let stored = try await machineState(c, id) {
            machine = stored
        } else {
            let current = try await PostgresSQL.map(c, CuratedPlacement.assignments, [.text(id)], RowMapping.assignment)
            machine = CuratedPlacement.MachineState(enterprise, assignments: current)
            try await execute(c, CuratedPlacement.capture, CuratedPlacement.values(id, machine))
        }
        let curations = try await PostgresSQL.map(c, CurationSQL.ofEnterprise, [.text(id)], CurationSQL.curation)
        let regions = try await regionChains(c, CuratedDetail.locatedCodes(curations))
        let (firm, assignments) = CuratedPlacement.effective(enterprise, machine: machine, curations: curations, regions: regions)
        try await c.query(PostgresSQL.query(CuratedPlacement.deleteAssignments, [.text(id)]), logger: PostgresSQL.logger)
        for assignment in assignments { try await execute(c, CuratedPlacement.insertAssignment, CuratedPlacement.assignmentValues(assignment)) }
        try await execute(c, CuratedPlacement.updateEnterprise, CuratedPlacement.enterpriseValues(firm))
    }

    /// The regions and their ancestors (at most four levels up: a code table with a cycle must not hang).
    static func regionChains(_ c: PostgresConnection, _ codes: [String]) async throws -> [String: Region] {
        var regions: [String: Region] = [:]
        for code in codes {
            var cursor: String? = code
            for _ in 0..<4 {
                guard let current = cursor, regions[current] == nil, let region = try await Self.region(PostgresDriver.Session(connection: c), current) else { break }
                regions[current] = region
                cursor = region.parentCode
            }
        }
        return regions
    }

    static func machineState(_ c: PostgresConnection, _ id: String) async throws -> CuratedPlacement.MachineState? {
        try await PostgresSQL.rows(c, CuratedPlacement.machineOf, [.text(id)]).first.map(CuratedPlacement.state)
    }

    static func execute(_ c: PostgresConnection, _ sql: String, _ values: [SQLValue]) async throws {
        try await c.query(PostgresSQL.query(sql, values), logger: PostgresSQL.logger)
    }

    static func existing(_ c: PostgresConnection, _ table: String, key: String, _ values: Set<String>) async throws -> Set<String> {
        var found: Set<String> = []
        for chunk in CurationSQL.chunks(values) {
            for row in try await PostgresSQL.rows(c, CurationSQL.existing(table, key: key, count: chunk.count), chunk.textArguments) {
                found.insert(try row.text(key))
            }
        }
        return found
    }
}

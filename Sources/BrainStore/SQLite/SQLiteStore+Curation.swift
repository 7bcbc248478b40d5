import GRDB
import BrainModel

extension SQLiteStore: CurationStore {
    @discardableResult
    public func addCurations(_ batch: [Curation]) async throws -> Int {
        guard !batch.isEmpty else { return 0 }
        return try await writer.write { db in
            let stored = try Row.fetchAll(db, sql: CurationSQL.all).map(CurationSQL.curation)
            let known = CurationCheck.Known(
                firms: try Self.existing(db, "enterprises", key: "id", Set(batch.map(\.enterpriseId))),
                nodes: Set(try String.fetchAll(db, sql: CurationSQL.nodeIds)),
                regions: try Self.existing(db, "regions", key: "code", Set(batch.compactMap(\.regionCode))),
                stored: Dictionary(stored.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }))
            try CurationSQL.check(batch, known: known)
            var written = 0
            for curation in batch where known.stored[curation.id] == nil {
                try db.execute(sql: CurationSQL.insert, arguments: StatementArguments(CurationSQL.values(curation).map(\.databaseValue)))
                written += db.changesCount
            }
            for firm in Set(batch.filter { known.stored[$0.id] == nil }.map(\.enterpriseId)) { try Self.writeThrough(db, firm) }
            return written
        }
    }

    public func curations(enterprise: String?) async throws -> [Curation] {
        try await writer.read { db in
            if let enterprise {
                return try Row.fetchAll(db, sql: CurationSQL.ofEnterprise, arguments: [enterprise]).map(CurationSQL.curation)
            }
            return try Row.fetchAll(db, sql: CurationSQL.all).map(CurationSQL.curation)
        }
    }

    /// The firm's tables recomputed from the machine's state and all its curations (CuratedPlacement).
    static func writeThrough(_ db: Database, _ id: String) throws {
        guard let row = try Row.fetchOne(db, sql: CuratedPlacement.enterprise, arguments: [id]) else { return }
        let enterprise = try RowMapping.enterprise(row)
        let machine: CuratedPlacement.MachineState
        if let stored = try Row.fetchOne(db, sql: CuratedPlacement.machineOf, arguments: [id]) {
            machine = try CuratedPlacement.state(stored)
        } else {
            let current = try Row.fetchAll(db, sql: CuratedPlacement.assignments, arguments: [id]).map(RowMapping.assignment)
            machine = CuratedPlacement.MachineState(enterprise, assignments: current)
            try db.execute(sql: CuratedPlacement.capture, arguments: Self.arguments(CuratedPlacement.values(id, machine)))
        }
        let curations = try Row.fetchAll(db, sql: CurationSQL.ofEnterprise, arguments: [id]).map(CurationSQL.curation)
        let regions = try regionChains(db, CuratedDetail.locatedCodes(curations))
        let (firm, assignments) = CuratedPlacement.effective(enterprise, machine: machine, curations: curations, regions: regions)
        try db.execute(sql: CuratedPlacement.deleteAssignments, arguments: [id])
        for assignment in assignments {
            try db.execute(sql: CuratedPlacement.insertAssignment, arguments: Self.arguments(CuratedPlacement.assignmentValues(assignment)))
        }
        try db.execute(sql: CuratedPlacement.updateEnterprise, arguments: Self.arguments(CuratedPlacement.enterpriseValues(firm)))
    }

    /// The regions and their ancestors (at most four levels up: a code table with a cycle must not hang).
    static func regionChains(_ db: Database, _ codes: [String]) throws -> [String: Region] {
        var regions: [String: Region] = [:]
        for code in codes {
            var cursor: String? = code
            for _ in 0..<4 {
                guard let current = cursor, regions[current] == nil, let region = try Self.region(db, current) else { break }
                regions[current] = region
                cursor = region.parentCode
            }
        }
        return regions
    }

    static func region(_ db: Database, _ code: String) throws -> Region? {
        try Row.fetchOne(db, sql: StoreSQL.regionByCode, arguments: [code]).map(RowMapping.region)
    }

    static func arguments(_ values: [SQLValue]) -> StatementArguments { StatementArguments(values.map(\.databaseValue)) }

    static func existing(_ db: Database, _ table: String, key: String, _ values: Set<String>) throws -> Set<String> {
        var found: Set<String> = []
        for chunk in CurationSQL.chunks(values) {
            found.formUnion(try String.fetchAll(db, sql: CurationSQL.existing(table, key: key, count: chunk.count), arguments: StatementArguments(chunk)))
        }
        return found
    }
}

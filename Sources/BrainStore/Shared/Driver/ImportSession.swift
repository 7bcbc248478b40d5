/// An import's write transaction (`SQLDriver.importTransaction`): the shared import code (`SQLStore+Import`) plans the
/// statements, the engine runs them its fastest way.
protocol ImportSession: SQLWriteSession {
    /// The statement's rows, whole, for a planner's `learn` (which reads them by column once all its queries ran).
    func readers(_ sql: String, _ arguments: [SQLValue]) async throws -> [any ColumnReader]
    /// The planners' writes, in order. SQLite runs them through the import's own cache of compiled statements and
    /// binds the values directly (docs/import.md "Speed"); PostgreSQL sends each as a query.
    func run(_ writes: [ImportPlanner.Write]) async throws
}

extension SQLDriver {
    /// Where `CoalescedWrites` merges an import's rows: SQLite in power-of-two lengths, so each multi-row statement
    /// is compiled once per import (`ImportStatements`); PostgreSQL prepares every query anyway, so the longest.
    var coalescing: CoalescedWrites.Sizing { dialect == .sqlite ? .powersOfTwo(upTo: .max) : .largest }

    var importBackend: ImportBackend { dialect == .sqlite ? .sqlite : .postgres }
}

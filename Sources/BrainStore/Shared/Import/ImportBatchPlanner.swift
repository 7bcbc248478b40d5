import BrainModel

/// What a backend needs to run an import of any kind: queries to run before each batch, and the writes of each row.
/// Both backends drive planners the same way (`SQLStore.writeImport`, over `SQLDriver.importTransaction`).
protocol ImportBatchPlanner {
    associatedtype Item
    /// `visibility`: what the import may read (`ImportVisibility`, from the imports' layers in its transaction).
    init(header: ImportHeader, importId: Int, backend: ImportBackend, visibility: ImportVisibility, nextRank: Int)
    var outcome: ImportOutcome { get }
    mutating func queries(_ batch: [Item]) -> [ImportPlanner.Write]
    /// Queries that need the first ones' answers (the found firms' own rows, looked up by id), run after them.
    func followUp(_ results: [[any ColumnReader]]) throws -> [ImportPlanner.Write]
    /// Takes in the answers of `queries`, then those of `followUp`, in order.
    mutating func learn(_ results: [[any ColumnReader]]) throws
    mutating func plan(_ item: Item) throws -> [ImportPlanner.Write]
    /// Writes held back to go together (`HeldGramWrites`), rows already in the order they go
    /// (`CoalescedWrites.presorted`): once enough are held, and all of them when `all` (after the last batch).
    mutating func heldWrites(all: Bool) -> [ImportPlanner.Write]
    /// Writes that wait for the end of the import.
    mutating func finish() -> [ImportPlanner.Write]
    /// Indexes this planner's writes keep but its look-ups never read (`DeferredIndexes`).
    static var deferrableIndexes: [String] { get }
    /// Starts noting what the rows planned from now on may change in the store, for look-ups made before their writes.
    mutating func noteTouches()
    /// What the rows planned since `noteTouches` may change: codes, ids, names and name keys, the values look-ups
    /// compare. Nil when this planner does not note them: look-ups then wait for those rows' writes.
    mutating func takeTouches() -> Set<String>?
    /// Whether look-ups (`queries` and `followUp`, with their first round's `results`) made before the writes of
    /// `touches`' rows may have read what those writes change: one of their values, or a firm they found, is touched.
    func readsAny(of touches: Set<String>, queries: [ImportPlanner.Write], results: [[any ColumnReader]]) throws -> Bool
}

extension ImportBatchPlanner {
    func followUp(_ results: [[any ColumnReader]]) throws -> [ImportPlanner.Write] { [] }
    mutating func heldWrites(all: Bool) -> [ImportPlanner.Write] { [] }
    mutating func finish() -> [ImportPlanner.Write] { [] }
    static var deferrableIndexes: [String] { [] }
    mutating func noteTouches() {}
    mutating func takeTouches() -> Set<String>? { nil }
    func readsAny(of touches: Set<String>, queries: [ImportPlanner.Write], results: [[any ColumnReader]]) throws -> Bool { true }
}

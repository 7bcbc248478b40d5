import PostgresNIO

/// A merged multi-row insert of an import (`CoalescedWrites`) sent as `COPY … FROM STDIN`: PostgreSQL parsed, planned
/// and evaluated a VALUES list of ~17,000 parameters per batch and table at a fifth of the speed of inserting the same
/// rows from a table (docs/import.md "PostgreSQL writes"). An insert with a tail (`ON CONFLICT …`) is copied into a
/// temporary staging table of the same column types and inserted from there with that tail, so conflicts resolve as
/// before; one without goes straight into its table. Rows keep their order either way: COPY writes them in order and a
/// temporary table is only ever scanned sequentially by one process, so identities and "first row wins" are unchanged.
struct PostgresBulkInsert {
    let table: String
    let columns: [String]
    let tail: String
    let rows: Int
    let arguments: [SQLValue]

    /// Fewer rows go as they are: a COPY costs two or three round trips more.
    static let fewestRows = 16

    /// Nil for anything but a single-table insert of plain `?` placeholders, one per named column.
    init?(_ write: ImportPlanner.Write) {
        guard let shape = CoalescedWrites.shape(of: write.sql),
              let open = shape.head.firstIndex(of: "("), let close = shape.head.lastIndex(of: ")") else { return nil }
        let table = shape.head.dropFirst("INSERT INTO ".count).prefix { !$0.isWhitespace && $0 != "(" }
        let columns = shape.head[shape.head.index(after: open)..<close].split(separator: ",").map { String($0.filter { !$0.isWhitespace }) }
        let plain = "(" + Array(repeating: "?", count: columns.count).joined(separator: ",") + ")"
        guard !table.isEmpty, shape.group.filter({ !$0.isWhitespace }) == plain, columns.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } }),
              write.arguments.count % columns.count == 0, write.arguments.count / columns.count >= Self.fewestRows else { return nil }
        (self.table, self.columns, tail) = (String(table), columns, String(shape.tail.drop { $0.isWhitespace }))
        (rows, arguments) = (write.arguments.count / columns.count, write.arguments)
    }

    func run(_ connection: PostgresConnection) async throws {
        guard !tail.isEmpty else { return try await copy(into: table, connection) }
        let list = columns.joined(separator: ", ")
        // Named by table and columns, so every statement shape has its own; dropped with the import's transaction.
        let stage = "import_stage_\(table)_\(list.utf8.reduce(0) { ($0 &* 31 &+ Int($1)) & 0xFF_FFFF })"
        try await PostgresSQL.execute(connection, "CREATE TEMP TABLE IF NOT EXISTS \(stage) ON COMMIT DROP AS SELECT \(list) FROM \(table) WITH NO DATA")
        try await copy(into: stage, connection)
        try await PostgresSQL.execute(connection, "INSERT INTO \(table) (\(list)) SELECT \(list) FROM \(stage) \(tail)")
        try await PostgresSQL.execute(connection, "TRUNCATE \(stage)")
    }

    private func copy(into target: String, _ connection: PostgresConnection) async throws {
        try await connection.copyFrom(table: target, columns: columns, logger: PostgresSQL.logger) { writer in
            var buffer = ByteBuffer()
            buffer.reserveCapacity(1 << 20)
            for (i, value) in arguments.enumerated() {
                value.writeCopyText(to: &buffer)
                buffer.writeInteger(UInt8(ascii: (i + 1) % columns.count == 0 ? "\n" : "\t"))
                if buffer.readableBytes >= 1 << 20 {
                    try await writer.write(buffer)
                    buffer.clear()
                }
            }
            if buffer.readableBytes > 0 { try await writer.write(buffer) }
        }
    }
}

/// A batch's writes with single-row inserts into the same table merged into multi-row statements: one round trip
/// per table and batch instead of one per row (PostgreSQL ran at 445 rows/s one statement at a time). Any other
/// statement first flushes the inserts before it, and groups flush in the order they began, so every row is written
/// before anything that follows it in the plan reads or references it.
enum CoalescedWrites {
    /// PostgreSQL takes at most 65,535 parameters, SQLite 32,766.
    static let maxArguments = 30_000

    struct Shape: Hashable, Equatable {
        let head: String
        let group: String
        let tail: String
    }

    static func of(_ writes: [ImportPlanner.Write]) -> [ImportPlanner.Write] {
        var shapes: [String: Shape?] = [:]
        return of(writes, shapes: &shapes)
    }

    /// The same, with each statement's shape looked up in `shapes` (an import's planners write a few dozen distinct
    /// statements; reading each one's shape again for every row was a tenth of the write thread).
    static func of(_ writes: [ImportPlanner.Write], shapes: inout [String: Shape?]) -> [ImportPlanner.Write] {
        var result: [ImportPlanner.Write] = []
        var order: [Shape] = [], pending: [Shape: [SQLValue]] = [:]
        func flush() {
            // New firms first: every other insert of the segment may reference one (a register row linked to a listed
            // firm starts the facts group before a later row creates its firm), and a firm references none of them.
            let firmsFirst = order.filter { $0.head.hasPrefix("INSERT INTO enterprises ") } + order.filter { !$0.head.hasPrefix("INSERT INTO enterprises ") }
            for shape in firmsFirst {
                let arguments = pending[shape] ?? []
                let arity = max(1, shape.group.filter { $0 == "?" }.count)
                let perStatement = max(1, maxArguments / arity) * arity
                for start in stride(from: 0, to: arguments.count, by: perStatement) {
                    let chunk = Array(arguments[start..<min(start + perStatement, arguments.count)])
                    let rows = Array(repeating: shape.group, count: chunk.count / arity).joined(separator: ", ")
                    result.append(ImportPlanner.Write(shape.head + rows + shape.tail, chunk))
                }
            }
            (order, pending) = ([], [:])
        }
        for write in writes {
            let known: Shape?
            if let cached = shapes[write.sql] { known = cached } else {
                known = shape(of: write.sql)
                if shapes.count < 10_000 { shapes[write.sql] = known }
            }
            guard let shape = known else {
                flush()
                result.append(write)
                continue
            }
            if pending[shape] == nil { order.append(shape) }
            pending[shape, default: []] += write.arguments
        }
        flush()
        return result
    }

    /// `INSERT INTO t (…) VALUES (…), (…) tail` → its head, one row's group and tail; nil for anything else. The
    /// planners' SQL has no parentheses inside a row group.
    static func shape(of sql: String) -> Shape? {
        guard sql.hasPrefix("INSERT INTO "), !sql.contains("RETURNING"), let values = sql.range(of: "VALUES ("),
              values.lowerBound > sql.startIndex, sql[sql.index(before: values.lowerBound)].isWhitespace else { return nil }
        let head = String(sql[..<sql.index(before: values.upperBound)])
        var rest = sql[sql.index(before: values.upperBound)...]
        var group: Substring?
        while rest.hasPrefix("("), let close = rest.firstIndex(of: ")") {
            let current = rest[...close]
            if let group, group != current { return nil }
            group = current
            rest = rest[rest.index(after: close)...]
            if rest.hasPrefix(", (") { rest = rest.dropFirst(2) } else { break }
        }
        guard let group else { return nil }
        return Shape(head: head, group: String(group), tail: String(rest))
    }
}

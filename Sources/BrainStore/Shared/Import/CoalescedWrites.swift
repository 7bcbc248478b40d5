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

    /// How many rows one merged statement holds.
    enum Sizing {
        /// As many as the parameter limit allows: one round trip per table and batch (PostgreSQL, where a round trip
        /// costs more than parsing).
        case largest
        /// A power of two (a batch's rows as e.g. 512 + 256 + 32 + 8), at most `largest`: an import's statements come
        /// in a dozen lengths per table, so each is compiled once per import and reused (SQLite compiled every batch's
        /// one statement of ~17,000 placeholders afresh — parser and code generator were a sixth of the write thread).
        case powersOfTwo(upTo: Int)
    }

    /// What an import has learnt of its statements: each SQL text's shape (nil: not a single-row insert) and each
    /// merged statement's text by shape and row count. One per import, so nothing outlives it.
    struct Memo {
        let sizing: Sizing
        fileprivate var slots: [String: Int?] = [:]
        fileprivate var shapes: [Shape] = []
        fileprivate var arities: [Int] = []
        fileprivate var texts: [[Int: String]] = []
        /// Per shape: its rows go in key order (`inKeyOrder`).
        fileprivate var keyOrdered: [Bool] = []
        init(_ sizing: Sizing) { self.sizing = sizing }

        /// The index of `sql`'s shape, learnt on first sight.
        fileprivate mutating func slot(_ sql: String) -> Int? {
            if let known = slots[sql] { return known }
            var slot: Int?
            if let shape = shape(of: sql) {
                if let existing = shapes.firstIndex(of: shape) { slot = existing } else {
                    slot = shapes.count
                    (shapes, arities, texts) = (shapes + [shape], arities + [max(1, shape.group.filter { $0 == "?" }.count)], texts + [[:]])
                    keyOrdered.append(Self.keyOrders(shape, sizing))
                }
            }
            // The planners write a few dozen distinct texts (a name's gram insert: one per gram count).
            if slots.count < 10_000 { slots[sql] = .some(slot) }
            return slot
        }

        fileprivate mutating func text(_ slot: Int, rows: Int) -> String {
            if let known = texts[slot][rows] { return known }
            let shape = shapes[slot]
            let text = shape.head + Array(repeating: shape.group, count: rows).joined(separator: ", ") + shape.tail
            // Power-of-two lengths are few and reused; the largest sizing's lengths vary batch to batch.
            if case .powersOfTwo = sizing { texts[slot][rows] = text }
            return text
        }
    }

    static func of(_ writes: [ImportPlanner.Write]) -> [ImportPlanner.Write] {
        var memo = Memo(.largest)
        return of(writes, memo: &memo)
    }

    static func of(_ writes: [ImportPlanner.Write], memo: inout Memo) -> [ImportPlanner.Write] {
        var result: [ImportPlanner.Write] = []
        var order: [Int] = [], pending: [Int: [SQLValue]] = [:]
        func flush() {
            // New firms first: every other insert of the segment may reference one (a register row linked to a listed
            // firm starts the facts group before a later row creates its firm), and a firm references none of them.
            let firms = order.filter { memo.shapes[$0].head.hasPrefix("INSERT INTO enterprises ") }
            for slot in firms + order.filter({ !firms.contains($0) }) {
                let arity = memo.arities[slot]
                let arguments = memo.keyOrdered[slot] ? inKeyOrder(pending[slot] ?? [], arity: arity) : pending[slot] ?? []
                result += statements(arguments, slot: slot, memo: &memo)
            }
            (order, pending) = ([], [:])
        }
        for write in writes {
            guard let slot = memo.slot(write.sql) else {
                flush()
                result.append(write)
                continue
            }
            if pending[slot] == nil { order.append(slot) }
            pending[slot, default: []] += write.arguments
        }
        flush()
        return result
    }

    /// Single-row inserts whose rows are already in the order they must go (`HeldGramWrites`' grams, in key order):
    /// cut into the memo's statements as `of` would, without merging them with other writes or sorting them again.
    static func presorted(_ writes: [ImportPlanner.Write], memo: inout Memo) -> [ImportPlanner.Write] {
        writes.flatMap { write in
            guard let slot = memo.slot(write.sql) else { return [write] }
            return statements(write.arguments, slot: slot, memo: &memo)
        }
    }

    /// The statements of `slot` that write `arguments`, rows in order.
    private static func statements(_ arguments: [SQLValue], slot: Int, memo: inout Memo) -> [ImportPlanner.Write] {
        let arity = memo.arities[slot]
        var result: [ImportPlanner.Write] = [], start = 0
        for rows in rowCounts(arguments.count / arity, arity: arity, sizing: memo.sizing) {
            let end = start + rows * arity
            result.append(ImportPlanner.Write(memo.text(slot, rows: rows), Array(arguments[start..<end])))
            start = end
        }
        // Never drops a value: values that fill no whole row fail at binding, naming the statement.
        if start < arguments.count { result.append(ImportPlanner.Write(memo.text(slot, rows: 1), Array(arguments[start...]))) }
        return result
    }

    /// The row counts of the statements that write `rows` rows of `arity` values, in order.
    static func rowCounts(_ rows: Int, arity: Int, sizing: Sizing) -> [Int] {
        let most = max(1, maxArguments / arity)
        switch sizing {
        case .largest:
            return stride(from: 0, to: rows, by: most).map { min(most, rows - $0) }
        case .powersOfTwo(let upTo):
            let limit = max(1, min(most, upTo))
            let cap = 1 << (Int.bitWidth - 1 - limit.leadingZeroBitCount)
            var counts = Array(repeating: cap, count: rows / cap)
            var bit = cap >> 1
            while bit > 0 {
                if rows & bit != 0 { counts.append(bit) }
                bit >>= 1
            }
            return counts
        }
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

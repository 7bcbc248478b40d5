extension CoalescedWrites.Memo {
    /// SQLite's name grams go in the order of their table's key: a batch's ~18,000 gram rows then land in
    /// neighbouring pages one after another, not a page each all over the index (30,000 firms' 551,433 grams replayed
    /// in batches of 1,000: 0.80 → 0.63 s). PostgreSQL's statements keep the planner's order.
    static func keyOrders(_ shape: CoalescedWrites.Shape, _ sizing: CoalescedWrites.Sizing) -> Bool {
        guard case .powersOfTwo = sizing else { return false }
        return shape.head.hasPrefix("INSERT INTO name_bigrams (gram, rank")
    }
}

extension CoalescedWrites {
    /// Rows of `arity` values that start with a gram and a rank, sorted by gram (its first two scalars, which is the
    /// order of their UTF-8 bytes, as SQLite compares them), then rank. `name_bigrams` has no rowid and each rank is
    /// one firm's, so the order changes nothing stored. Anything else is returned as it came.
    static func inKeyOrder(_ values: [SQLValue], arity: Int) -> [SQLValue] {
        let rows = values.count / max(arity, 2)
        guard rows > 1, values.count == rows * arity else { return values }
        var keys: [(gram: UInt64, rank: Int, row: Int)] = []
        keys.reserveCapacity(rows)
        for row in 0..<rows {
            guard case .text(let gram?) = values[row * arity], case .int(let rank?) = values[row * arity + 1] else { return values }
            var scalars = gram.unicodeScalars.makeIterator()
            let first = UInt64(scalars.next()?.value ?? 0), second = UInt64(scalars.next()?.value ?? 0)
            keys.append((first << 21 | second, rank, row))
        }
        keys.sort { ($0.gram, $0.rank) < ($1.gram, $1.rank) }
        var sorted: [SQLValue] = []
        sorted.reserveCapacity(values.count)
        for key in keys { sorted.append(contentsOf: values[key.row * arity ..< (key.row + 1) * arity]) }
        return sorted
    }
}

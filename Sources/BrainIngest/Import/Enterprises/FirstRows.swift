/// The first row on which each 统一社会信用代码 and each folded name of a file was seen, to name it when a later row
/// repeats it. Every code and name of the file is kept, so this is the one part of the check that grows with the
/// file: kept compact — codes packed into two words, names as bytes in one arena — instead of a `String` and a
/// dictionary entry per key (≈ 250 bytes a row before, ≈ 100 now, most of it the names' own UTF-8).
struct FirstRows {
    private var codes = CodeFirstRows()
    private var names = NameFirstRows()
    /// Codes that do not pack (none after validation, which keeps only the alphabet's 18 characters): kept as before.
    private var otherCodes: [String: Int] = [:]

    /// The first row of `code` if it was seen before; otherwise nil, and `row` is recorded as its first.
    mutating func code(_ code: String, row: Int) -> Int? {
        guard let packed = PackedUSCC(code) else {
            if let first = otherCodes[code] { return first }
            otherCodes[code] = row
            return nil
        }
        return codes.first(packed, row: row)
    }

    /// The first row of `name` (compared as `String`s compare, so canonically equivalent names are one) if seen.
    mutating func name(_ name: String, row: Int) -> Int? {
        names.first(name, row: row)
    }
}

/// A 统一社会信用代码 of 18 characters of its 31-letter alphabet, 5 bits each: nine characters in the low 45 bits of
/// each word. The 19 bits above them in each word hold a row number plus one (38 bits; 0 marks an empty slot).
struct PackedUSCC: Equatable {
    var high: UInt64, low: UInt64
    static let codeBits: UInt64 = 1 << 45 - 1, rowLimit = 1 << 38

    init?(_ code: String) {
        var high: UInt64 = 0, low: UInt64 = 0, count = 0
        for byte in code.utf8 {
            guard count < 18, byte < 128, case let value = USCC.byteValues[Int(byte)], value >= 0 else { return nil }
            if count < 9 { high = high << 5 | UInt64(value) } else { low = low << 5 | UInt64(value) }
            count += 1
        }
        guard count == 18 else { return nil }
        (self.high, self.low) = (high, low)
    }

    init(high: UInt64, low: UInt64) { (self.high, self.low) = (high, low) }

    static let empty = PackedUSCC(high: 0, low: 0)

    var isEmpty: Bool { high >> 45 == 0 && low >> 45 == 0 }
    var row: Int { (Int(high >> 45) << 19 | Int(low >> 45)) - 1 }
    func sameCode(_ other: PackedUSCC) -> Bool {
        (high ^ other.high) & Self.codeBits == 0 && (low ^ other.low) & Self.codeBits == 0
    }
    /// The code with `row` (0 ..< 2^38 - 1: a file that long would hold over 256 GB) in the spare bits.
    func with(row: Int) -> PackedUSCC {
        precondition(row >= 0 && row < Self.rowLimit - 1, "row \(row) does not fit a packed first row")
        let stored = row + 1
        return PackedUSCC(high: high & Self.codeBits | UInt64(stored >> 19) << 45, low: low & Self.codeBits | UInt64(stored & (1 << 19 - 1)) << 45)
    }
    /// Seeded per process (as `Dictionary` is), so a file cannot be made to collide on purpose.
    var hash: Int {
        var hasher = Hasher()
        hasher.combine(high & Self.codeBits)
        hasher.combine(low & Self.codeBits)
        return hasher.finalize()
    }
}

/// Open addressing with linear probing over 16-byte slots, at most three quarters full.
struct CodeFirstRows {
    private var slots = [PackedUSCC](repeating: .empty, count: 1 << 10)
    private(set) var count = 0

    mutating func first(_ code: PackedUSCC, row: Int) -> Int? {
        if (count + 1) * 4 > slots.count * 3 { grow() }
        let mask = slots.count - 1
        var i = code.hash & mask
        while true {
            let slot = slots[i]
            if slot.isEmpty { slots[i] = code.with(row: row); count += 1; return nil }
            if slot.sameCode(code) { return slot.row }
            i = (i + 1) & mask
        }
    }

    private mutating func grow() {
        let old = slots
        slots = [PackedUSCC](repeating: .empty, count: old.count * 2)
        let mask = slots.count - 1
        for slot in old where !slot.isEmpty {
            var i = slot.hash & mask
            while !slots[i].isEmpty { i = (i + 1) & mask }
            slots[i] = slot
        }
    }
}

/// Names as UTF-8 in one growing byte array, each after a 16-byte header (its first row, its hash, its length), and an
/// open-addressing table of 8-byte slots: the header's offset + 1 (40 bits, 0 marks an empty slot) above 24 bits of the
/// hash. Hashing and equality are `String`'s own (canonical equivalence, as the dictionary this replaces); the bytes
/// are compared, as a `String`, only when those 24 bits agree.
struct NameFirstRows {
    private var arena: [UInt8] = []
    private var slots = [UInt64](repeating: 0, count: 1 << 10)
    private(set) var count = 0
    static let tagBits: UInt64 = 1 << 24 - 1

    mutating func first(_ name: String, row: Int) -> Int? {
        if (count + 1) * 4 > slots.count * 3 { grow() }
        let hash = UInt32(truncatingIfNeeded: name.hashValue), tag = UInt64(hash >> 8), mask = slots.count - 1
        var i = Int(hash) & mask
        while true {
            let slot = slots[i]
            if slot == 0 {
                slots[i] = UInt64(arena.count + 1) << 24 | tag
                let length = name.utf8.count
                precondition(arena.count + 16 + length < 1 << 40, "names beyond a terabyte")
                withUnsafeBytes(of: Int64(row).littleEndian) { arena.append(contentsOf: $0) }
                withUnsafeBytes(of: (hash.littleEndian, UInt32(length).littleEndian)) { arena.append(contentsOf: $0) }
                arena.append(contentsOf: name.utf8)
                count += 1
                return nil
            }
            if slot & Self.tagBits == tag {
                let (first, _, bytes) = record(at: Int(slot >> 24) - 1)
                if bytes == name { return first }
            }
            i = (i + 1) & mask
        }
    }

    /// The first row, hash and name of the record at `offset`.
    private func record(at offset: Int) -> (row: Int, hash: UInt32, name: String) {
        arena.withUnsafeBufferPointer { bytes in
            let raw = UnsafeRawBufferPointer(bytes)
            let row = Int(Int64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: Int64.self)))
            let hash = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self))
            let length = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
            return (row, hash, String(decoding: UnsafeBufferPointer(rebasing: bytes[offset + 16 ..< offset + 16 + length]), as: UTF8.self))
        }
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        let mask = slots.count - 1
        for slot in old where slot != 0 {
            let hash = arena.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: Int(slot >> 24) - 1 + 8, as: UInt32.self) }
            var i = Int(UInt32(littleEndian: hash)) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = slot
        }
    }
}

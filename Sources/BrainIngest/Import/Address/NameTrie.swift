/// Every place name the resolver reads, in one trie over Unicode scalars. A lookup walks the address once from a
/// position and meets each name that starts there, instead of building a string for every possible length: the
/// import and `brain normalize address` read hundreds of thousands of addresses.
struct NameTrie: Sendable {
    private var edges = EdgeTable()
    /// Per node: the id of the name that ends there, or -1.
    private var terminal: [Int32] = [-1]
    private(set) var names: [String] = []
    private var ids: [String: Int] = [:]

    /// The name's id (the same id for the same name, however often inserted).
    @discardableResult mutating func insert(_ name: String) -> Int {
        if let id = ids[name] { return id }
        var node: Int32 = 0
        for scalar in name.unicodeScalars {
            let key = Self.key(node, scalar)
            if let next = edges.value(for: key) { node = next; continue }
            let next = Int32(terminal.count)
            terminal.append(-1)
            edges.insert(key, next)
            node = next
        }
        let id = names.count
        names.append(name)
        ids[name] = id
        terminal[Int(node)] = Int32(id)
        return id
    }

    func id(of name: String) -> Int? { ids[name] }

    var count: Int { names.count }

    /// The longest name starting at `position` (two characters or more) for which `lookup` has a value.
    func longest<Value>(in text: [Unicode.Scalar], at position: Int, where lookup: (Int) -> Value?) -> (length: Int, id: Int, value: Value)? {
        var node: Int32 = 0, best: (length: Int, id: Int, value: Value)?
        var i = position
        while i < text.count, let next = edges.value(for: Self.key(node, text[i])) {
            node = next
            i += 1
            let id = terminal[Int(node)]
            if id >= 0, i - position >= 2, let value = lookup(Int(id)) { best = (i - position, Int(id), value) }
        }
        return best
    }

    /// Whether any name of two characters or more for which `accept` holds starts at `position`.
    func any(in text: [Unicode.Scalar], at position: Int, where accept: (Int) -> Bool) -> Bool {
        longest(in: text, at: position) { accept($0) ? true : nil } != nil
    }

    private static func key(_ node: Int32, _ scalar: Unicode.Scalar) -> UInt64 { UInt64(UInt32(bitPattern: node)) << 32 | UInt64(scalar.value) }
}

/// Values per name id, filled while the resolver's tables are built.
struct NameTable<Value: Sendable>: Sendable {
    private var values: [Value?] = []

    subscript(id: Int) -> Value? {
        get { id < values.count ? values[id] : nil }
        set {
            if id >= values.count { values.append(contentsOf: repeatElement(nil, count: id - values.count + 1)) }
            values[id] = newValue
        }
    }
}

/// The trie's edges, (node, scalar) → node, in one open-addressing table with a multiplicative hash: the lookup in the
/// hot loop of every address, several times cheaper than `Dictionary`'s seeded SipHash.
struct EdgeTable: Sendable {
    private var keys: [UInt64] = Array(repeating: .max, count: 1 << 12)
    private var values: [Int32] = Array(repeating: -1, count: 1 << 12)
    private var count = 0
    private var mask: Int { keys.count - 1 }

    @inline(__always) private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    @inline(__always) func value(for key: UInt64) -> Int32? {
        var i = Self.slot(key, mask)
        return keys.withUnsafeBufferPointer { keys in
            while true {
                let found = keys[i]
                if found == key { return values[i] }
                if found == .max { return nil }
                i = (i + 1) & mask
            }
        }
    }

    mutating func insert(_ key: UInt64, _ value: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        var i = Self.slot(key, mask)
        while keys[i] != .max && keys[i] != key { i = (i + 1) & mask }
        if keys[i] == .max { count += 1 }
        keys[i] = key
        values[i] = value
    }

    private mutating func grow() {
        let old = zip(keys, values).filter { $0.0 != .max }
        keys = Array(repeating: .max, count: keys.count * 2)
        values = Array(repeating: -1, count: keys.count)
        count = 0
        for (key, value) in old { insert(key, value) }
    }
}

/// The distinct n-character substrings of a name, lower-cased: the keys of the name indexes that answer two-character
/// (both backends) and three-character (PostgreSQL) searches from an index range in rank order.
enum NameBigrams {
    static func of(_ name: String, length: Int = 2) -> Set<String> {
        guard let scalars = singleScalarCharacters(name) else { return byCharacters(name, length: length) }
        guard scalars.count >= length else { return [] }
        return Set((0...(scalars.count - length)).map { String(String.UnicodeScalarView(scalars[$0..<$0 + length])).lowercased() })
    }

    /// The reference: grams of grapheme clusters (Swift characters).
    static func byCharacters(_ name: String, length: Int) -> Set<String> {
        let characters = Array(name)
        guard characters.count >= length else { return [] }
        return Set((0...(characters.count - length)).map { String(characters[$0..<$0 + length]).lowercased() })
    }

    /// The name's scalars when each is a character on its own — printable ASCII, CJK ideographs and punctuation,
    /// full-width forms: scalars that never join a neighbour into one grapheme cluster, so their grams are the same
    /// as by characters without the cost of finding cluster boundaries. Nil for anything else (combining marks,
    /// joiners, emoji, line breaks…).
    static func singleScalarCharacters(_ name: String) -> [Unicode.Scalar]? {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(name.utf8.count)
        for scalar in name.unicodeScalars {
            guard isSingleScalarCharacter(scalar.value) else { return nil }
            scalars.append(scalar)
        }
        return scalars
    }

    private static func isSingleScalarCharacter(_ value: UInt32) -> Bool {
        switch value {
        case 0x20...0x7E, 0x3000...0x3029, 0x3030...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF5E: true
        default: false
        }
    }

    /// The grams a firm's names lose and gain when `old` names become `new` ones, each list in the order the grams'
    /// strings sort (the order the import writes them, so rowids stay as they were).
    static func changes(from old: [String], to new: [String], length: Int) -> (removed: [String], added: [String]) {
        if let before = sortedKeys(old, length: length), let after = sortedKeys(new, length: length) {
            return (difference(before, after).compactMap { gram($0, length: length) },
                    difference(after, before).compactMap { gram($0, length: length) })
        }
        let before = old.reduce(into: Set<String>()) { $0.formUnion(of($1, length: length)) }
        let after = new.reduce(into: Set<String>()) { $0.formUnion(of($1, length: length)) }
        return (before.subtracting(after).sorted(), after.subtracting(before).sorted())
    }

    /// The distinct grams of names of single-scalar characters as sorted numbers: each gram's lower-cased scalars,
    /// 21 bits each, the first highest — so they sort as the grams' strings do (Swift compares strings by scalar
    /// values, and these scalars are their own normal form), found without building a string or a set per gram
    /// (sets and sorting strings were 5 % of the import's write thread). Nil for names of other characters and grams
    /// longer than three.
    static func sortedKeys(_ names: [String], length: Int) -> [UInt64]? {
        guard (1...3).contains(length) else { return nil }
        let mask: UInt64 = (1 << (21 * UInt64(length))) - 1
        var keys: [UInt64] = []
        for name in names {
            var window: UInt64 = 0, count = 0
            for scalar in name.unicodeScalars {
                guard isSingleScalarCharacter(scalar.value) else { return nil }
                window = ((window << 21) | UInt64(lowercased(scalar.value))) & mask
                count += 1
                if count >= length { keys.append(window) }
            }
        }
        keys.sort()
        var distinct = 0
        for index in keys.indices where distinct == 0 || keys[distinct - 1] != keys[index] {
            keys[distinct] = keys[index]
            distinct += 1
        }
        keys.removeLast(keys.count - distinct)
        return keys
    }

    /// The lower case of a single-scalar character: only ASCII and full-width Latin capitals have one.
    private static func lowercased(_ value: UInt32) -> UInt32 {
        switch value {
        case 0x41...0x5A, 0xFF21...0xFF3A: value + 0x20
        default: value
        }
    }

    /// The gram a key of `sortedKeys` stands for.
    static func gram(_ key: UInt64, length: Int) -> String? {
        var scalars = String.UnicodeScalarView()
        for position in stride(from: length - 1, through: 0, by: -1) {
            guard let scalar = Unicode.Scalar(UInt32(truncatingIfNeeded: (key >> (21 * UInt64(position))) & 0x1F_FFFF)) else { return nil }
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// The keys of sorted `a` that are not in sorted `b`.
    static func difference(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        var result: [UInt64] = [], j = 0
        for key in a {
            while j < b.count && b[j] < key { j += 1 }
            if j == b.count || b[j] != key { result.append(key) }
        }
        return result
    }
}

import Foundation

/// The knowledge graph's product names interned to dense `Int32` ids, so the product links and the product graph work
/// on arrays indexed by id instead of dictionaries keyed by ~100,000 Chinese strings (issue 14: hashing those took
/// most of a region page's first view). Swift hashes a non-ASCII string through Unicode normalisation; this table
/// hashes a plain name's UTF-8 bytes instead and gives exactly the answers a `[String: …]` dictionary would:
/// names that are equal as `String`s (canonically equivalent) share an id, and no others do.
struct ProductNameTable: Sendable {
    /// Each id's name as first interned.
    private(set) var names: [String] = []
    /// Ids of plain names (`PlainText`), by their bytes; plain text is in NFC, so equal bytes is equal strings.
    private var plain: [PlainKey: Int32] = [:]
    /// Ids of the rare other names (a combining mark, a compatibility ideograph), by `String` equality.
    private var other: [String: Int32] = [:]

    var count: Int { names.count }

    init(capacity: Int = 0) {
        names.reserveCapacity(capacity)
        plain.reserveCapacity(capacity)
    }

    /// The id of `name`, made the next one when the table does not have it yet.
    mutating func intern(_ name: String) -> Int32 {
        let key = Self.key(name)
        switch key {
        case .plain(let bytes):
            if let id = plain[bytes] { return id }
            let id = Int32(names.count)
            plain[bytes] = id
            names.append(name)
            return id
        case .other(let string):
            if let id = other[string] { return id }
            let id = Int32(names.count)
            other[string] = id
            names.append(name)
            return id
        }
    }

    /// The id of `name`, if interned.
    func id(of name: String) -> Int32? {
        switch Self.key(name) {
        case .plain(let bytes): plain[bytes]
        case .other(let string): other[string]
        }
    }

    private enum Key { case plain(PlainKey), other(String) }

    /// A name that is not plain is looked up by its NFC form when that is plain (Å written as A + ring is Å), so it
    /// meets a plain name it equals; otherwise as a `String`.
    private static func key(_ name: String) -> Key {
        if PlainText.isPlain(name) { return .plain(PlainKey(name)) }
        let composed = name.precomposedStringWithCanonicalMapping
        if PlainText.isPlain(composed) { return .plain(PlainKey(composed)) }
        return .other(name)
    }
}

/// A plain name keyed by its UTF-8 bytes: hashed once when made, compared byte for byte.
struct PlainKey: Hashable, Sendable {
    let bytes: [UInt8]
    let hash: Int

    init(_ name: String) {
        bytes = Array(name.utf8)
        var hasher = Hasher()
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        hash = hasher.finalize()
    }

    static func == (a: PlainKey, b: PlainKey) -> Bool { a.hash == b.hash && a.bytes == b.bytes }
    func hash(into hasher: inout Hasher) { hasher.combine(hash) }
}

/// Text in which equal bytes means equal strings and every scalar boundary is a character boundary: every scalar is
/// a starter (canonical combining class 0) that is in NFC by itself and never composes with a neighbour, and none
/// extends a grapheme (no ZWJ, no variation selector, no combining mark). Such text is its own NFC, so two plain
/// strings are equal as `String`s exactly when their UTF-8 bytes are, and a plain word occurs in a plain name as a
/// `String` exactly when its bytes occur in the name's bytes. The ranges cover Chinese product names with their
/// Latin, Greek, Cyrillic, punctuation, maths and full-width characters; anything else takes the `String` path.
enum PlainText {
    static func isPlain(_ text: String) -> Bool {
        for scalar in text.unicodeScalars where !isPlain(scalar.value) { return false }
        return true
    }

    static func isPlain(_ v: UInt32) -> Bool {
        if v < 0x80 { return true }
        switch v {
        case 0x00A0...0x024F,  // Latin-1 supplement, Latin extended A and B (precomposed letters)
             0x0391...0x03A1, 0x03A3...0x03A9, 0x03B1...0x03C9,  // Greek letters without tonos
             0x0400...0x0482, 0x048A...0x04FF,  // Cyrillic without its combining marks
             0x2010...0x2027, 0x2030...0x205E,  // general punctuation without ZWJ/ZWNJ and direction marks
             0x2150...0x218B, 0x2190...0x2199, 0x2200...0x22FF, 0x2460...0x24FF, 0x2500...0x25FF,
             0x3000...0x3029, 0x3030...0x303F,  // CJK punctuation without its tone marks
             0x3041...0x3096, 0x309B...0x30FF,  // kana without the combining voicing marks
             0x3400...0x4DBF, 0x4E00...0x9FFF,  // CJK ideographs (not the compatibility ones)
             0xFE50...0xFE6B, 0xFF01...0xFF9D, 0xFFE0...0xFFEE:  // small and full-width forms
            return true
        default:
            return false
        }
    }
}

/// The common case of `USCC.validate` and `USCC.regionCode(of:)` — a cell holding exactly 18 characters of the
/// alphabet, nothing to fold — answered on the UTF-8 bytes, without building Characters, Sets and dictionary lookups
/// per character (a quarter of the check's validation time). Only ever says "valid"; anything else, and every problem,
/// goes the general way, so results and problems are those of the general code (tested against it).
extension USCC {
    /// Alphabet value of each ASCII byte, -1 outside the alphabet (lower case included: those need folding).
    static let byteValues: [Int8] = (0..<128).map { byte in
        Int8(alphabet.firstIndex(of: Character(Unicode.Scalar(UInt8(byte)))) ?? -1)
    }
    /// `categories` by the bytes of the authority and the kind of body.
    static let categoryBytes: [UInt8: Set<UInt8>] = Dictionary(uniqueKeysWithValues: categories.map { authority, kinds in
        (authority.asciiValue ?? 0, Set(kinds.compactMap(\.asciiValue)))
    })
    static let provinceNumbers: Set<Int> = Set(provinces.compactMap { Int($0) })

    /// True when `validate(raw)` is `.success(raw)` by every rule of `validate` and `structureProblem`.
    static func isPlainValid(_ raw: String) -> Bool {
        guard raw.utf8.count == 18 else { return false }
        return raw.utf8.withContiguousStorageIfAvailable(isPlainValid(bytes:)) ?? Array(raw.utf8).withUnsafeBufferPointer(isPlainValid(bytes:))
    }

    private static func isPlainValid(bytes c: UnsafeBufferPointer<UInt8>) -> Bool {
        var values = (0..<18).map { _ in 0 }, sum = 0
        for i in 0..<18 {
            guard c[i] < 128, case let value = Int(byteValues[Int(c[i])]), value >= 0 else { return false }
            values[i] = value
            if i < 17 { sum += value * weights[i] }
        }
        if c.allSatisfy({ $0 == c[0] }) { return false }
        if values[..<17].allSatisfy({ $0 < 10 }) {
            let steps = Set((1..<17).map { (values[$0] - values[$0 - 1] + 10) % 10 })
            if steps == [1] || steps == [9] { return false }
        }
        guard categoryBytes[c[0]]?.contains(c[1]) == true else { return false }
        guard values[2..<8].allSatisfy({ $0 < 10 }) else { return false }
        let region = values[2..<8].reduce(0) { $0 * 10 + $1 }
        guard provinceNumbers.contains(region / 10_000) || region == 0 || region == 100_000 else { return false }
        if c[8..<16].allSatisfy({ $0 == c[8] }) { return false }
        return values[17] == (31 - sum % 31) % 31
    }

    /// `regionCode(of:)` for a code of 18 printable ASCII characters (one Character per byte); nil: ask the general way.
    static func plainRegionCode(_ code: String) -> String?? {
        let utf8 = code.utf8
        guard utf8.count == 18, utf8.allSatisfy({ (0x20...0x7E).contains($0) }) else { return nil }
        let region = utf8.dropFirst(2).prefix(6)
        return .some(region.allSatisfy { (0x30...0x39).contains($0) } ? String(decoding: region, as: UTF8.self) : nil)
    }
}

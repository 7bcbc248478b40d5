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
            switch scalar.value {
            case 0x20...0x7E, 0x3000...0x3029, 0x3030...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF5E: scalars.append(scalar)
            default: return nil
            }
        }
        return scalars
    }
}

/// The distinct n-character substrings of a name, lower-cased: the keys of the name indexes that answer two-character
/// (both backends) and three-character (PostgreSQL) searches from an index range in rank order.
enum NameBigrams {
    static func of(_ name: String, length: Int = 2) -> Set<String> {
        let characters = Array(name)
        guard characters.count >= length else { return [] }
        return Set((0...(characters.count - length)).map { String(characters[$0..<$0 + length]).lowercased() })
    }
}

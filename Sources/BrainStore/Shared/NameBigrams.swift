/// The distinct two-character substrings of a name, for two-character Chinese search.
enum NameBigrams {
    static func of(_ name: String) -> Set<String> {
        let characters = Array(name)
        guard characters.count >= 2 else { return [] }
        return Set((0..<(characters.count - 1)).map { String(characters[$0...$0 + 1]).lowercased() })
    }
}

import BrainModel
/// 统一社会信用代码 (unified social credit code) per GB 32100-2015: 18 characters from a 31-character alphabet
/// (digits and capitals without I, O, Z, S, V); positions 3–8 are the registering region's code; the 18th is a
/// check character over the first 17 (weights 3^(i-1) mod 31).
public enum USCC {
    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let values: [Character: Int] = Dictionary(uniqueKeysWithValues: alphabet.enumerated().map { ($1, $0) })
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    public enum Problem: Error, Equatable, CustomStringConvertible {
        case length(Int)
        case character(Character, position: Int)
        case checkCharacter(expected: Character, found: Character)

        public var description: String {
            switch self {
            case .length(let n): "a 统一社会信用代码 has 18 characters, not \(n)"
            case .character(let c, let position): "character \(position) '\(c)' is not allowed (digits and capitals except I, O, Z, S, V)"
            case .checkCharacter(let expected, let found): "check character is \(found), expected \(expected) (GB 32100-2015)"
            }
        }
    }

    /// The code in canonical form (trimmed, full-width folded, upper case) if it is valid.
    public static func validate(_ raw: String) -> Result<String, Problem> {
        let code = String(TextNormalizer.halfWidth(raw).filter { !$0.isWhitespace }.uppercased())
        let characters = Array(code)
        guard characters.count == 18 else { return .failure(.length(characters.count)) }
        for (i, character) in characters.enumerated() where values[character] == nil {
            return .failure(.character(character, position: i + 1))
        }
        let expected = checkCharacter(characters[..<17])
        guard characters[17] == expected else { return .failure(.checkCharacter(expected: expected, found: characters[17])) }
        return .success(code)
    }

    /// The 18th character for the first 17 (all from the alphabet).
    public static func checkCharacter(_ first17: some Collection<Character>) -> Character {
        let sum = zip(first17, weights).reduce(0) { $0 + (values[$1.0] ?? 0) * $1.1 }
        return alphabet[(31 - sum % 31) % 31]
    }

    /// The six-digit region code of registration (positions 3–8), a hint for locating firms without an address.
    public static func regionCode(of code: String) -> String? {
        let characters = Array(code)
        guard characters.count == 18 else { return nil }
        let region = String(characters[2..<8])
        return region.allSatisfy(\.isASCII) && region.allSatisfy(\.isNumber) ? region : nil
    }
}

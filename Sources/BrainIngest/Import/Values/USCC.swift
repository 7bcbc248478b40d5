import BrainModel
/// 统一社会信用代码 (unified social credit code) per GB 32100-2015: 18 characters from a 31-character alphabet
/// (digits and capitals without I, O, Z, S, V); positions 3–8 are the registering region's code; the 18th is a
/// check character over the first 17 (weights 3^(i-1) mod 31).
///
/// A code that passes the check character can still be a placeholder (18 zeros pass it): those merge unrelated firms
/// on import, so the structure is checked too — the registration authority (1st character) and the kind of body it
/// registers (2nd) from the standard's table, a region code whose first two digits are a province (or 000000/100000
/// for bodies registered centrally), and no code made of one repeated character, a run like 123456789…, or an
/// organisation body (characters 9–16) of one repeated character.
public enum USCC {
    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let values: [Character: Int] = Dictionary(uniqueKeysWithValues: alphabet.enumerated().map { ($1, $0) })
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    public enum Problem: Error, Equatable, CustomStringConvertible {
        case length(Int)
        case character(Character, position: Int)
        case checkCharacter(expected: Character, found: Character)
        case authority(Character)
        case category(Character, authority: Character)
        case region(String)
        case placeholder(String)

        /// The problem as a catalogue reason (ReasonCatalogue+Import), worded per language where it is shown.
        public var reason: Reason {
            switch self {
            case .length(let n): Reason("import.uscc-length", ["length": "\(n)"])
            case .character(let c, let position): Reason("import.uscc-character", ["position": "\(position)", "character": String(c)])
            case .checkCharacter(let expected, let found): Reason("import.check-digit", ["found": String(found), "expected": String(expected)])
            case .authority(let c): Reason("import.uscc-authority", ["character": String(c)])
            case .category(let c, let authority): Reason("import.uscc-category", ["character": String(c), "authority": String(authority)])
            case .region(let code): Reason("import.uscc-region", ["code": code])
            case .placeholder(let why): Reason("import.uscc-placeholder", ["why": USCC.placeholderZh[why] ?? why, "why.en": why])
            }
        }

        public var description: String {
            switch self {
            case .length(let n): "a 统一社会信用代码 has 18 characters, not \(n)"
            case .character(let c, let position): "character \(position) '\(c)' is not allowed (digits and capitals except I, O, Z, S, V)"
            case .checkCharacter(let expected, let found): "check character is \(found), expected \(expected) (GB 32100-2015)"
            case .authority(let c): "character 1 '\(c)' is not a registration authority of GB 32100-2015 (1–9, A, N or Y)"
            case .category(let c, let authority): "character 2 '\(c)' is not a kind of body registered by authority '\(authority)' (GB 32100-2015)"
            case .region(let code): "characters 3–8 '\(code)' are not a region code (a province's two digits, then four digits)"
            case .placeholder(let why): "a placeholder, not a real 统一社会信用代码 (\(why)); leave the cell empty if the code is unknown"
            }
        }
    }

    /// The code in canonical form (trimmed, full-width folded, upper case) if it is valid.
    public static func validate(_ raw: String) -> Result<String, Problem> {
        isPlainValid(raw) ? .success(raw) : validateInGeneral(raw)
    }

    /// `validate` for any cell: folded, then judged character by character.
    static func validateInGeneral(_ raw: String) -> Result<String, Problem> {
        let code = String(TextNormalizer.halfWidth(raw).filter { !$0.isWhitespace }.uppercased())
        let characters = Array(code)
        guard characters.count == 18 else { return .failure(.length(characters.count)) }
        for (i, character) in characters.enumerated() where values[character] == nil {
            return .failure(.character(character, position: i + 1))
        }
        if let problem = structureProblem(characters) { return .failure(problem) }
        let expected = checkCharacter(characters[..<17])
        guard characters[17] == expected else { return .failure(.checkCharacter(expected: expected, found: characters[17])) }
        return .success(code)
    }

    /// Registration authority → the kinds of body it registers (GB 32100-2015 table 1, with the 2018 additions A and N).
    static let categories: [Character: Set<Character>] = [
        "1": ["1", "2", "3", "9"], "2": ["1", "9"], "3": ["1", "2", "3", "4", "5", "9"], "4": ["1", "9"],
        "5": ["1", "2", "3", "9"], "6": ["1", "2", "9"], "7": ["1", "2", "9"], "8": ["1", "9"], "9": ["1", "2", "3"],
        "A": ["1", "9"], "N": ["1", "2", "3", "9"], "Y": ["1"],
    ]
    /// GB/T 2260 province codes (first two digits of a region code), with Taiwan, Hong Kong and Macao.
    static let provinces: Set<String> = [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43", "44",
        "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82",
    ]

    /// The placeholder explanations below, in Chinese.
    static let placeholderZh = [
        "one character repeated": "同一字符重复",
        "a run of consecutive digits": "连续数字",
        "characters 9–16, the organisation code, are one character repeated": "第 9–16 位组织机构代码为同一字符重复",
    ]

    /// What makes a code with valid characters impossible or a placeholder, before its check character is judged.
    static func structureProblem(_ c: [Character]) -> Problem? {
        if Set(c).count == 1 { return .placeholder("one character repeated") }
        let digits = c[..<17].compactMap(\.wholeNumberValue)
        if digits.count == 17 {
            let steps = Set(zip(digits, digits.dropFirst()).map { ($1 - $0 + 10) % 10 })
            if steps == [1] || steps == [9] { return .placeholder("a run of consecutive digits") }
        }
        guard let allowed = categories[c[0]] else { return .authority(c[0]) }
        guard allowed.contains(c[1]) else { return .category(c[1], authority: c[0]) }
        let region = String(c[2..<8])
        guard region.allSatisfy({ $0.isASCII && $0.isNumber }),
              provinces.contains(String(region.prefix(2))) || region == "000000" || region == "100000" else { return .region(region) }
        if Set(c[8..<16]).count == 1 { return .placeholder("characters 9–16, the organisation code, are one character repeated") }
        return nil
    }

    /// The 18th character for the first 17 (all from the alphabet).
    public static func checkCharacter(_ first17: some Collection<Character>) -> Character {
        let sum = zip(first17, weights).reduce(0) { $0 + (values[$1.0] ?? 0) * $1.1 }
        return alphabet[(31 - sum % 31) % 31]
    }

    /// The six-digit region code of registration (positions 3–8), a hint for locating firms without an address.
    public static func regionCode(of code: String) -> String? {
        plainRegionCode(code) ?? regionCodeInGeneral(code)
    }

    static func regionCodeInGeneral(_ code: String) -> String? {
        let characters = Array(code)
        guard characters.count == 18 else { return nil }
        let region = String(characters[2..<8])
        return region.allSatisfy(\.isASCII) && region.allSatisfy(\.isNumber) ? region : nil
    }
}

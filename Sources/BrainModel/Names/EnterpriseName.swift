/// One name a firm is known by — its registered name, stock short name, a former name, its official English name, or
/// the name an import gave it — with where that name comes from, and the folded key an exact lookup finds it by.
public struct EnterpriseName: Sendable, Codable, Hashable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case fullName = "full", shortName = "short", englishName = "english"
        case formerFullName = "former-full", formerShortName = "former-short", formerEnglishName = "former-english"
        /// A former short name with the firm's own place and legal form (三九医药 → 三九医药股份有限公司): the registered
        /// name it most likely had, derived, not stated by a source.
        case derivedFormerFullName = "derived-former-full"
        /// The name an import's row gave the firm (a firm the import created, or a listed firm a row was linked to).
        case imported

        /// A name the firm has had but goes by no longer: another firm's current name outranks it (short names are reused).
        public var isFormer: Bool { [.formerFullName, .formerShortName, .formerEnglishName, .derivedFormerFullName].contains(self) }
        public var isShort: Bool { self == .shortName || self == .formerShortName }
        public var isEnglish: Bool { self == .englishName || self == .formerEnglishName }

        /// How pages and reasons name the kind, in each language.
        public var label: (zh: String, en: String) {
            switch self {
            case .fullName: ("全称", "registered name")
            case .shortName: ("简称", "short name")
            case .englishName: ("英文名", "English name")
            case .formerFullName: ("曾用全称", "former registered name")
            case .formerShortName: ("曾用简称", "former short name")
            case .formerEnglishName: ("曾用英文名", "former English name")
            case .derivedFormerFullName: ("曾用全称（由曾用简称推得）", "former registered name (from a former short name)")
            case .imported: ("导入名称", "imported name")
            }
        }
    }

    public var enterpriseId: String
    /// As the source writes it.
    public var name: String
    public var kind: Kind
    /// `NameKey.of(name, kind)`: what a lookup compares.
    public var key: String
    /// The file or import it comes from (`companies/namechange.csv`, `import:3`), or the reviewed source's own words.
    public var source: String
    /// The date the source describes (or the date the name was taken, for former names where the source gives it).
    public var asOf: String

    public init(enterpriseId: String, name: String, kind: Kind, source: String, asOf: String) {
        self.enterpriseId = enterpriseId
        self.name = name
        self.kind = kind
        self.key = NameKey.of(name, kind: kind)
        self.source = source
        self.asOf = asOf
    }

    /// A stored row, key as stored.
    public init(enterpriseId: String, name: String, kind: Kind, key: String, source: String, asOf: String) {
        (self.enterpriseId, self.name, self.kind, self.key, self.source, self.asOf) = (enterpriseId, name, kind, key, source, asOf)
    }
}

/// The folded keys names are stored and looked up by. Chinese names fold as `CompanyName.normalized` (width, case,
/// brackets, spaces, quotes, invisible characters, annotations, traditional characters); short names also lose their
/// listing markers (ST, *ST, -U); English names fold as `BilingualName` does (legal-form spellings, punctuation, case)
/// and carry the prefix `en:`, which no folded Chinese name has (folding upper-cases Latin letters).
public enum NameKey {
    public static let englishPrefix = "en:"

    public static func of(_ name: String, kind: EnterpriseName.Kind) -> String {
        if kind.isEnglish { return BilingualName(name).english.map { englishPrefix + $0 } ?? "" }
        if kind.isShort { return NameAliases.shortKey(name) }
        let parts = BilingualName(name)
        // A name with no Chinese at all (an imported ABC Pharma Co., Ltd.) is found as an English name.
        if let chinese = parts.chinese { return chinese }
        return parts.english.map { englishPrefix + $0 } ?? CompanyName.normalized(name)
    }

    /// The keys of a name whose `CompanyName.normalized` form is known already (an import's row), without folding it
    /// again (folding is most of a name's cost): a name with no Latin letter whose normalised form holds a Chinese
    /// character has exactly one key, that form. Other names go the long way (`lookupKeys`).
    public static func keys(of name: String, normalized: String) -> [String] {
        if !name.unicodeScalars.contains(where: BilingualName.isLatinLetter), normalized.unicodeScalars.contains(where: BilingualName.isHan),
           !normalized.hasSuffix("(") {
            return [normalized]
        }
        let (chinese, english) = lookupKeys(name)
        return chinese + (english.map { [$0] } ?? [])
    }

    /// Every key a name as typed may be stored under: its Chinese half (as a registered or a short name) and its
    /// English half. Empty when nothing is left after folding.
    public static func lookupKeys(_ text: String) -> (chinese: [String], english: String?) {
        let parts = BilingualName(text)
        var chinese: [String] = []
        if let half = parts.chinese {
            chinese.append(half)
            let short = NameAliases.shortKey(half)
            if short != half, !short.isEmpty { chinese.append(short) }
        }
        return (chinese, parts.english.map { englishPrefix + $0 })
    }
}

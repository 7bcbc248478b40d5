/// The names known firms go by — registered (full) name, stock short name, former short names, official English
/// name — so that a name in any of these forms resolves to its firm. Lookups are exact after folding: no fuzzy match,
/// so one different character, another legal form or a branch never resolves to a known firm. A name shared by two
/// firms (a short name reused after a delisting) resolves to neither.
public struct NameAliases: Sendable {
    public enum Kind: String, Sendable, Codable {
        case fullName = "full name", shortName = "short name", formerShortName = "former short name", englishName = "English name"
        case formerFullName = "former full name", formerEnglishName = "former English name"
        var isFormer: Bool { self == .formerShortName || self == .formerFullName || self == .formerEnglishName }
        /// How a Chinese reason names the kind (`name.alias-same-firm`).
        public var chinese: String {
            switch self {
            case .fullName: "全称"
            case .shortName: "证券简称"
            case .formerShortName: "曾用简称"
            case .englishName: "英文名称"
            case .formerFullName: "曾用全称"
            case .formerEnglishName: "英文曾用名"
            }
        }
    }
    public struct Resolution: Sendable, Equatable {
        public var firm: String
        public var kind: Kind
    }

    private var byName: [String: Resolution] = [:]
    private var ambiguous: Set<String> = []
    /// Former short names → firm (ambiguous ones removed), for former full names.
    private var formerShort: [String: String] = [:]
    private var formerAmbiguous: Set<String> = []
    /// firm → the legal form of its full name, for former full names built from a former short name.
    private var legalForm: [String: String] = [:]
    /// Place names a registered name may start with (江苏, 北京, 连云港), longest first.
    private let places: [String]

    public init(places: [String] = []) {
        self.places = Set(places.filter { $0.count >= 2 }).sorted { ($0.count, $0) > ($1.count, $1) }
    }

    public static let legalForms = ["有限责任公司", "股份有限公司", "有限公司"]
    /// 科创板 and risk-warning markers on short names: 君实生物-U, ST康美, *ST…
    public static func shortKey(_ name: String) -> String {
        var key = CompanyName.normalized(name)
        for prefix in ["*ST", "ST"] where key.hasPrefix(prefix) { key.removeFirst(prefix.count) }
        for suffix in ["-UW", "-U", "-W"] where key.hasSuffix(suffix) { key.removeLast(suffix.count) }
        return key
    }

    public mutating func add(firm: String, fullName: String?, shortName: String?, formerShortNames: [String] = [], englishName: String? = nil,
                             formerFullNames: [String] = [], formerEnglishNames: [String] = []) {
        for former in formerFullNames { insert("F:" + CompanyName.normalized(former), Resolution(firm: firm, kind: .formerFullName)) }
        for former in formerEnglishNames {
            if let english = BilingualName(former).english { insert("E:" + english, Resolution(firm: firm, kind: .formerEnglishName)) }
        }
        if let fullName {
            let key = CompanyName.normalized(fullName)
            insert("F:" + key, Resolution(firm: firm, kind: .fullName))
            if let form = Self.legalForms.first(where: key.hasSuffix) { legalForm[firm] = form }
        }
        if let shortName { insert("S:" + Self.shortKey(shortName), Resolution(firm: firm, kind: .shortName)) }
        for former in formerShortNames {
            let key = Self.shortKey(former)
            insert("S:" + key, Resolution(firm: firm, kind: .formerShortName))
            guard key.count >= 2, !formerAmbiguous.contains(key) else { continue }
            if let existing = formerShort[key], existing != firm { formerShort[key] = nil; formerAmbiguous.insert(key) } else { formerShort[key] = firm }
        }
        if let englishName, let english = BilingualName(englishName).english {
            insert("E:" + english, Resolution(firm: firm, kind: .englishName))
        }
    }

    private mutating func insert(_ key: String, _ resolution: Resolution) {
        guard key.count > 2, !ambiguous.contains(key) else { return }
        if let existing = byName[key] {
            guard existing.firm != resolution.firm else { return }
            // A name a firm goes by now wins over one another firm had before (short names are reused).
            let existingIsFormer = existing.kind.isFormer, newIsFormer = resolution.kind.isFormer
            if existingIsFormer != newIsFormer {
                if existingIsFormer { byName[key] = resolution }
                return
            }
            byName[key] = nil; ambiguous.insert(key)
            return
        }
        byName[key] = resolution
    }

    /// The firm a name names, if exactly one known firm goes by it.
    public func resolve(_ name: String) -> Resolution? {
        let parts = BilingualName(name)
        if let chinese = parts.chinese {
            if let found = byName["F:" + chinese] { return found }
            if let found = byName["S:" + Self.shortKey(name)] { return found }
            if let found = formerFullName(chinese) { return found }
        }
        if let english = parts.english, let found = byName["E:" + english] { return found }
        return nil
    }

    /// 三九医药股份有限公司: a (place +) short name + the firm's own legal form, where the short name is one the firm has
    /// had. The legal form must be the firm's: 中国北京同仁堂（集团）有限责任公司 is not 北京同仁堂股份有限公司.
    private func formerFullName(_ folded: String) -> Resolution? {
        guard let form = Self.legalForms.first(where: folded.hasSuffix) else { return nil }
        var stem = String(folded.dropLast(form.count))
        var candidates = [stem]
        if let place = places.first(where: { stem.hasPrefix($0) && stem.count > $0.count + 1 }) {
            stem.removeFirst(place.count)
            candidates.append(stem)
        }
        for candidate in candidates {
            // Only former short names: a current one with a legal form appended may be another registration's name.
            if let found = formerShort[candidate], legalForm[found] == form { return Resolution(firm: found, kind: .formerFullName) }
        }
        return nil
    }
}

/// What a name names: one firm, several (ambiguous: listed, none picked) or none, each firm with the stored name that
/// matched as evidence. Lookups are exact after folding (`NameKey`), so a legal form, a region, a branch or one
/// different character never resolves to another firm; there is no fuzzy match.
public struct NameResolution: Sendable, Codable, Equatable {
    public enum Status: String, Sendable, Codable { case resolved, ambiguous, unknown }

    /// The text as given.
    public var query: String
    public var status: Status
    /// The firms it names, each with the best name that matched (current before former, registered before short),
    /// in id order.
    public var matches: [EnterpriseName]

    public init(query: String, status: Status, matches: [EnterpriseName]) {
        (self.query, self.status, self.matches) = (query, status, matches)
    }

    /// The firm, when exactly one is named.
    public var enterpriseId: String? { status == .resolved ? matches.first?.enterpriseId : nil }

    /// Every key `resolve` may need for these texts: one set for a whole batch, looked up in one query.
    public static func keys(for texts: some Sequence<String>) -> Set<String> {
        var keys: Set<String> = []
        for text in texts {
            let (chinese, english) = NameKey.lookupKeys(text)
            keys.formUnion(chinese)
            if let english { keys.insert(english) }
        }
        keys.remove("")
        return keys
    }

    /// Resolves `text` against `names`, the stored names whose key is among `keys(for:)` of it (more do no harm).
    ///
    /// A Chinese half decides alone: two different Chinese names are two firms whatever their English says, so an
    /// unknown Chinese name beside a known English one names nothing. A name a firm goes by now outranks a name
    /// another firm had before (a short name reused after a rename or a delisting).
    public static func resolve(_ text: String, among names: some Sequence<EnterpriseName>) -> NameResolution {
        let (chinese, english) = NameKey.lookupKeys(text)
        return resolve(text, keys: chinese + (english.map { [$0] } ?? []), among: names)
    }

    /// The same, with the text's keys computed already (`NameKey.keys(of:normalized:)`).
    public static func resolve(_ text: String, keys: [String], among names: some Sequence<EnterpriseName>) -> NameResolution {
        let chinese = Set(keys.filter { !$0.hasPrefix(NameKey.englishPrefix) }), english = keys.first { $0.hasPrefix(NameKey.englishPrefix) }
        let matching: [EnterpriseName]
        if !chinese.isEmpty {
            matching = names.filter { !$0.kind.isEnglish && chinese.contains($0.key) }
        } else if let english {
            matching = names.filter { $0.key == english }
        } else {
            matching = []
        }
        var best: [String: EnterpriseName] = [:]
        for name in matching {
            if let current = best[name.enterpriseId], rank(current) <= rank(name) { continue }
            best[name.enterpriseId] = name
        }
        var firms = best.values.sorted { $0.enterpriseId < $1.enterpriseId }
        if firms.contains(where: { !$0.kind.isFormer }) { firms = firms.filter { !$0.kind.isFormer } }
        let status: Status = firms.isEmpty ? .unknown : firms.count == 1 ? .resolved : .ambiguous
        return NameResolution(query: text, status: status, matches: firms)
    }

    /// Which evidence shows first for one firm: its current names, registered before imported, short, English.
    public static func rank(_ name: EnterpriseName) -> Int {
        switch name.kind {
        case .fullName: 0
        case .imported: 1
        case .shortName: 2
        case .englishName: 3
        case .formerFullName: 4
        case .formerShortName: 5
        case .derivedFormerFullName: 6
        case .formerEnglishName: 7
        }
    }
}

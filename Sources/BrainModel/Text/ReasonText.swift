/// Renders `Reason`s per language from the catalogue (`ReasonCatalogue`), the one place reasons are worded.
public enum ReasonText {
    /// Every template, gathered from the catalogue's parts; a code listed twice is a programming error the
    /// catalogue test catches.
    public static let templates: [String: ReasonTemplate] = {
        var all: [String: ReasonTemplate] = [:]
        for part in ReasonCatalogue.parts {
            all.merge(part) { first, _ in first }
        }
        return all
    }()

    public static func render(_ reason: Reason, in language: DisplayLanguage) -> String {
        guard let template = templates[reason.code] else {
            // An unknown code still says something readable rather than nothing; the catalogue test keeps this rare.
            return ([reason.code] + reason.values.keys.sorted().map { "\($0)=\(reason.values[$0] ?? "")" }).joined(separator: " ")
        }
        let pattern = language == .zh ? template.zh : template.en
        return fill(pattern, with: reason.values, language: language)
    }

    public static func render(_ reasons: [Reason], in language: DisplayLanguage, separator: String? = nil) -> String {
        reasons.map { render($0, in: language) }.joined(separator: separator ?? (language == .zh ? "；" : "; "))
    }

    /// Both languages, for pages that carry both and let the language switch show one.
    public static func bilingual(_ reason: Reason) -> (zh: String, en: String) {
        (render(reason, in: .zh), render(reason, in: .en))
    }

    /// Replaces `{name}` with the value; in English `{name}` prefers `name.en` when the producer gave one.
    static func fill(_ pattern: String, with values: [String: String], language: DisplayLanguage) -> String {
        var output = ""
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{") {
            output += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            let english = language == .en ? values[name + ".en"] : nil
            let value = english ?? values[name]
            // A slot the template already quotes (“{word}”) is not quoted twice.
            output += value.map { language == .en && english == nil && !output.hasSuffix("“") ? quotedIfChinese($0) : $0 } ?? "–"
            rest = rest[rest.index(after: close)...]
            if language == .en, let value { rest = Substring(agree(rest, count: value)) }
        }
        output += rest
        return output
    }

    /// In English, a value given in Chinese only (a firm's, a place's or a product's name, a policy's keyword: data,
    /// with no English of its own) is quoted as written, so a reader sees it is a name and not our wording.
    static func quotedIfChinese(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: { (0x4E00...0x9FFF).contains($0.value) }), !value.hasPrefix("“") else { return value }
        return "“\(value)”"
    }

    /// Countable nouns English templates put after a number ("{firms} firms", "{count} local firms").
    static let countable: Set<String> = ["firm", "link", "node", "clause", "row", "employee", "product", "pair", "region",
                                         "park", "university", "universities", "sheet", "field", "file", "error", "year", "draw", "supplier"]
    static let adjectives: Set<String> = ["local", "listed", "product", "biomedicine", "innovative", "other", "more"]
    static let irregular: [String: String] = ["universities": "university"]

    /// English number agreement for the text after a number: "1 firms" and "1 firm(s)" read "1 firm", "3 firm(s)"
    /// reads "3 firms". Up to one adjective may stand between (1 local firm, 2 product links).
    static func agree(_ text: Substring, count: String) -> String {
        guard text.first == " ", let number = Double(count.replacingOccurrences(of: ",", with: "")) else { return String(text) }
        let words = text.dropFirst().split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        for (i, word) in words.prefix(2).enumerated() {
            let letters = word.prefix { $0.isLetter || $0 == "(" || $0 == ")" }
            let tail = word.dropFirst(letters.count)
            var singular: String?, plural: String?
            if letters.hasSuffix("(s)") {
                singular = String(letters.dropLast(3)); plural = singular.map { $0 + "s" }
            } else if let irregular = irregular[String(letters)] {
                singular = irregular; plural = String(letters)
            } else if letters.hasSuffix("s") {
                singular = String(letters.dropLast()); plural = String(letters)
            }
            guard let singular, let plural, countable.contains(singular) || countable.contains(plural) else {
                if i == 0, adjectives.contains(String(word)) { continue }
                break
            }
            let chosen = number == 1 ? singular : plural
            var out = words.map(String.init)
            out[i] = chosen + tail
            return " " + out.joined(separator: " ")
        }
        return String(text)
    }
}

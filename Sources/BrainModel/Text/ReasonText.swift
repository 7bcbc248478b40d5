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
            let value = (language == .en ? values[name + ".en"] : nil) ?? values[name]
            output += value ?? "–"
            rest = rest[rest.index(after: close)...]
        }
        output += rest
        return output
    }
}

import Foundation

/// Why a firm is on a chain node, as stored in `chain_assignments.evidence`: a JSON list of `Reason`s
/// (`[{"code":"evidence.product","values":{…}}]`) the pages, exports and API word per language. Databases written
/// before evidence had codes hold a Chinese sentence there; that text is shown as it is, as data.
public enum ChainEvidence {
    /// The stored form: reasons as a JSON array with sorted keys, so the same evidence is always the same text.
    public static func encode(_ reasons: [Reason]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(reasons), let text = String(data: data, encoding: .utf8) else { return "" }
        return text
    }

    /// The reasons of stored evidence, or nil for plain text (an old database, an analyst's note, an import's words).
    public static func reasons(_ stored: String) -> [Reason]? {
        guard stored.hasPrefix("[{"), let data = stored.data(using: .utf8) else { return nil }
        return try? JSONDecoder().decode([Reason].self, from: data)
    }

    /// The evidence worded in `language`; plain text comes back unchanged.
    public static func render(_ stored: String, in language: DisplayLanguage) -> String {
        guard let reasons = reasons(stored) else { return stored }
        return render(reasons, in: language)
    }

    /// Reasons joined as today's Chinese sentences read: "；" between them, except that a reason which completes the one
    /// before it (`continuing`: "，未见其他子节点的证据") follows a comma.
    public static func render(_ reasons: [Reason], in language: DisplayLanguage) -> String {
        var text = ""
        for (i, reason) in reasons.enumerated() {
            if i > 0 {
                text += continuing.contains(reason.code) ? (language == .zh ? "，" : ", ") : (language == .zh ? "；" : "; ")
            }
            text += ReasonText.render(reason, in: language)
        }
        return text
    }

    static let continuing: Set<String> = ["evidence.no-other-sub-node"]

    /// A revenue share as the classifier has always written it: whole per cent, "12".
    public static func percent(_ share: Double) -> String { String(format: "%.0f", share * 100) }
}

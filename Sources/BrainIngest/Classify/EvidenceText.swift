import BrainModel
import Foundation

/// Where a chain keyword was found for a firm, and how much that says.
struct EvidenceHit: Sendable, Hashable {
    enum Source: Int, Sendable, Comparable {
        case summaryBody, name, product, summaryLead
        static func < (a: Source, b: Source) -> Bool { a.rawValue < b.rawValue }
    }
    var source: Source
    var keyword: String
    /// The product line for `.product` hits.
    var text: String = ""
    var share: Double?
    /// A keyword that names the node on its own: a Latin term of three or more letters, a Chinese term of three or
    /// more characters, or the node's own name (疫苗). Two-character words (试剂, 支架, 医院) only refine a node the
    /// firm is already on.
    var specific: Bool

    /// The hit as a reason code and values (`ReasonCatalogue+Evidence`), worded per language where it is shown.
    var reason: Reason {
        switch source {
        case .product:
            guard let share else { return Reason("evidence.product", ["product": text, "keyword": keyword]) }
            return Reason("evidence.product-share", ["product": text, "share": ChainEvidence.percent(share), "keyword": keyword])
        case .summaryLead: return Reason("evidence.summary-lead", ["keyword": keyword])
        case .summaryBody: return Reason("evidence.summary", ["keyword": keyword])
        case .name: return Reason("evidence.name", ["keyword": keyword])
        }
    }
}

/// Keyword matching for chain evidence. Chinese keywords match as substrings; Latin keywords match case-insensitively
/// from the start of a word (so `cro` is not found in `micro`, nor `api` in `capital`), and keywords of up to four
/// letters (CRO, API, CT) must also end a word (a plural s allowed), while longer ones are stems (`lyophiliz`).
enum EvidenceText {
    static func isLatin(_ keyword: String) -> Bool { keyword.unicodeScalars.allSatisfy(\.isASCII) }

    /// ASCII-lower-cased UTF-8, computed once per text and keyword (matching 3,500 summaries against 400 keywords).
    static func folded(_ text: String) -> [UInt8] { text.utf8.map { (65...90).contains($0) ? $0 + 32 : $0 } }

    static func contains(_ text: String, keyword: String) -> Bool {
        contains(folded(text), keyword: folded(keyword), latin: isLatin(keyword))
    }

    static func contains(_ text: [UInt8], keyword needle: [UInt8], latin: Bool) -> Bool {
        guard let first = needle.first, text.count >= needle.count else { return false }
        func isWordByte(_ byte: UInt8) -> Bool { (97...122).contains(byte) || (48...57).contains(byte) }
        var start = 0
        let last = text.count - needle.count
        while start <= last {
            defer { start += 1 }
            guard text[start] == first else { continue }
            var equal = true
            for k in 1..<needle.count where text[start + k] != needle[k] { equal = false; break }
            guard equal else { continue }
            guard latin else { return true }
            guard start == 0 || !isWordByte(text[start - 1]) else { continue }
            let end = start + needle.count
            if needle.count > 4 || end == text.count || !isWordByte(text[end]) { return true }
            if text[end] == 115, end + 1 == text.count || !isWordByte(text[end + 1]) { return true }  // plural s
        }
        return false
    }

    /// The summary's first sentence (what the firm does, in the source's house style: "X engages in …") and the rest,
    /// with the firm's own English name removed so `Biotechnology` or `Pharmaceutical` in a name says nothing.
    static func summaryParts(_ summary: String, englishName: String?) -> (lead: String, body: String) {
        var text = summary
        if let name = englishName, name.count >= 4 { text = text.replacingOccurrences(of: name, with: "The company") }
        var sentences: [String] = []
        var current = ""
        let characters = Array(text)
        for (i, character) in characters.enumerated() {
            current.append(character)
            // A sentence ends at ". " followed by a capital letter; "Co., Ltd." and "Inc." inside a name were removed above.
            if character == ".", i + 2 < characters.count, characters[i + 1] == " ", characters[i + 2].isUppercase {
                sentences.append(current)
                current = ""
            }
        }
        if !current.isEmpty { sentences.append(current) }
        // Boilerplate about founding and seat says nothing about the business.
        let informative = sentences.filter { sentence in
            sentence.count > 160 || !["was founded", "is based in", "headquartered in", "formerly known as"].contains { sentence.contains($0) }
        }
        guard let lead = informative.first else { return ("", "") }
        return (lead, informative.dropFirst().joined(separator: " "))
    }
}

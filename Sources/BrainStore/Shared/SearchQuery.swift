import Foundation
import BrainModel

/// A search box's text and the index that answers it on either backend: trigram (≥ 3 characters: SQLite FTS5, PostgreSQL
/// pg_trgm), the ranked name-bigram table (2 characters, the commonest Chinese searches: 医药, 生物), or a scan (1 character).
struct SearchQuery {
    enum Method { case trigram, bigram, scan }
    let text: String
    let method: Method

    init?(_ raw: String) {
        // Control characters are never part of a name, and a NUL ends SQLite's FTS5 query string early ("unterminated
        // string"): drop them rather than fail the search.
        text = String(String.UnicodeScalarView(raw.unicodeScalars.filter { $0.properties.generalCategory != .control }))
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return nil }
        method = text.count >= 3 ? .trigram : text.count == 2 ? .bigram : .scan
    }

    var likePattern: String { "%" + StoreSQL.escapeLike(text) + "%" }
    var bigram: String { text.lowercased() }
}

/// The search order everywhere: biomedicine firms first, then by employees (unknown last), then by id.
enum SearchOrder {
    static func precedes(_ a: Enterprise, _ b: Enterprise) -> Bool {
        if a.isBiomedicine != b.isBiomedicine { return a.isBiomedicine }
        switch (a.employees, b.employees) {
        case let (x?, y?) where x != y: return x > y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return a.id < b.id
        }
    }
}

/// A search page on either backend: exact name matches come first, then the index's own order. Says which exact
/// matches fall on the page, what to ask the index for after them, and puts the fetched summaries in page order.
struct ExactFirstPage {
    let exactOnPage: [String]
    /// How many index matches the page still needs (0: the exact matches fill it), and from where.
    let indexLimit: Int
    let indexOffset: Int
    private let exactCount: Int

    init(exact: [String], limit: Int, offset: Int) {
        exactOnPage = Array(exact.dropFirst(offset).prefix(limit))
        indexLimit = limit - exactOnPage.count
        indexOffset = max(0, offset - exact.count)
        exactCount = exact.count
    }

    /// `AND column NOT IN (?, …)` for the exact matches, so the index does not list them again ("" if none).
    func excludeSQL(_ column: String) -> String {
        exactCount == 0 ? "" : "AND \(column) NOT IN (\(StoreSQL.marks(exactCount)))"
    }

    static func ordered(_ found: [EnterpriseSummary], as ids: [String]) -> [EnterpriseSummary] {
        let byId = Dictionary(found.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return ids.compactMap { byId[$0] }
    }
}

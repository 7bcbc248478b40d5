import Foundation
import BrainModel

/// A search box's text and the index that answers it on either backend: trigram (≥ 3 characters: SQLite FTS5, PostgreSQL
/// pg_trgm), the ranked name-bigram table (2 characters, the commonest Chinese searches: 医药, 生物), or a scan (1 character).
struct SearchQuery {
    enum Method { case trigram, bigram, scan }
    let text: String
    let method: Method

    init?(_ raw: String) {
        text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return nil }
        method = text.count >= 3 ? .trigram : text.count == 2 ? .bigram : .scan
    }

    var likePattern: String { "%" + StoreSQL.escapeLike(text) + "%" }
    var bigram: String { text.lowercased() }
}

extension RegionLevel {
    /// The enterprises column holding this level's children.
    var childColumn: String {
        switch self {
        case .country: "province_code"
        case .province: "city_code"
        case .city, .district: "district_code"
        }
    }
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

import BrainModel

/// Review reasons keep the regions they compare as codes (`holderCity`, `region`, `city`: what the planner has at
/// hand); a person reads them as places. Each is worded, when an item is read, as the region's name from its province
/// down (320500 → 江苏省苏州市, 110101 → 北京市东城区); a code the regions table does not know stays as it is.
struct ReviewRegionNames {
    static let keys = ["holderCity", "region", "city"]
    /// The reasons whose region values are worded: the file check's address reasons keep theirs, which they set
    /// beside codes that stay codes (the registering authority's division).
    static let codes: Set<String> = ["review.code-held", "review.name-region-differs"]
    /// The country is no part of a place's name.
    static let sql = "SELECT code, name, parent_code FROM regions WHERE level <> 'country'"

    typealias Region = (code: String, name: String, parent: String?)
    static let region: @Sendable (any ColumnReader) throws -> Region = { (try $0.text("code"), try $0.text("name"), try $0.optionalText("parent_code")) }

    private let regions: [String: (name: String, parent: String?)]

    init(_ rows: [Region]) {
        regions = Dictionary(rows.map { ($0.code, ($0.name, $0.parent)) }, uniquingKeysWith: { a, _ in a })
    }

    /// The place of `code`, its ancestors' names first.
    func place(_ code: String) -> String? {
        guard regions[code] != nil else { return nil }
        var names: [String] = [], next: String? = code
        // Province, city, district, zone: four steps at most, whatever the parents say.
        for _ in 0..<4 {
            guard let current = next, let region = regions[current] else { break }
            // A municipality's city (北京市 under 北京市, 重庆市(辖县) under 重庆市) is said once, by the shorter name.
            if let first = names.first, first.hasPrefix(region.name) { names[0] = region.name } else { names.insert(region.name, at: 0) }
            next = region.parent
        }
        return names.joined()
    }

    func named(_ item: ReviewItem) -> ReviewItem {
        let reasons = item.reasons.map { reason in
            guard Self.codes.contains(reason.code) else { return reason }
            var named = reason
            for key in Self.keys { if let code = reason.values[key], let place = place(code) { named.values[key] = place } }
            return named
        }
        return ReviewItem(id: item.id, importId: item.importId, file: item.file, row: item.row, kind: item.kind, name: item.name,
                          enterpriseId: item.enterpriseId, candidateId: item.candidateId, candidateName: item.candidateName,
                          reasons: reasons, status: item.status, decidedAt: item.decidedAt)
    }
}

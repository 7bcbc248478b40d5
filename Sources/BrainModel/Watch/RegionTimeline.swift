/// A region's firms by year where the data has dates (issue 19 item 4): listed firms founded and listed each year
/// (the bundled listed layer, so the figures never move when someone imports) and firms imports added, by the year
/// of the import's as-of date (from the change feed: public imports', and the asking organisation's own).
public struct RegionTimeline: Codable, Sendable, Equatable {
    public struct Year: Codable, Sendable, Equatable {
        public var year: Int
        public var founded: Int
        public var listed: Int
        public var imported: Int

        public init(year: Int, founded: Int = 0, listed: Int = 0, imported: Int = 0) {
            (self.year, self.founded, self.listed, self.imported) = (year, founded, listed, imported)
        }
    }

    public var code: String
    /// Oldest first, only years with at least one figure.
    public var years: [Year]

    public init(code: String, years: [Year]) {
        (self.code, self.years) = (code, years)
    }

    /// Folds per-measure counts (`year` text as stored: the first four characters of a date) into years.
    public static func from(code: String, founded: [(String, Int)], listed: [(String, Int)], imported: [(String, Int)]) -> RegionTimeline {
        var byYear: [Int: Year] = [:]
        func add(_ rows: [(String, Int)], _ field: WritableKeyPath<Year, Int>) {
            for (text, count) in rows {
                guard let year = Int(text), (1800...2200).contains(year) else { continue }
                byYear[year, default: Year(year: year)][keyPath: field] += count
            }
        }
        add(founded, \.founded)
        add(listed, \.listed)
        add(imported, \.imported)
        return RegionTimeline(code: code, years: byYear.values.sorted { $0.year < $1.year })
    }
}

import Foundation

/// An analyst's long-format matrix: columns `region,sector,value` and optionally `year`.
/// Every problem is reported with file, row and field; nothing is guessed (no NaN-to-zero coercion, no silent
/// de-duplication).
public struct MatrixFile: Sendable {
    public struct Cell: Sendable {
        public var region: String
        public var sector: String
        public var value: Double
        public var year: String?
    }
    public let cells: [Cell]
    public let hasYear: Bool

    public init(url: URL) throws(SourceFileError) {
        let table = try CSVTable(url: url, file: url.lastPathComponent, requiredColumns: ["region", "sector", "value"])
        hasYear = table.header.contains("year")
        var seen: Set<String> = [], cells: [Cell] = []
        for row in table.rows {
            let year = hasYear ? try row.required("year") : nil
            let region = try row.required("region"), sector = try row.required("sector")
            guard let value = try row.double("value") else { throw row.error("value", value: nil, "required value is empty") }
            guard value >= 0 else { throw row.error("value", value: String(value), "values must be ≥ 0") }
            guard seen.insert([year ?? "", region, sector].joined(separator: "\u{1}")).inserted else {
                throw row.error("sector", value: sector, "duplicate cell \(region)/\(sector)\(year.map { " in \($0)" } ?? "")")
            }
            cells.append(Cell(region: region, sector: sector, value: value, year: year))
        }
        guard !cells.isEmpty else { throw SourceFileError(file: table.file, row: 2, reason: "no data rows") }
        self.cells = cells
    }
}

/// An analyst's indicator table: a `unit` column, optionally `year`, and one numeric column per indicator.
/// Empty cells are missing values (kept as missing, never zero).
public struct IndicatorFile: Sendable {
    public struct Row: Sendable {
        public var unit: String
        public var year: String?
        public var values: [String: Double]
    }
    public let indicators: [String]
    public let rows: [Row]

    public init(url: URL) throws(SourceFileError) {
        let table = try CSVTable(url: url, file: url.lastPathComponent, requiredColumns: ["unit"])
        let hasYear = table.header.contains("year")
        indicators = table.header.filter { $0 != "unit" && $0 != "year" && !$0.isEmpty }
        guard !indicators.isEmpty else { throw SourceFileError(file: table.file, row: 1, reason: "no indicator columns besides unit and year") }
        var seen: Set<String> = [], rows: [Row] = []
        for row in table.rows {
            let unit = try row.required("unit"), year = hasYear ? try row.required("year") : nil
            guard seen.insert(unit + "\u{1}" + (year ?? "")).inserted else {
                throw row.error("unit", value: unit, "duplicate unit\(year.map { " for year \($0)" } ?? "")")
            }
            var values: [String: Double] = [:]
            for indicator in indicators { if let value = try row.double(indicator) { values[indicator] = value } }
            rows.append(Row(unit: unit, year: year, values: values))
        }
        guard !rows.isEmpty else { throw SourceFileError(file: table.file, row: 2, reason: "no data rows") }
        self.rows = rows
    }
}

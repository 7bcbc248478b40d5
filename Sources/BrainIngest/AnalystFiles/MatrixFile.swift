import BrainModel
import Foundation

/// An analyst's long-format matrix: columns `region,sector,value` and optionally `year`.
/// Every problem is reported with file, row and field; nothing is guessed (no NaN-to-zero coercion, no silent
/// de-duplication). The file is bounded before it is read and as it is read — the complexity methods build dense
/// region × sector and sector × sector matrices, so a hostile file of few bytes per cell could otherwise ask for
/// gigabytes — and labels holding control characters or running past `Limits.labelCharacters` are refused.
public struct MatrixFile: Sendable {
    public struct Cell: Sendable {
        public var region: String
        public var sector: String
        public var value: Double
        public var year: String?
    }

    /// The largest file the analyses are meant for, with room to spare (a country's regions × a full HS-4 list).
    public struct Limits: Sendable {
        public var bytes = 64 << 20
        public var cells = 1_000_000
        public var regions = 5_000
        public var sectors = 5_000
        /// Distinct regions × distinct sectors: the dense matrix one year of analysis allocates.
        public var matrixCells = 10_000_000
        public var years = 100
        public var labelCharacters = 200
        /// Values past this are not economic figures; their sums would lose all precision.
        public var maxValue = 1e15
        public init() {}
    }

    public let cells: [Cell]
    public let hasYear: Bool
    /// File rows (1 = header) whose value was empty and is read as 0, the convention of `ecomplexity` (pandas' sum
    /// skips NaN): said in the output, never silent.
    public let emptyValueRows: [Int]

    public init(url: URL, limits: Limits = Limits()) throws(SourceFileError) {
        let file = url.lastPathComponent
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        guard size <= limits.bytes else {
            throw SourceFileError(file: file, reason: "the file has \(size) bytes; a matrix file may have at most \(limits.bytes) bytes")
        }
        let table = try CSVTable(url: url, file: file, requiredColumns: ["region", "sector", "value"])
        guard table.rows.count <= limits.cells else {
            throw SourceFileError(file: file, row: limits.cells + 2, reason: "more than \(limits.cells) data rows; split the file")
        }
        hasYear = table.header.contains("year")
        var seen: Set<String> = [], cells: [Cell] = [], emptyRows: [Int] = []
        var regions: Set<String> = [], sectors: Set<String> = [], years: Set<String> = []
        for row in table.rows {
            let year = hasYear ? try Self.label(row, "year", limits) : nil
            let region = try Self.label(row, "region", limits), sector = try Self.label(row, "sector", limits)
            let value: Double
            if let read = try row.double("value") { value = read } else { value = 0; emptyRows.append(row.line) }
            guard value >= 0 else { throw row.error("value", value: String(value), "values must be ≥ 0") }
            guard value <= limits.maxValue else { throw row.error("value", value: String(value), "values must be ≤ \(limits.maxValue)") }
            guard seen.insert([year ?? "", region, sector].joined(separator: "\u{1}")).inserted else {
                throw row.error("sector", value: sector, "duplicate cell \(region)/\(sector)\(year.map { " in \($0)" } ?? "")")
            }
            regions.insert(region); sectors.insert(sector)
            if let year { years.insert(year) }
            if regions.count > limits.regions { throw row.error("region", value: region, "more than \(limits.regions) distinct regions") }
            if sectors.count > limits.sectors { throw row.error("sector", value: sector, "more than \(limits.sectors) distinct sectors") }
            if years.count > limits.years { throw row.error("year", value: year, "more than \(limits.years) distinct years") }
            if regions.count * sectors.count > limits.matrixCells {
                throw row.error("sector", value: sector, "\(regions.count) regions × \(sectors.count) sectors exceed \(limits.matrixCells) matrix cells")
            }
            cells.append(Cell(region: region, sector: sector, value: value, year: year))
        }
        guard !cells.isEmpty else { throw SourceFileError(file: table.file, row: 2, reason: "no data rows") }
        self.cells = cells
        emptyValueRows = emptyRows
    }

    /// A required label with no control characters and a bounded length.
    static func label(_ row: CSVRow, _ column: String, _ limits: Limits) throws(SourceFileError) -> String {
        let text = try row.required(column)
        if let (scalar, position) = ControlCharacters.first(in: text) {
            throw row.error(column, value: ControlCharacters.visible(text), ReasonText.render(ControlCharacters.reason(scalar, position: position), in: .en))
        }
        guard text.count <= limits.labelCharacters else {
            throw row.error(column, value: String(text.prefix(40)) + "…", "longer than \(limits.labelCharacters) characters")
        }
        return text
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

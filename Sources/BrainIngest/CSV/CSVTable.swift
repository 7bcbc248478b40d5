import Foundation

/// A CSV file with a header row, read whole (bundled files are small), with typed, located field access.
public struct CSVTable: Sendable {
    public let file: String
    public let header: [String]
    public let rows: [CSVRow]

    /// Reads `url`; `file` is the name used in error messages (path relative to the data folder).
    public init(url: URL, file: String, requiredColumns: [String]) throws(SourceFileError) {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw SourceFileError(file: file, reason: "file is missing or unreadable")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SourceFileError(file: file, reason: "file is not valid UTF-8")
        }
        try self.init(text: text, file: file, requiredColumns: requiredColumns)
    }

    public init(text: String, file: String, requiredColumns: [String]) throws(SourceFileError) {
        let records = try CSVParser.parse(text, file: file)
        guard let headerRecord = records.first else {
            throw SourceFileError(file: file, row: 1, reason: "file is empty: a header row is required")
        }
        let header = headerRecord.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        for column in requiredColumns where !header.contains(column) {
            throw SourceFileError(file: file, row: 1, field: column, reason: "required column is missing from the header")
        }
        var index: [String: Int] = [:]
        for (i, name) in header.enumerated() where index[name] == nil { index[name] = i }
        var rows: [CSVRow] = []
        rows.reserveCapacity(records.count)
        for record in records.dropFirst() {
            guard record.fields.count == header.count else {
                throw SourceFileError(file: file, row: record.line,
                                      reason: "has \(record.fields.count) fields, the header has \(header.count)")
            }
            rows.append(CSVRow(file: file, line: record.line, fields: record.fields, index: index))
        }
        self.file = file
        self.header = header
        self.rows = rows
    }
}

/// One record; accessors throw a `SourceFileError` naming file, row and field.
public struct CSVRow: Sendable {
    public let file: String
    public let line: Int
    let fields: [String]
    let index: [String: Int]

    /// The trimmed value, or nil when empty or the column is absent.
    public func optional(_ column: String) -> String? {
        guard let i = index[column] else { return nil }
        let value = fields[i].trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty ? nil : value
    }

    public func required(_ column: String) throws(SourceFileError) -> String {
        guard let value = optional(column) else {
            throw error(column, value: nil, "required value is empty")
        }
        return value
    }

    /// A number, or nil when empty; a non-numeric value is an error.
    public func double(_ column: String) throws(SourceFileError) -> Double? {
        guard let text = optional(column) else { return nil }
        guard let value = Double(text), value.isFinite else { throw error(column, value: text, "not a number") }
        return value
    }

    /// A code of exactly `digits` decimal digits (e.g. a GB/T 2260 region code).
    public func digits(_ column: String, count digits: Int) throws(SourceFileError) -> String {
        let text = try required(column)
        guard text.count == digits, text.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw error(column, value: text, "expected a \(digits)-digit code")
        }
        return text
    }

    public func error(_ column: String, value: String?, _ reason: String) -> SourceFileError {
        SourceFileError(file: file, row: line, field: column, value: value, reason: reason)
    }
}

import Foundation

/// JSON Lines: one object per line, UTF-8. The header is the first object's keys (sorted); a later line with a key
/// the first did not have is rejected with the key named rather than losing the value. Streams like the CSV reader.
/// Every malformed line is its own row error (`JSONLineObject` says why); only a first line that is not an object
/// stops the file, since it defines the columns.
public struct JSONLinesReader: RowReader {
    private var lines: DelimitedReader
    private var rows = JSONObjectRows()
    private var pending: DelimitedReader.Item?

    public init(url: URL) throws {
        // Lines split by the delimited reader with a delimiter no JSON text holds unescaped, and no quote handling
        // needed: a JSON line never spans lines.
        lines = try DelimitedReader(url: url, encoding: .utf8, delimiter: "\u{1}", quoting: false)
    }

    public func close() { lines.close() }
    public var encodingName: String { "utf-8" }
    public var delimiterName: String { "json-lines" }

    public mutating func next() throws -> DelimitedReader.Item? {
        if rows.header == nil {
            while let item = try lines.next() {
                guard case .record(let line, let fields) = item else { pending = item; break }
                let text = fields.joined(separator: "\u{1}")
                if text.trimmingCharacters(in: .whitespaces).isEmpty { continue }
                pending = try rows.row(line: line, text: text)
                break
            }
            guard let header = rows.header else { return nil }
            return .record(line: 0, fields: header)
        }
        if let item = pending { pending = nil; return item }
        while let item = try lines.next() {
            guard case .record(let line, let fields) = item else { return item }
            let text = fields.joined(separator: "\u{1}")
            if text.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            return try rows.row(line: line, text: text)
        }
        return nil
    }
}

import Foundation

/// JSON Lines: one object per line, UTF-8. The header is the first object's keys (sorted); a later line with a key
/// the first did not have is rejected with the key named rather than losing the value. Streams like the CSV reader.
public struct JSONLinesReader: RowReader {
    private var lines: DelimitedReader
    private var header: [String]?
    private var headerReturned = false
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
        if header == nil {
            while let item = try lines.next() {
                guard case .record(let line, let fields) = item else { pending = item; break }
                let text = fields.joined(separator: "\u{1}")
                if text.trimmingCharacters(in: .whitespaces).isEmpty { continue }
                switch Self.object(text) {
                case .success(let object):
                    header = object.keys.sorted()
                    pending = row(line, object)
                case .failure(let reason):
                    throw RowReaderError("line \(line): \(reason.description); the first line must be a JSON object")
                }
                break
            }
            guard let header else { return nil }
            return .record(line: 0, fields: header)
        }
        if let item = pending { pending = nil; return item }
        while let item = try lines.next() {
            guard case .record(let line, let fields) = item else { return item }
            let text = fields.joined(separator: "\u{1}")
            if text.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            switch Self.object(text) {
            case .success(let object): return row(line, object)
            case .failure(let reason): return .invalid(line: line, reason: reason.description)
            }
        }
        return nil
    }

    private func row(_ line: Int, _ object: [String: String]) -> DelimitedReader.Item {
        let header = header ?? []
        if let unknown = object.keys.filter({ !header.contains($0) }).sorted().first {
            return .invalid(line: line, reason: "key \"\(unknown)\" is not among the first line's keys (\(header.joined(separator: ", ")))")
        }
        return .record(line: line, fields: header.map { object[$0] ?? "" })
    }

    /// A line as key → text (numbers and booleans written as in JSON; null as empty).
    static func object(_ text: String) -> Result<[String: String], RowReaderError> {
        let decoded: [String: JSONScalar]
        do { decoded = try JSONDecoder().decode([String: JSONScalar].self, from: Data(text.utf8)) } catch {
            // Only to say why: not JSON at all, not an object, or an object holding a list or object.
            switch try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) {
            case nil: return .failure(RowReaderError("not valid JSON"))
            case is [String: Any]: return .failure(RowReaderError("a value is a list or object; only text, numbers, booleans and null are read"))
            default: return .failure(RowReaderError("not a JSON object"))
            }
        }
        return .success(decoded.mapValues(\.text))
    }
}

/// A JSON value that fits in a cell.
enum JSONScalar: Decodable {
    case text(String)

    init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer()
        if value.decodeNil() { self = .text(""); return }
        if let text = try? value.decode(String.self) { self = .text(text); return }
        if let flag = try? value.decode(Bool.self) { self = .text(flag ? "true" : "false"); return }
        if let integer = try? value.decode(Int64.self) { self = .text(String(integer)); return }
        self = .text(String(try value.decode(Double.self)))
    }

    var text: String { switch self { case .text(let value): value } }
}

import BrainModel
import Foundation

/// A JSON file holding one list of objects, `[ {…}, {…} ]`, as exported by most tools that do not write JSON Lines.
/// Streams: the list is split into its objects by a small scanner that follows strings and brackets, and each object
/// is read as a JSON Lines row (`JSONObjectRows`), so a bad object is its own row error naming the line it starts on.
/// A broken list — not a list, a missing comma, text after the closing bracket, a file that ends inside it — is an
/// error for the whole file, as a malformed XLSX sheet is.
public struct JSONArrayReader: RowReader {
    private var chunks: UTF8Chunks
    private var scanner = JSONArrayScanner()
    private var rows = JSONObjectRows()
    private var headerReturned = false
    private var pending: DelimitedReader.Item?
    private var found: [JSONArrayScanner.Object] = []

    public init(url: URL) throws {
        chunks = try UTF8Chunks(url: url, encoding: .utf8)
    }

    public func close() { chunks.close() }
    public var encodingName: String { "utf-8" }
    public var delimiterName: String { "json-array" }

    public mutating func next() throws -> DelimitedReader.Item? {
        if !headerReturned {
            guard let first = try nextObject() else { return nil }
            pending = try item(first)
            headerReturned = true
            return .record(line: 0, fields: rows.header ?? [])
        }
        if let item = pending { pending = nil; return item }
        guard let object = try nextObject() else { return nil }
        return try item(object)
    }

    private mutating func item(_ object: JSONArrayScanner.Object) throws -> DelimitedReader.Item {
        if let text = object.text { return try rows.row(line: object.line, text: text) }
        return .oversized(line: object.line, bytes: object.bytes)
    }

    private mutating func nextObject() throws -> JSONArrayScanner.Object? {
        while found.isEmpty {
            guard let bytes = try chunks.next() else {
                try scanner.finish()
                return nil
            }
            found = try scanner.scan(bytes)
            found.reverse()
        }
        return found.popLast()
    }
}

/// Splits the bytes of a JSON list into its top-level objects, chunk by chunk.
struct JSONArrayScanner {
    /// One object of the list: its text (nil when longer than `limit`, then only its size is kept) and the line it
    /// starts on.
    struct Object { let line: Int; let text: String?; let bytes: Int }

    enum Place { case beforeList, beforeItem(afterComma: Bool), inItem, afterItem, afterList }

    static let limit = 1 << 20
    private var place = Place.beforeList
    private var line = 1
    private var itemLine = 1
    private var item: [UInt8] = []
    private var itemBytes = 0
    private var depth = 0
    private var inString = false
    private var escaped = false

    mutating func scan(_ bytes: [UInt8]) throws -> [Object] {
        var objects: [Object] = []
        for byte in bytes {
            if byte == 0x0A { line += 1 }
            switch place {
            case .inItem:
                itemBytes += 1
                if itemBytes <= Self.limit { item.append(byte) } else if !item.isEmpty { item = [] }
                if inString {
                    if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                    continue
                }
                switch byte {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 {
                        let text = itemBytes <= Self.limit ? String(decoding: item, as: UTF8.self) : nil
                        objects.append(Object(line: itemLine, text: text, bytes: itemBytes))
                        item = []
                        place = .afterItem
                    }
                default: break
                }
            case _ where Self.isSpace(byte):
                continue
            case .beforeList:
                guard byte == UInt8(ascii: "[") else { throw unexpected(byte, "read.json-expected-list") }
                place = .beforeItem(afterComma: false)
            case .beforeItem(let afterComma):
                if byte == UInt8(ascii: "]"), !afterComma { place = .afterList; continue }
                guard byte == UInt8(ascii: "{") else { throw unexpected(byte, "read.json-expected-object") }
                start(byte)
            case .afterItem:
                if byte == UInt8(ascii: ",") { place = .beforeItem(afterComma: true) }
                else if byte == UInt8(ascii: "]") { place = .afterList }
                else { throw unexpected(byte, "read.json-expected-separator", ["start": String(itemLine)]) }
            case .afterList:
                throw unexpected(byte, "read.json-after-list")
            }
        }
        return objects
    }

    /// At the end of the file: the list must be closed.
    func finish() throws {
        switch place {
        case .afterList: return
        case .beforeList: throw RowReaderError("read.json-empty")
        case .inItem: throw RowReaderError("read.json-ends-in-object", ["line": String(line), "start": String(itemLine)])
        default: throw RowReaderError("read.json-ends-in-list", ["line": String(line)])
        }
    }

    private mutating func start(_ byte: UInt8) {
        place = .inItem
        itemLine = line
        item = [byte]
        itemBytes = 1
        depth = 1
        inString = false
        escaped = false
    }

    private func unexpected(_ byte: UInt8, _ code: String, _ values: [String: String] = [:]) -> RowReaderError {
        let shown = byte >= 0x21 && byte < 0x7F ? "'\(Character(UnicodeScalar(byte)))'" : String(format: "0x%02X", byte)
        return RowReaderError(code, values.merging(["line": String(line), "found": shown]) { $1 })
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
}

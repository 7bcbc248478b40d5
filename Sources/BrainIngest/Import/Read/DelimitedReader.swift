import BrainModel
import Foundation

/// Streaming RFC 4180 reader for users' files: quoted fields, doubled quotes, embedded newlines, CRLF, LF or a lone
/// CR (old Mac files: read as line breaks, not run together into one header), a BOM,
/// and `,` `\t` or `;` as delimiter (detected from the header line when not given). Memory is one chunk plus one
/// record; a record longer than `maxRecordBytes` is returned as oversized instead of being held.
public struct DelimitedReader {
    public enum Item: Equatable, Sendable {
        case record(line: Int, fields: [String])
        case oversized(line: Int, bytes: Int)
        /// A row the reader could not make into fields (a JSON line that is not an object), with why.
        case invalid(line: Int, reason: Reason)
        /// A row rejected for one field's content (a control character), naming the column.
        case invalidField(line: Int, column: String, value: String, reason: Reason)
    }

    public struct UnterminatedQuote: ReasonedError, Equatable {
        public var line: Int
        public init(line: Int) { self.line = line }
        public var reason: Reason { Reason("read.unterminated-quote", ["line": String(line)]) }
    }

    public let encoding: TextEncoding
    public private(set) var delimiter: UInt8
    let maxRecordBytes: Int
    let quoting: Bool
    private var source: UTF8Chunks
    private var chunk: [UInt8] = []
    private var index = 0
    private var line = 1
    private var finished = false
    /// The last byte outside quotes ended a line with CR: an LF right after it belongs to the same line break.
    private var afterCR = false

    /// `quoting: false` reads `"` as an ordinary character (JSON Lines).
    public init(url: URL, encoding: TextEncoding? = nil, delimiter: Character? = nil, maxRecordBytes: Int = 1 << 20,
                quoting: Bool = true) throws {
        source = try UTF8Chunks(url: url, encoding: encoding)
        self.quoting = quoting
        self.encoding = source.encoding
        self.maxRecordBytes = maxRecordBytes
        self.delimiter = delimiter.flatMap { $0.asciiValue } ?? 0
    }

    public func close() { source.close() }

    /// The next record, or nil at the end.
    public mutating func next() throws -> Item? {
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false, quoted = false, oversized = false
        var size = 0
        var startLine = line
        var sawAnything = false
        while true {
            if index >= chunk.count {
                guard !finished, let next = try source.next() else {
                    finished = true
                    if inQuotes { throw UnterminatedQuote(line: startLine) }
                    guard sawAnything else { return nil }
                    fields.append(String(decoding: field, as: UTF8.self))
                    return oversized ? .oversized(line: startLine, bytes: size) : .record(line: startLine, fields: fields)
                }
                chunk = next
                index = 0
                if delimiter == 0 { delimiter = Self.detectDelimiter(chunk) }
                continue
            }
            let byte = chunk[index]
            index += 1
            if afterCR {
                afterCR = false
                if byte == UInt8(ascii: "\n") { continue }
            }
            sawAnything = true
            size += 1
            if size > maxRecordBytes && !oversized { oversized = true; field = []; fields = [] }
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if index >= chunk.count, !finished, let next = try source.next() { chunk = next; index = 0 }
                    if index < chunk.count, chunk[index] == UInt8(ascii: "\"") {
                        index += 1
                        if !oversized { field.append(byte) }
                    } else {
                        inQuotes = false
                    }
                } else {
                    // Inside quotes a line break is data; CRLF counts once, a lone CR once.
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    else if byte == UInt8(ascii: "\r"), index >= chunk.count || chunk[index] != UInt8(ascii: "\n") { line += 1 }
                    if !oversized { field.append(byte) }
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\"") where field.isEmpty && !quoted && quoting:
                inQuotes = true; quoted = true
            case delimiter:
                if !oversized { fields.append(String(decoding: field, as: UTF8.self)) }
                field = []; quoted = false
            case UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                if byte == UInt8(ascii: "\r") { afterCR = true }
                line += 1
                if !oversized { fields.append(String(decoding: field, as: UTF8.self)) }
                // A blank line is not a record.
                if !oversized && fields.count == 1 && fields[0].isEmpty && !quoted {
                    fields = []; field = []; size = 0; sawAnything = false; startLine = line
                    continue
                }
                return oversized ? .oversized(line: startLine, bytes: size) : .record(line: startLine, fields: fields)
            default:
                if !oversized { field.append(byte) }
            }
        }
    }

    /// The delimiter that occurs most on the first line, outside quotes: `,`, tab or `;`.
    static func detectDelimiter(_ bytes: [UInt8]) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: "\t"): 0, UInt8(ascii: ";"): 0]
        var inQuotes = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { inQuotes.toggle(); continue }
            if inQuotes { continue }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
            if counts[byte] != nil { counts[byte]! += 1 }
        }
        let preference: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: "\t"), UInt8(ascii: ";")]
        return preference.max { counts[$0]! < counts[$1]! || (counts[$0]! == counts[$1]! && preference.firstIndex(of: $0)! > preference.firstIndex(of: $1)!) }!
    }
}

import BrainModel
import Foundation

/// A source of rows, the first being the header: delimited text, an XLSX sheet, JSON Lines or a JSON list.
public protocol RowReader {
    mutating func next() throws -> DelimitedReader.Item?
    func close()
    var encodingName: String { get }
    var delimiterName: String { get }
}

/// Why a reader cannot go on (`read.*` in `ReasonCatalogue+Read`); printed, it reads in Chinese.
public struct RowReaderError: ReasonedError, Equatable {
    public var reason: Reason
    public init(_ code: String, _ values: [String: String] = [:]) { reason = Reason(code, values) }
    public init(_ reason: Reason) { self.reason = reason }
}

extension DelimitedReader: RowReader {
    public var encodingName: String { encoding.rawValue }
    public var delimiterName: String { delimiter == 9 ? "tab" : String(UnicodeScalar(delimiter)) }
}

/// Picks the reader by content: a zip is XLSX (a `.xlsx` that is not a zip is an error, not text), `.jsonl`/`.ndjson`
/// is JSON Lines, `.json` a JSON list of objects, anything else delimited text.
public enum RowReaders {
    public static func open(_ url: URL, encoding: TextEncoding? = nil, sheet: String? = nil) throws -> any RowReader {
        let ext = url.pathExtension.lowercased()
        let magic = try FileHandle(forReadingFrom: url).readAndClose(count: 4)
        if magic.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return try XLSXReader(url: url, sheet: sheet) }
        if ["xlsx", "xlsm"].contains(ext) {
            throw magic.isEmpty ? RowReaderError("read.xlsx-empty") : RowReaderError("read.xlsx-not-zip", ["ext": ext])
        }
        if ["jsonl", "ndjson"].contains(ext) { return try JSONLinesReader(url: url) }
        if ext == "json" { return try JSONArrayReader(url: url) }
        return try DelimitedReader(url: url, encoding: encoding)
    }
}

extension FileHandle {
    func readAndClose(count: Int) throws -> [UInt8] {
        defer { try? close() }
        return [UInt8](try read(upToCount: count) ?? Data())
    }
}

import Foundation

/// Writes RFC 4180 CSV (quotes fields holding a comma, quote or line break), streaming to a file.
public final class CSVWriter {
    private let handle: FileHandle
    private var buffer = ""

    public init(url: URL, header: [String]) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: url.path, contents: nil)
        handle = try FileHandle(forWritingTo: url)
        write(header)
    }

    public func write(_ fields: [String]) {
        buffer += fields.map(Self.escape).joined(separator: ",") + "\n"
        if buffer.utf8.count > 1 << 20 { flush() }
    }

    public func close() throws {
        flush()
        try handle.close()
    }

    private func flush() {
        handle.write(Data(buffer.utf8))
        buffer = ""
    }

    static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

import Foundation

/// Writes RFC 4180 CSV (quotes fields holding a comma, quote or line break), streaming to a file. A field a
/// spreadsheet would run as a formula (starting with = + - @, tab or CR) gets a leading single quote, per OWASP's
/// CSV-injection guidance: exports carry users' text (names, problem values), which must not become a formula in the
/// analyst's Excel. A plain number such as -3.5 stays a number.
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
        let field = neutralised(field)
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `field` with a leading `'` if a spreadsheet would read it as a formula; numbers are left alone.
    public static func neutralised(_ field: String) -> String {
        guard let first = field.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return field }
        return isPlainNumber(field) ? field : "'" + field
    }

    /// `-3.5`, `+12`, `-1e5`: digits with an optional sign, decimal point and exponent, nothing else.
    static func isPlainNumber(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        if let sign = scalars.first, sign == "+" || sign == "-" { scalars = scalars.dropFirst() }
        var digits = 0, dot = false, exponent = false, exponentDigits = 0
        var previous: Unicode.Scalar? = nil
        for scalar in scalars {
            switch scalar {
            case "0"..."9": if exponent { exponentDigits += 1 } else { digits += 1 }
            case "." where !dot && !exponent: dot = true
            case "e" where !exponent && digits > 0, "E" where !exponent && digits > 0: exponent = true
            case "+" where previous == "e" || previous == "E", "-" where previous == "e" || previous == "E": break
            default: return false
            }
            previous = scalar
        }
        return digits > 0 && (!exponent || exponentDigits > 0)
    }
}

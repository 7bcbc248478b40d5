import BrainModel
import Foundation

/// The encodings users' spreadsheets export in: UTF-8 (with or without BOM), GB18030 (the superset of GBK and GB2312
/// that Chinese Excel and government systems write), and UTF-16 with a BOM (Excel's "Unicode text"), transcoded.
public enum TextEncoding: String, Sendable, Codable, CaseIterable {
    case utf8 = "utf-8"
    case gb18030
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"

    public struct DecodingError: ReasonedError, Equatable {
        public var encoding: TextEncoding
        public var byteOffset: Int
        /// The 1-based line the bad bytes are on, when the reader knows it.
        public var line: Int?
        /// GB18030 was only assumed because of an invalid UTF-8 byte at this offset (the file may be UTF-8 that is
        /// broken there, not GB18030 at all).
        public var assumedBecauseInvalidUTF8At: Int?
        public init(encoding: TextEncoding, byteOffset: Int, line: Int? = nil, assumedBecauseInvalidUTF8At: Int? = nil) {
            self.encoding = encoding
            self.byteOffset = byteOffset
            self.line = line
            self.assumedBecauseInvalidUTF8At = assumedBecauseInvalidUTF8At
        }
        public var reason: Reason {
            let reason = switch encoding {
            case .utf8: Reason("read.invalid-utf8")
            case .utf16LE, .utf16BE: Reason("read.invalid-utf16", ["encoding": encoding.rawValue.uppercased()])
            case .gb18030: assumedBecauseInvalidUTF8At.map { Reason("read.invalid-gb18030-assumed", ["first": String($0)]) }
                ?? Reason("read.invalid-gb18030")
            }
            return reason.with("where", zh: (line.map { "第 \($0) 行、" } ?? "") + "字节偏移 \(byteOffset) 处",
                               en: "at byte offset \(byteOffset)" + (line.map { " (line \($0))" } ?? ""))
        }
    }

    /// How an encoding was chosen, for the error a later bad byte gets.
    struct Detection {
        var encoding: TextEncoding
        var invalidUTF8At: Int?
    }

    /// UTF-16 by its BOM; UTF-8 if the sample is valid UTF-8 (a character cut at the sample's end is allowed), or if
    /// it holds several valid multi-byte UTF-8 characters before its first bad byte (UTF-8 broken there, which GB18030
    /// text practically never looks like); else GB18030.
    public static func detect(_ sample: some Collection<UInt8>) -> TextEncoding { detection(Array(sample)).encoding }

    static func detection(_ bytes: [UInt8]) -> Detection {
        if bytes.starts(with: [0xFF, 0xFE]) { return Detection(encoding: .utf16LE) }
        if bytes.starts(with: [0xFE, 0xFF]) { return Detection(encoding: .utf16BE) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return Detection(encoding: .utf8) }
        guard let bad = firstInvalidUTF8(bytes, allowTruncatedEnd: true) else { return Detection(encoding: .utf8) }
        let multiByte = bytes[..<bad].filter { $0 >= 0xC2 && $0 <= 0xF4 }.count
        return Detection(encoding: multiByte >= 3 ? .utf8 : .gb18030, invalidUTF8At: bad)
    }

    /// The iconv name of an encoding converted to UTF-8 (nil: UTF-8 itself, only checked).
    var iconvName: String? {
        switch self {
        case .utf8: nil
        case .gb18030: "GB18030"
        case .utf16LE: "UTF-16LE"
        case .utf16BE: "UTF-16BE"
        }
    }

    /// The byte-order mark a file in this encoding may start with, dropped before reading.
    var byteOrderMark: [UInt8] {
        switch self {
        case .utf8: [0xEF, 0xBB, 0xBF]
        case .gb18030: []
        case .utf16LE: [0xFF, 0xFE]
        case .utf16BE: [0xFE, 0xFF]
        }
    }

    /// Decodes whole bytes; a BOM is dropped. Throws with the offset of the first bad byte.
    public func decode(_ data: some Collection<UInt8>) throws(DecodingError) -> String {
        var bytes = Array(data)
        if !byteOrderMark.isEmpty, bytes.starts(with: byteOrderMark) { bytes.removeFirst(byteOrderMark.count) }
        guard let name = iconvName else {
            if let offset = Self.firstInvalidUTF8(bytes, allowTruncatedEnd: false) { throw DecodingError(encoding: self, byteOffset: offset) }
            return String(decoding: bytes, as: UTF8.self)
        }
        guard let converter = GB18030Converter(from: name) else { throw DecodingError(encoding: self, byteOffset: 0) }
        let result = converter.convert(bytes)
        if result.stop != 0 { throw DecodingError(encoding: self, byteOffset: result.consumed) }
        return String(decoding: result.utf8, as: UTF8.self)
    }

    static func firstInvalidUTF8(_ bytes: [UInt8], allowTruncatedEnd: Bool) -> Int? {
        var i = 0
        while i < bytes.count {
            let lead = bytes[i]
            let length: Int
            switch lead {
            case 0x00...0x7F: i += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return i
            }
            if i + length > bytes.count { return allowTruncatedEnd && bytes[(i + 1)...].allSatisfy { $0 & 0xC0 == 0x80 } ? nil : i }
            for j in 1..<length where bytes[i + j] & 0xC0 != 0x80 { return i }
            // Overlong and surrogate forms.
            if lead == 0xE0 && bytes[i + 1] < 0xA0 || lead == 0xED && bytes[i + 1] > 0x9F
                || lead == 0xF0 && bytes[i + 1] < 0x90 || lead == 0xF4 && bytes[i + 1] > 0x8F { return i }
            i += length
        }
        return nil
    }

}

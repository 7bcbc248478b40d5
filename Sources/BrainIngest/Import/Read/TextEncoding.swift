import Foundation

/// The encodings users' spreadsheets export in: UTF-8 (with or without BOM) and GB18030, the superset of GBK and
/// GB2312 that Chinese Excel and government systems write.
public enum TextEncoding: String, Sendable, Codable, CaseIterable {
    case utf8 = "utf-8"
    case gb18030

    public struct DecodingError: Error, Equatable, CustomStringConvertible {
        public var encoding: TextEncoding
        public var byteOffset: Int
        public init(encoding: TextEncoding, byteOffset: Int) {
            self.encoding = encoding
            self.byteOffset = byteOffset
        }
        public var description: String { "bytes at offset \(byteOffset) are not valid \(encoding.rawValue)" }
    }

    /// UTF-8 if the sample is valid UTF-8 (a character cut at the sample's end is allowed), else GB18030.
    public static func detect(_ sample: some Collection<UInt8>) -> TextEncoding {
        let bytes = Array(sample)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8 }
        return firstInvalidUTF8(bytes, allowTruncatedEnd: true) == nil ? .utf8 : .gb18030
    }

    /// Decodes whole bytes; a UTF-8 BOM is dropped. Throws with the offset of the first bad byte.
    public func decode(_ data: some Collection<UInt8>) throws(DecodingError) -> String {
        var bytes = Array(data)
        switch self {
        case .utf8:
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            if let offset = Self.firstInvalidUTF8(bytes, allowTruncatedEnd: false) { throw DecodingError(encoding: self, byteOffset: offset) }
            return String(decoding: bytes, as: UTF8.self)
        case .gb18030:
            guard let converter = GB18030Converter() else { throw DecodingError(encoding: self, byteOffset: 0) }
            let result = converter.convert(bytes)
            if result.stop != 0 { throw DecodingError(encoding: self, byteOffset: result.consumed) }
            return String(decoding: result.utf8, as: UTF8.self)
        }
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

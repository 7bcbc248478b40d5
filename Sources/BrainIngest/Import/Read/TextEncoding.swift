import Foundation
#if canImport(Glibc)
import Glibc
#endif

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
            return try Self.iconvToUTF8(bytes, from: "GB18030")
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

    /// glibc's iconv: GB18030 is one of its converters on every Debian system.
    static func iconvToUTF8(_ bytes: [UInt8], from encoding: String) throws(DecodingError) -> String {
        let converter = iconv_open("UTF-8", encoding)
        guard converter != iconv_t(bitPattern: -1) else { throw DecodingError(encoding: .gb18030, byteOffset: 0) }
        defer { iconv_close(converter) }
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        var input = bytes
        var failedAt: Int? = nil
        let written: Int = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outLeft = outBuffer.count
                if iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) == -1 { failedAt = inBuffer.count - inLeft }
                return outBuffer.count - outLeft
            }
        }
        if let failedAt { throw DecodingError(encoding: .gb18030, byteOffset: failedAt) }
        return String(decoding: output[..<written], as: UTF8.self)
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file read in chunks and handed out as UTF-8, whatever its encoding: memory stays at a chunk whatever the file's
/// size. UTF-8 is checked as it goes (the error names the byte offset); GB18030 is converted by glibc's iconv, a
/// character cut at a chunk's end carried into the next.
struct UTF8Chunks {
    static let chunkSize = 1 << 20
    private let handle: FileHandle
    let encoding: TextEncoding
    private var carry: [UInt8] = []
    private var offset = 0          // bytes of the file consumed before `carry`
    private var first = true
    private let converter: GB18030Converter?

    init(url: URL, encoding: TextEncoding?) throws {
        handle = try FileHandle(forReadingFrom: url)
        let sample = try handle.read(upToCount: 64 * 1024) ?? Data()
        try handle.seek(toOffset: 0)
        self.encoding = encoding ?? TextEncoding.detect(sample)
        converter = self.encoding == .gb18030 ? GB18030Converter() : nil
    }

    func close() { try? handle.close() }

    /// The next UTF-8 bytes, or nil at the end of the file.
    mutating func next() throws -> [UInt8]? {
        let data = try handle.read(upToCount: Self.chunkSize) ?? Data()
        var bytes = carry + data
        carry = []
        if data.isEmpty {
            guard !bytes.isEmpty else { return nil }
            // End of file with an incomplete character left.
            throw TextEncoding.DecodingError(encoding: encoding, byteOffset: offset)
        }
        if first {
            first = false
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3); offset += 3 }
        }
        switch encoding {
        case .utf8:
            let complete = Self.completeUTF8Prefix(bytes)
            if let bad = TextEncoding.firstInvalidUTF8(Array(bytes[..<complete]), allowTruncatedEnd: false) {
                throw TextEncoding.DecodingError(encoding: .utf8, byteOffset: offset + bad)
            }
            carry = Array(bytes[complete...])
            offset += complete
            return Array(bytes[..<complete])
        case .gb18030:
            return try convert(bytes)
        }
    }

    /// Bytes up to the last complete UTF-8 character (a lead byte whose continuation is not all there yet stays out).
    static func completeUTF8Prefix(_ bytes: [UInt8]) -> Int {
        var i = bytes.count
        var back = 0
        while i > 0, back < 4 {
            i -= 1; back += 1
            let byte = bytes[i]
            if byte & 0xC0 == 0x80 { continue }
            let length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            return length > back ? i : bytes.count
        }
        return bytes.count
    }

    private mutating func convert(_ bytes: [UInt8]) throws -> [UInt8] {
        guard let converter else { throw TextEncoding.DecodingError(encoding: .gb18030, byteOffset: offset) }
        let result = converter.convert(bytes)
        // EINVAL: a character cut at the chunk's end, completed by the next chunk.
        if result.stop != 0 && result.stop != EINVAL {
            throw TextEncoding.DecodingError(encoding: .gb18030, byteOffset: offset + result.consumed)
        }
        carry = Array(bytes[result.consumed...])
        offset += result.consumed
        return result.utf8
    }
}

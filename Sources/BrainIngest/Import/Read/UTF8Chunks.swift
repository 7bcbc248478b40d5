import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file read in chunks and handed out as UTF-8, whatever its encoding: memory stays at a chunk whatever the file's
/// size. UTF-8 is checked as it goes (the error names the byte offset and line); GB18030 and UTF-16 are converted by
/// glibc's iconv, a character cut at a chunk's end carried into the next.
struct UTF8Chunks {
    static let chunkSize = 1 << 20
    private let handle: FileHandle
    let encoding: TextEncoding
    private var carry: [UInt8] = []
    private var offset = 0          // bytes of the file consumed before `carry`
    private var lines = 1           // the line `offset` is on (LFs handed out so far + 1)
    private var first = true
    private let converter: GB18030Converter?
    /// Why GB18030 was chosen, when it was only a guess from an invalid UTF-8 byte.
    private let invalidUTF8At: Int?

    init(url: URL, encoding: TextEncoding?) throws {
        handle = try FileHandle(forReadingFrom: url)
        let sample = try handle.read(upToCount: 64 * 1024) ?? Data()
        try handle.seek(toOffset: 0)
        let detection = encoding.map { TextEncoding.Detection(encoding: $0) } ?? TextEncoding.detection(Array(sample))
        self.encoding = detection.encoding
        invalidUTF8At = detection.invalidUTF8At
        converter = detection.encoding.iconvName.flatMap { GB18030Converter(from: $0) }
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
            throw error(at: offset, before: [])
        }
        if first {
            first = false
            let mark = encoding.byteOrderMark
            if !mark.isEmpty, bytes.starts(with: mark) { bytes.removeFirst(mark.count); offset += mark.count }
        }
        guard encoding == .utf8 else { return try convert(bytes) }
        let complete = Self.completeUTF8Prefix(bytes)
        if let bad = TextEncoding.firstInvalidUTF8(Array(bytes[..<complete]), allowTruncatedEnd: false) {
            throw error(at: offset + bad, before: bytes[..<bad])
        }
        carry = Array(bytes[complete...])
        offset += complete
        count(bytes[..<complete])
        return Array(bytes[..<complete])
    }

    /// The error for bad bytes at `byteOffset`, `before` being the UTF-8 (or ASCII-compatible) bytes of this chunk
    /// that precede them, for the line number.
    private func error(at byteOffset: Int, before: ArraySlice<UInt8>) -> TextEncoding.DecodingError {
        let line = lines + before.lazy.filter { $0 == 0x0A }.count
        return TextEncoding.DecodingError(encoding: encoding, byteOffset: byteOffset, line: line,
                                          assumedBecauseInvalidUTF8At: encoding == .gb18030 ? invalidUTF8At : nil)
    }

    private mutating func count(_ utf8: some Sequence<UInt8>) {
        for byte in utf8 where byte == 0x0A { lines += 1 }
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
        guard let converter else { throw error(at: offset, before: []) }
        let result = converter.convert(bytes)
        // EINVAL: a character cut at the chunk's end, completed by the next chunk.
        if result.stop != 0 && result.stop != EINVAL {
            count(result.utf8)
            throw error(at: offset + result.consumed, before: [])
        }
        carry = Array(bytes[result.consumed...])
        offset += result.consumed
        count(result.utf8)
        return result.utf8
    }
}

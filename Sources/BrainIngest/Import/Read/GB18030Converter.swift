#if canImport(Glibc)
import Glibc
#endif

/// glibc's iconv from GB18030 (or UTF-16) to UTF-8 (a converter every Debian system has), for whole texts and streamed
/// chunks.
final class GB18030Converter {
    private let handle: iconv_t

    init?(from encoding: String = "GB18030") {
        let handle = iconv_open("UTF-8", encoding)
        guard handle != iconv_t(bitPattern: -1) else { return nil }
        self.handle = handle!
    }

    deinit { iconv_close(handle) }

    /// Converts as much of `bytes` as it can: the UTF-8, how many input bytes that used, and the errno that stopped it
    /// early (0 when all were used; EINVAL: a character cut at the end; EILSEQ: bytes that are not GB18030).
    func convert(_ bytes: [UInt8]) -> (utf8: [UInt8], consumed: Int, stop: Int32) {
        var input = bytes
        // Each GB18030 byte becomes at most 1.5 UTF-8 bytes, each UTF-16 byte at most 1.5.
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        var consumed = 0, produced = 0, stop: Int32 = 0
        input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outLeft = outBuffer.count
                if iconv(handle, &inPointer, &inLeft, &outPointer, &outLeft) == -1 { stop = errno }
                consumed = inBuffer.count - inLeft
                produced = outBuffer.count - outLeft
            }
        }
        return (Array(output[..<produced]), consumed, stop)
    }
}

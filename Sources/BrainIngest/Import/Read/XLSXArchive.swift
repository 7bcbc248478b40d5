import BrainModel
import Foundation
import ZIPFoundation

/// Bounds that keep a hostile workbook from exhausting memory or time; each is far above what Excel writes.
public struct XLSXLimits: Sendable {
    /// Inflated sheet XML: 4 GiB is about 1,048,576 rows (Excel's maximum) of 80 filled columns. It is streamed, never held.
    public var maxSheetBytes: Int64 = 4 << 30
    /// Inflated shared-strings XML, which is parsed into memory.
    public var maxSharedStringsBytes: Int64 = 512 << 20
    /// Every other part read (workbook, relationships, styles).
    public var maxOtherPartBytes: Int64 = 64 << 20
    /// A part may inflate at most this many times its compressed size once it is over `ratioFreeBytes`:
    /// real sheets compress 5–30:1; a zip bomb of repeated rows, ~1,000:1.
    public var maxCompressionRatio: Int64 = 100
    public var ratioFreeBytes: Int64 = 16 << 20
    /// Shared strings held: their number and their total UTF-8 bytes.
    public var maxSharedStrings = 1 << 24
    public var maxSharedStringBytes = 256 << 20
    /// A row (or a shared string) longer than this is reported as oversized rather than held, as for text files.
    public var maxRowBytes = 1 << 20

    public init() {}
}

/// The parts of an XLSX zip, each inflated in chunks under the limits: a part larger than its cap, inflating beyond
/// the size its entry declares, or inflating at a zip bomb's ratio is refused before it is read, never held whole.
struct XLSXArchive {
    let url: URL
    let limits: XLSXLimits
    private let archive: Archive
    static let chunkBytes = 64 << 10

    init(url: URL, limits: XLSXLimits) throws {
        do { archive = try Archive(url: url, accessMode: .read) } catch {
            throw RowReaderError("read.xlsx-unreadable-zip")
        }
        (self.url, self.limits) = (url, limits)
    }

    func contains(_ path: String) -> Bool { archive[path] != nil }

    /// Streams the inflated part to `consume`; false when the archive has no such part.
    @discardableResult
    func stream(_ path: String, cap: Int64, _ consume: (Data) throws -> Void) throws -> Bool {
        guard let entry = archive[path] else { return false }
        try Self.check(entry, path, cap: cap, limits)
        var inflated: Int64 = 0
        let checksum: CRC32
        do {
            checksum = try archive.extract(entry, bufferSize: Self.chunkBytes, skipCRC32: false) { chunk in
                inflated += Int64(chunk.count)
                try Self.checkInflated(inflated, entry, path)
                try consume(chunk)
            }
        } catch let error as RowReaderError { throw error } catch {
            throw RowReaderError("read.xlsx-inflate-failed", ["part": path])
        }
        guard checksum == entry.checksum else {
            throw RowReaderError("read.xlsx-checksum", ["part": path])
        }
        return true
    }

    /// The whole part, for the small ones (workbook, relationships, styles).
    func data(_ path: String) throws -> Data? {
        var data = Data()
        return try stream(path, cap: limits.maxOtherPartBytes) { data.append($0) } ? data : nil
    }

    /// Refuses, from the zip's directory alone, a part larger than its cap or inflating at a zip bomb's ratio.
    static func check(_ entry: Entry, _ path: String, cap: Int64, _ limits: XLSXLimits) throws {
        guard entry.type == .file else { throw RowReaderError("read.xlsx-not-a-file", ["part": path]) }
        let size = Int64(clamping: entry.uncompressedSize), packed = max(1, Int64(clamping: entry.compressedSize))
        guard size <= cap else {
            throw RowReaderError("read.xlsx-part-too-large", ["part": path, "size": megabytes(size), "cap": megabytes(cap)])
        }
        guard size <= limits.ratioFreeBytes || size / packed <= limits.maxCompressionRatio else {
            throw RowReaderError("read.xlsx-zip-bomb", ["part": path, "packed": megabytes(packed), "size": megabytes(size),
                                                        "ratio": String(size / packed), "limit": String(limits.maxCompressionRatio)])
        }
    }

    /// The entry's declared size bounds what inflating may produce: a lying directory is refused as soon as it shows.
    static func checkInflated(_ inflated: Int64, _ entry: Entry, _ path: String) throws {
        guard inflated <= Int64(clamping: entry.uncompressedSize) else {
            throw RowReaderError("read.xlsx-beyond-declared", ["part": path, "bytes": String(entry.uncompressedSize)])
        }
    }

    static func megabytes(_ bytes: Int64) -> String {
        bytes >= 1 << 30 ? String(format: "%.1f GiB", Double(bytes) / Double(1 << 30))
            : bytes >= 1 << 20 ? String(format: "%.1f MiB", Double(bytes) / Double(1 << 20)) : "\(bytes) B"
    }
}

/// A part inflated on a thread of its own and handed over chunk by chunk: ZIPFoundation inflates by calling back until
/// the entry ends, while a RowReader is pulled one row at a time. At most `capacity` chunks wait, so memory stays a
/// few chunks whatever the part's size; `cancel` (on close, or when the reader is dropped) stops the thread.
final class XLSXPartPipe: @unchecked Sendable {
    private let condition = NSCondition()
    private var chunks: [Data] = []
    private var ended = false
    private var failure: (any Error)?
    private var cancelled = false
    private let capacity = 4

    struct Cancelled: Error {}

    static func start(url: URL, path: String, limits: XLSXLimits) -> XLSXPartPipe {
        let pipe = XLSXPartPipe()
        Thread.detachNewThread {
            do {
                let archive = try XLSXArchive(url: url, limits: limits)
                guard try archive.stream(path, cap: limits.maxSheetBytes, pipe.put) else {
                    throw RowReaderError("read.xlsx-part-missing", ["part": path])
                }
                pipe.end(nil)
            } catch {
                pipe.end(error)
            }
        }
        return pipe
    }

    private func put(_ chunk: Data) throws {
        condition.lock()
        defer { condition.unlock() }
        while chunks.count >= capacity && !cancelled { condition.wait() }
        guard !cancelled else { throw Cancelled() }
        chunks.append(chunk)
        condition.broadcast()
    }

    private func end(_ error: (any Error)?) {
        condition.lock()
        (ended, failure) = (true, error)
        condition.broadcast()
        condition.unlock()
    }

    /// The next chunk, waiting for it; nil at the end of the part.
    func take() throws -> Data? {
        condition.lock()
        defer { condition.unlock() }
        while chunks.isEmpty && !ended { condition.wait() }
        if !chunks.isEmpty {
            condition.broadcast()
            return chunks.removeFirst()
        }
        if let failure { throw failure }
        return nil
    }

    func cancel() {
        condition.lock()
        cancelled = true
        chunks.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}

import Foundation
import Logging

/// Heavy analyses kept in a folder between starts (issue 14: a region page's first view after start waited ~0.7 s of
/// CPU for the vetted product links, the quality scores and the innovation index). Each file holds one analysis and
/// the fingerprint of what it was computed from — the snapshot's content and this build of the program — so a
/// changed database or a new build computes it again.
///
/// Never trusted blindly: a file is used only when its magic, format version, fingerprint, payload length and payload
/// checksum all match; anything else (truncated, corrupt, another build's, another database's) is ignored and
/// recomputed. Written to a temporary file and renamed into place, so a reader never sees half a file. A folder that
/// cannot be written (a read-only deployment) only means nothing is kept: every failure here falls back to memory.
public struct AnalyticsDiskCache: Sendable {
    public let folder: URL
    static let magic = Array("IBAC".utf8)
    /// Bumped whenever the layout of this file or of a payload changes.
    static let formatVersion: UInt32 = 1
    private static let logger = Logger(label: "IndustryBrain.AnalyticsDiskCache")

    public init(folder: URL) { self.folder = folder }

    func file(_ name: String) -> URL { folder.appendingPathComponent(name + ".cache") }

    /// The payload kept under `name` for `fingerprint`, or nil when there is none that can be trusted.
    public func read(_ name: String, fingerprint: String) -> Data? {
        guard let data = try? Data(contentsOf: file(name), options: .mappedIfSafe) else { return nil }
        guard let payload = Self.payload(of: data, fingerprint: fingerprint) else {
            Self.logger.info("analytics cache \(name) is stale or unreadable; computing it")
            return nil
        }
        return payload
    }

    /// Keeps `payload` under `name`; a failure is logged and otherwise ignored (the analysis stays in memory).
    public func write(_ name: String, fingerprint: String, payload: Data) {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let temporary = folder.appendingPathComponent(".\(name).\(ProcessInfo.processInfo.processIdentifier).\(UUID().uuidString).tmp")
            defer { try? FileManager.default.removeItem(at: temporary) }
            try Self.framed(payload, fingerprint: fingerprint).write(to: temporary)
            // rename(2) replaces the old file in one step: a reader opens the old file or the new one, never half.
            guard rename(temporary.path, file(name).path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            Self.logger.info("analytics cache \(name) not kept in \(folder.path) (kept in memory only): \(error)")
        }
    }

    /// magic, format version, fingerprint length and bytes, payload length, payload checksum, payload.
    static func framed(_ payload: Data, fingerprint: String) -> Data {
        var out = Data(magic)
        append(&out, UInt64(formatVersion))
        let print = Array(fingerprint.utf8)
        append(&out, UInt64(print.count))
        out.append(contentsOf: print)
        append(&out, UInt64(payload.count))
        append(&out, checksum(payload))
        out.append(payload)
        return out
    }

    static func payload(of data: Data, fingerprint: String) -> Data? {
        var reader = FrameReader(data: data)
        guard reader.bytes(magic.count) == magic, reader.integer() == UInt64(formatVersion),
              let length = reader.integer(), length == UInt64(fingerprint.utf8.count),
              reader.bytes(Int(length)) == Array(fingerprint.utf8),
              let size = reader.integer(), let sum = reader.integer(),
              size == UInt64(data.count - reader.offset) else { return nil }
        let payload = data.subdata(in: data.startIndex + reader.offset ..< data.endIndex)
        return checksum(payload) == sum ? payload : nil
    }

    private static func append(_ out: inout Data, _ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }

    /// FNV-1a over the payload, eight bytes at a time (a damaged file, not a forged one: the folder is the server's).
    static func checksum(_ data: Data) -> UInt64 {
        data.withUnsafeBytes { raw -> UInt64 in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            let words = raw.count / 8
            for i in 0..<words {
                hash = (hash ^ raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)) &* 0x100_0000_01b3
            }
            for i in (words * 8)..<raw.count { hash = (hash ^ UInt64(raw[i])) &* 0x100_0000_01b3 }
            return hash
        }
    }
}

/// Reads a frame's fields in order; nil past the end.
private struct FrameReader {
    let data: Data
    var offset = 0

    mutating func bytes(_ count: Int) -> [UInt8]? {
        guard count >= 0, count <= data.count - offset else { return nil }
        defer { offset += count }
        return Array(data[(data.startIndex + offset)..<(data.startIndex + offset + count)])
    }

    mutating func integer() -> UInt64? {
        guard let bytes = bytes(8) else { return nil }
        return bytes.reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }
}

extension AnalyticsDiskCache {
    /// What a kept analysis is computed from: the snapshot's content and this build (an analysis another build computed
    /// may differ: the executable's size and time of change stand for the build).
    public static func fingerprint(content: ContentHash, layers: String) -> String {
        "\(content)/\(layers)/\(buildIdentity)"
    }

    static let buildIdentity: String = {
        let path = Bundle.main.executablePath ?? CommandLine.arguments.first ?? ""
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return "unknown-build" }
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
        let changed = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(size)-\(Int64(changed * 1000))"
    }()
}

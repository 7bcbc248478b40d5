import Foundation
import BrainAnalytics
import BrainModel

/// The heaviest analyses a region page waits for — the vetted product links, the quality scores, the innovation
/// index of each level — kept on disk between starts (issue 14), keyed by the snapshot's content: a server started
/// again on the same database loads them in milliseconds instead of computing them; a changed database, or another
/// build, computes them afresh. What is loaded is exactly what was computed (`AnalyticsDiskCacheTests`).
extension AnalyticsWorkbench {
    static var productLinksFile: String { "product-links" }
    static var qualityFile: String { "enterprise-quality" }
    static func indexFile(_ level: RegionLevel) -> String {
        "innovation-index-\(level.rawValue)-\(InnovationIndexYears.standard.lowerBound)-\(InnovationIndexYears.standard.upperBound)"
    }

    /// The kept analyses this workbench loaded from disk or wrote there (tests and logs).
    public var analysesOnDisk: Set<String> { loadedFromDisk.all }

    /// What this workbench's analyses are computed from: the content of its snapshot (every row the index reads) and
    /// its layers, with the build (computed once, off the request threads).
    func fingerprint() async throws -> String {
        try await diskFingerprint.value { [index, layers] in
            try await HeavyWork.run("snapshot fingerprint") {
                AnalyticsDiskCache.fingerprint(content: try SnapshotContent.digest(index.data), layers: "\(layers)")
            }
        }
    }

    /// The analysis kept on disk under `name` when there is one for this snapshot, else `compute`d.
    func kept<Value: Sendable, Payload: Decodable & SendableMetatype>(_ name: String, as payload: Payload.Type,
                                                   restore: @escaping @Sendable (Payload) -> Value?,
                                                   _ compute: @escaping @Sendable () async throws -> Value) async throws -> Value {
        guard let disk else { return try await compute() }
        let print = try await fingerprint()
        let loaded = try await HeavyWork.run("loading \(name)") { () -> Value? in
            guard let data = disk.read(name, fingerprint: print), let decoded = try? JSONDecoder().decode(Payload.self, from: data) else { return nil }
            return restore(decoded)
        }
        if let loaded {
            loadedFromDisk.insert(name)
            return loaded
        }
        return try await compute()
    }

    /// Writes the kept analyses this workbench computed (not those it loaded) to disk, computing any not yet computed;
    /// the server runs it in the background after the warm-up. Without a disk cache it does nothing.
    public func persist() async throws {
        guard let disk else { return }
        let print = try await fingerprint()
        func save<Payload: Encodable & Sendable>(_ name: String, _ payload: @escaping @Sendable () async throws -> Payload) async throws {
            guard !loadedFromDisk.contains(name) else { return }
            let value = try await payload()
            try await HeavyWork.run("keeping \(name)") {
                disk.write(name, fingerprint: print, payload: try JSONEncoder().encode(value))
            }
            loadedFromDisk.insert(name)
        }
        try await save(Self.productLinksFile) { try await self.productLinks().stored }
        try await save(Self.qualityFile) { try await self.enterpriseQuality().storedScores }
        for level in [RegionLevel.city, .province, .district] {
            try await save(Self.indexFile(level)) { try await self.innovationIndex(level: level, years: InnovationIndexYears.standard) }
        }
    }
}

/// Every row of a snapshot the analyses read, for its fingerprint (the firms' other names are not read back into
/// snapshots, so they are left out): each table digested in slices on every core, then the slices' digests in order.
enum SnapshotContent {
    static func digest(_ data: DataBundle) throws -> ContentHash {
        var parts: [@Sendable () throws -> ContentHash] = []
        func add<Row: Encodable & Sendable>(_ rows: [Row], slice: Int = 8_000) {
            parts.append { [count = rows.count] in try ContentHash.of(count) }
            for start in stride(from: 0, to: rows.count, by: slice) {
                let part = Array(rows[start..<min(rows.count, start + slice)])
                parts.append { try ContentHash.of(part) }
            }
        }
        let taxonomy = data.taxonomy
        parts.append { try ContentHash.of(taxonomy) }
        add(data.regions)
        add(data.enterprises, slice: 2_000)
        add(data.locations)
        add(data.assignments)
        add(data.products)
        add(data.productRelations)
        add(data.events)
        add(data.universities)
        add(data.parks)
        add(data.policies)
        add(data.curations)
        add(data.importLayers)
        let digests = PartDigests(count: parts.count), all = parts
        DispatchQueue.concurrentPerform(iterations: all.count) { i in digests.set(i, Result { try all[i]() }) }
        return try ContentHash.of(digests.all.map { try $0.get().description })
    }
}

/// Each part's digest, written by the thread that computed it into its own slot.
private final class PartDigests: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<ContentHash, any Error>]
    init(count: Int) { slots = Array(repeating: .success(ContentHash(high: 0, low: 0)), count: count) }
    func set(_ i: Int, _ digest: Result<ContentHash, any Error>) { lock.withLock { slots[i] = digest } }
    var all: [Result<ContentHash, any Error>] { lock.withLock { slots } }
}

/// Names of the analyses a workbench loaded from disk or has written there.
final class LockedNames: @unchecked Sendable {
    private let lock = NSLock()
    private var names: Set<String> = []
    func insert(_ name: String) { lock.withLock { _ = names.insert(name) } }
    func contains(_ name: String) -> Bool { lock.withLock { names.contains(name) } }
    var all: Set<String> { lock.withLock { names } }
}

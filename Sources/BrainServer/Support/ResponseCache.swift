import Foundation

/// Encoded bodies of read-only routes, by key. A response once built stays right until the data changes: an import
/// through the server clears the store-backed cache, and the caches of pages built from a snapshot go with their
/// snapshot when a new one is swapped in (an import by the CLI into a running server's database needs a restart).
/// Bounded by entries and bytes (a region page is ~100 KB; 3,000 of them must not double the server's memory): it
/// simply stops adding when full.
final class ResponseCache: @unchecked Sendable {
    private let lock = NSLock()
    private var bodies: [String: Data] = [:]
    private var bytes = 0
    let capacity: Int
    let maxBytes: Int

    init(capacity: Int = 10_000, maxBytes: Int = 64 << 20) {
        self.capacity = capacity
        self.maxBytes = maxBytes
    }

    /// The cached body for `key`, or the one `make` builds (cached when `make` returns one).
    func body(_ key: String, make: () async throws -> Data?) async rethrows -> Data? {
        if let hit = cached(key) {
            ServerMetrics.cacheLookup("response", hit: true)
            return hit
        }
        ServerMetrics.cacheLookup("response", hit: false)
        guard let made = try await make() else { return nil }
        store(key, made)
        return made
    }

    func cached(_ key: String) -> Data? { lock.withLock { bodies[key] } }

    func store(_ key: String, _ body: Data) {
        lock.withLock {
            guard bodies[key] == nil, bodies.count < capacity, bytes + body.count <= maxBytes else { return }
            bodies[key] = body
            bytes += body.count
        }
    }

    var count: Int { lock.withLock { bodies.count } }

    func clear() {
        lock.withLock {
            bodies.removeAll()
            bytes = 0
        }
    }
}

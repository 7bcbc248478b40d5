import Foundation
import BrainUseCases

/// Encoded bodies of read-only routes, by key. A response once built stays right until the data changes: an import
/// through the server clears the store-backed cache, and the caches of pages built from a snapshot go with their
/// snapshot when a new one is swapped in (an import by the CLI into a running server's database needs a restart).
/// Bounded by entries and bytes, keys included (a region page is ~100 KB; 3,000 of them must not double the server's
/// memory): when full it forgets the least recently used body, so keys a client makes up (search terms, layer
/// choices) can neither grow it nor push out the pages people use for good.
final class ResponseCache: @unchecked Sendable {
    private let lock = NSLock()
    private var bodies: LRUMap<String, Data>
    let capacity: Int
    let maxBytes: Int

    init(capacity: Int = 10_000, maxBytes: Int = 64 << 20) {
        self.capacity = capacity
        self.maxBytes = maxBytes
        bodies = LRUMap(capacity: capacity, maxCost: maxBytes)
    }

    /// The cached body for `key`, or the one `make` builds (cached when `make` returns one).
    func body(_ key: String, make: () async throws -> Data?) async rethrows -> Data? {
        if let hit = cached(key) {
            ServerMetrics.responseCacheLookup(hit: true)
            return hit
        }
        ServerMetrics.responseCacheLookup(hit: false)
        guard let made = try await make() else { return nil }
        store(key, made)
        return made
    }

    func cached(_ key: String) -> Data? { lock.withLock { bodies.value(key) } }

    func store(_ key: String, _ body: Data) {
        lock.withLock {
            guard bodies.peek(key) == nil else { return }
            bodies.set(key, body, cost: body.count + key.utf8.count)
        }
    }

    var count: Int { lock.withLock { bodies.count } }
    /// Bytes held, bodies and keys.
    var bytes: Int { lock.withLock { bodies.totalCost } }

    func clear() { lock.withLock { bodies.removeAll() } }
}

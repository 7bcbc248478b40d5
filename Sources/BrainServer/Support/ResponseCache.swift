import Foundation

/// Encoded JSON bodies of read-only routes, by path. A response once built stays right until the data changes: an
/// import through the server clears the cache (an import by the CLI into a running server's database needs a
/// restart). Bounded: it simply stops adding when full.
final class ResponseCache: @unchecked Sendable {
    private let lock = NSLock()
    private var bodies: [String: Data] = [:]
    let capacity: Int

    init(capacity: Int = 10_000) { self.capacity = capacity }

    /// The cached body for `key`, or the one `make` builds (cached when `make` returns one).
    func body(_ key: String, make: () async throws -> Data?) async rethrows -> Data? {
        if let hit = lock.withLock({ bodies[key] }) { return hit }
        guard let made = try await make() else { return nil }
        lock.withLock { if bodies.count < capacity { bodies[key] = made } }
        return made
    }

    func clear() { lock.withLock { bodies.removeAll() } }
}

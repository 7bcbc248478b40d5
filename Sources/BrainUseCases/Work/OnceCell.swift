import Foundation

/// A value computed at most once and shared: the first caller starts the computation, callers meanwhile await the same
/// one (so a burst of first requests computes an analysis once, not once each). A failure is forgotten, so the next
/// caller tries again.
///
/// A computation started by background work (the warm-up) runs in a `HeavyPriority` group of its own; a request that
/// comes to wait for it raises it to the request's priority.
public final class OnceCell<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var task: Task<Value, any Error>?
    private var group: HeavyPriority?

    public init() {}

    public func value(_ make: @escaping @Sendable () async throws -> Value) async throws -> Value {
        let waiter = HeavyPriority.current
        let (task, group) = lock.withLock { () -> (Task<Value, any Error>, HeavyPriority?) in
            if let existing = self.task { return (existing, self.group) }
            let group = HeavyPriority.child(of: waiter)
            let started = Task { try await HeavyPriority.$current.withValue(group) { try await make() } }
            self.task = started
            self.group = group
            return (started, group)
        }
        group?.waited(by: waiter)
        do {
            return try await task.value
        } catch {
            lock.withLock { if self.task == task { self.task = nil } }
            throw error
        }
    }
}

/// `OnceCell`s by key, at most `capacity` of them: past it the least recently used is forgotten (a caller still
/// awaiting it keeps its answer; the next one computes it again). Keys that come from requests (a threshold, a span
/// of years, a region code) could otherwise keep a computed analysis per value a client cares to send.
public final class OnceMap<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var cells: LRUMap<Key, OnceCell<Value>>

    public init(capacity: Int) {
        cells = LRUMap(capacity: capacity)
    }

    public func value(_ key: Key, _ make: @escaping @Sendable () async throws -> Value) async throws -> Value {
        let cell = lock.withLock { () -> OnceCell<Value> in
            if let cell = cells.value(key) { return cell }
            let cell = OnceCell<Value>()
            cells.set(key, cell)
            return cell
        }
        return try await cell.value(make)
    }

    /// Keys from the most recently used to the least.
    public var keys: [Key] { lock.withLock { cells.keysByRecency } }
    public var count: Int { lock.withLock { cells.count } }
    public var capacity: Int { lock.withLock { cells.capacity } }
}

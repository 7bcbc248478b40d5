import Foundation

/// A value computed at most once and shared: the first caller starts the computation, callers meanwhile await the same
/// one (so a burst of first requests computes an analysis once, not once each). A failure is forgotten, so the next
/// caller tries again.
final class OnceCell<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var task: Task<Value, any Error>?

    func value(_ make: @escaping @Sendable () async throws -> Value) async throws -> Value {
        let task = lock.withLock { () -> Task<Value, any Error> in
            if let existing = self.task { return existing }
            let started = Task { try await make() }
            self.task = started
            return started
        }
        do {
            return try await task.value
        } catch {
            lock.withLock { if self.task == task { self.task = nil } }
            throw error
        }
    }
}

/// `OnceCell`s by key.
final class OnceMap<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var cells: [Key: OnceCell<Value>] = [:]

    func value(_ key: Key, _ make: @escaping @Sendable () async throws -> Value) async throws -> Value {
        let cell = lock.withLock { () -> OnceCell<Value> in
            if let cell = cells[key] { return cell }
            let cell = OnceCell<Value>()
            cells[key] = cell
            return cell
        }
        return try await cell.value(make)
    }

    var keys: [Key] { lock.withLock { Array(cells.keys) } }
}

import Foundation

public enum StoreError: Error, CustomStringConvertible {
    case notBuilt
    public var description: String { "the database holds no data: run `brain build-db` first" }
}

/// A value shared between concurrent requests, guarded by a lock.
final class LockedValue<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

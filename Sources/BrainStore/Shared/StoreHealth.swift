import Foundation

/// What a cheap look at the store finds: reachable (the probe returned), built, holding firms, open read-only.
public struct StoreProbe: Sendable, Codable, Equatable {
    public var builtAt: String?
    public var hasEnterprises: Bool
    public var readOnly: Bool

    public init(builtAt: String?, hasEnterprises: Bool, readOnly: Bool) {
        (self.builtAt, self.hasEnterprises, self.readOnly) = (builtAt, hasEnterprises, readOnly)
    }

    /// Why the database cannot answer pages, or nil when it can.
    public var problem: String? {
        if builtAt == nil { return "the database was never built (brain build-db)" }
        if !hasEnterprises { return "the database holds no enterprises" }
        return nil
    }
}

/// The store did not answer within its deadline (a PostgreSQL server that is down or unreachable), or lost the
/// connection a request was using: requests fail fast with 503 instead of waiting for the pool's retries or
/// answering 500 as if the request were at fault.
public struct StoreUnavailableError: Error, CustomStringConvertible {
    public let store: String
    public let seconds: Double
    /// How the connection in use was lost (the driver's error code), when it was rather than never acquired.
    public var lost: String? = nil
    public var description: String {
        lost.map { "\(store) lost the connection (\($0))" } ?? "\(store) did not answer within \(seconds) s"
    }
}

/// A write refused because the store was opened read-only (a database file or folder the server cannot write).
public struct StoreReadOnlyError: Error, CustomStringConvertible {
    public init() {}
    public var description: String { "the database is open read-only: imports and other writes are refused" }
}

enum StoreHealthSQL {
    static let builtAt = "SELECT value FROM meta WHERE key = 'built_at'"
    static let anyEnterprise = "SELECT COUNT(*) AS n FROM (SELECT 1 FROM enterprises LIMIT 1) AS one"
}

/// Runs `body`, but gives up with `StoreUnavailableError` when `started` has not been called within `seconds`:
/// waiting for a connection is bounded, a query already running is not (a snapshot load may take a while).
func withAcquireDeadline<Result: Sendable>(_ seconds: Double, store: String,
                                           _ body: @escaping @Sendable (_ started: @escaping @Sendable () -> Void) async throws -> Result)
    async throws -> Result {
    let started = LockedValue(false)
    return try await withThrowingTaskGroup(of: Result?.self) { group in
        group.addTask { try await body { started.value = true } }
        group.addTask {
            try await Task.sleep(for: .seconds(seconds))
            if !started.value { throw StoreUnavailableError(store: store, seconds: seconds) }
            return nil
        }
        while let next = try await group.next() {
            if let result = next {
                group.cancelAll()
                return result
            }
        }
        throw CancellationError()
    }
}

public enum SQLiteOpenError: Error, CustomStringConvertible {
    case missing(String)
    case needsMigration(String)
    public var description: String {
        switch self {
        case .missing(let path): "no database at \(path)"
        case .needsMigration(let path):
            "\(path) is read-only and its schema is older than this version: open it once where it can be written to migrate it"
        }
    }
}

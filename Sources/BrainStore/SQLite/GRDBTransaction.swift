import Foundation
import GRDB

/// Runs an async transaction body (the one SQL store's write operations) on GRDB, whose database is used
/// synchronously on its writer's dispatch queue: that queue's thread holds the transaction open and runs the
/// statements the body sends it, one at a time, until the body ends (commit) or throws (roll back). The body runs in
/// the caller's task, so nothing blocks the cooperative pool; only the writer's own queue waits, as the writer is
/// held by any write transaction.
final class GRDBStatementChannel: @unchecked Sendable {
    private struct Job {
        let run: (Database) -> Void
        let fail: (any Error) -> Void
    }

    private let condition = NSCondition()
    // Guarded by `condition`.
    private var jobs: [Job] = []
    /// Set when the body ended: `.some(nil)` to commit, `.some(error)` to roll back.
    private var outcome: (any Error)??
    /// Set when the writer's access ended (also when it could not begin): later statements fail at once.
    private var closed: (any Error)?

    /// Sends one statement's work to the writer's thread and waits for its answer.
    func submit<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            condition.lock()
            defer { condition.unlock() }
            if let closed { continuation.resume(throwing: closed); return }
            jobs.append(Job(run: { db in continuation.resume(with: Result { try work(db) }) },
                            fail: { error in continuation.resume(throwing: error) }))
            condition.signal()
        }
    }

    /// The body ended: nil when it succeeded, else its error.
    func finish(_ error: (any Error)?) {
        condition.lock()
        outcome = .some(error)
        condition.signal()
        condition.unlock()
    }

    /// On the writer's thread, inside its transaction: runs statements until the body finishes, then rethrows the
    /// body's error so GRDB rolls the transaction back.
    func serve(_ db: Database) throws {
        while true {
            condition.lock()
            while jobs.isEmpty && outcome == nil { condition.wait() }
            if jobs.isEmpty, let outcome {
                condition.unlock()
                if let error = outcome { throw error }
                return
            }
            let job = jobs.removeFirst()
            condition.unlock()
            job.run(db)
        }
    }

    func close(_ error: any Error) {
        condition.lock()
        closed = error
        let pending = jobs
        jobs = []
        condition.unlock()
        for job in pending { job.fail(error) }
    }
}

/// A write transaction is over: no statement may join it any more.
struct GRDBTransactionEnded: Error {}

extension GRDBDriver {
    struct TransactionSession: SQLWriteSession {
        let channel: GRDBStatementChannel

        func rows<T: Sendable>(_ sql: String, _ arguments: [SQLValue],
                               _ transform: @escaping @Sendable (any ColumnReader) throws -> T) async throws -> [T] {
            let arguments = arguments.statementArguments
            return try await channel.submit { db in try GRDBDriver.map(db, sql, arguments, transform) }
        }

        func execute(_ sql: String, _ arguments: [SQLValue]) async throws {
            let arguments = arguments.statementArguments
            try await channel.submit { db in try db.execute(sql: sql, arguments: arguments) }
        }
    }

    func transaction<T: Sendable>(_ body: (any SQLWriteSession) async throws -> T) async throws -> T {
        try await transaction({ TransactionSession(channel: $0) }) { try await body($0) }
    }

    /// What runs on the writer around a transaction, in the same access: the transaction is `run`.
    typealias AroundTransaction = @Sendable (Database, () throws -> Void) throws -> Void

    /// `body` in one write transaction, its statements sent to the writer's thread through the `session` made on the
    /// transaction's channel. `around` may set the connection up before the transaction and back after it, with no
    /// other write in between.
    func transaction<T: Sendable, Session>(around: @escaping AroundTransaction = { _, transaction in try transaction() },
                                           _ session: (GRDBStatementChannel) -> Session,
                                           _ body: (Session) async throws -> T) async throws -> T {
        let channel = GRDBStatementChannel(), writer = self.writer
        let access = Task<(any Error)?, Never> {
            do {
                try await writer.writeWithoutTransaction { db in
                    try around(db) { try db.inTransaction { try channel.serve(db); return .commit } }
                }
                channel.close(GRDBTransactionEnded())
                return nil
            } catch {
                channel.close(error)
                return error
            }
        }
        let result: Result<T, any Error>
        do { result = .success(try await body(session(channel))) } catch { result = .failure(error) }
        if case .failure(let error) = result { channel.finish(error) } else { channel.finish(nil) }
        let accessError = await access.value
        let value = try result.get()
        if let accessError { throw accessError }
        return value
    }
}

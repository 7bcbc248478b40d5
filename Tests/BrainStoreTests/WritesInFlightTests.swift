import Foundation
import Testing
@testable import BrainStore

/// The import's pipeline: one part of writes in flight while the next is planned.
@Suite struct WritesInFlightTests {
    typealias Write = ImportPlanner.Write

    /// Records the statements it runs, slowly, and fails on `fail`.
    final class Recorder: ImportSession, @unchecked Sendable {
        private let lock = NSLock()
        private var ran: [String] = []
        private var running = 0
        private(set) var overlapped = false
        struct Failed: Error {}

        var statements: [String] { lock.withLock { ran } }

        func rows<T: Sendable>(_ sql: String, _ arguments: [SQLValue], _ transform: @escaping @Sendable (any ColumnReader) throws -> T) async throws -> [T] { [] }
        func execute(_ sql: String, _ arguments: [SQLValue]) async throws {}
        func readers(_ sql: String, _ arguments: [SQLValue]) async throws -> [any ColumnReader] { [] }

        func run(_ writes: [Write]) async throws {
            lock.withLock {
                running += 1
                if running > 1 { overlapped = true }
            }
            defer { lock.withLock { running -= 1 } }
            for write in writes {
                await Task.yield()
                if write.sql == "fail" { throw Failed() }
                lock.withLock { ran.append(write.sql) }
            }
        }
    }

    @Test func partsRunInTheOrderTheyStartedAndNeverTwoAtOnce() async throws {
        let session = Recorder()
        var writes = WritesInFlight(session)
        for part in 0..<20 { try await writes.start((0..<5).map { Write("\(part).\($0)", []) }) }
        try await writes.finish()
        #expect(session.statements == (0..<20).flatMap { part in (0..<5).map { "\(part).\($0)" } })
        #expect(!session.overlapped)
    }

    @Test func aFailedPartStopsTheNextFromStarting() async throws {
        let session = Recorder()
        var writes = WritesInFlight(session)
        try await writes.start([Write("a", []), Write("fail", []), Write("b", [])])
        await #expect(throws: Recorder.Failed.self) { try await writes.start([Write("c", [])]) }
        #expect(session.statements == ["a"])
        // Its error is reported once: what follows the failure finds nothing in flight.
        try await writes.finish()
    }

    @Test func anAbandonedPartIsWaitedFor() async throws {
        let session = Recorder()
        var writes = WritesInFlight(session)
        try await writes.start((0..<50).map { Write("\($0)", []) })
        await writes.abandon()
        #expect(session.statements.count == 50)
    }

    @Test func lookUpListsArePaddedToPowersOfTwo() {
        #expect(ImportSQL.padded([]) == [""])
        #expect(ImportSQL.padded(["a"]) == ["a"])
        #expect(ImportSQL.padded(["", "a", "b"]) == ["", "a", "b", ""])
        #expect(ImportSQL.padded((0..<1_000).map(String.init)).count == 1_024)
        #expect(ImportSQL.padded((0..<1_024).map(String.init)).count == 1_024)
        #expect(ImportSQL.padded((0..<1_025).map(String.init)).count == 2_048)
    }

    /// Each value once, with '', in the order of its UTF-8 bytes (SQLite's): spellings Swift holds equal but SQLite
    /// does not (precomposed é, e + U+0301) are both looked up.
    @Test func lookUpListsAreDistinctInTheOrderOfTheirBytes() {
        let precomposed = "\u{E9}药业", decomposed = "e\u{301}药业"
        let list = ImportSQL.lookUpList(["恒瑞医药", "b", precomposed, "a", "恒瑞医药", decomposed, "Z", "恒瑞", "", "b"])
        #expect(list == ["", "Z", "a", "b", decomposed, precomposed, "恒瑞", "恒瑞医药"])
        #expect(list.count == 8 && Set(list.map { Array($0.utf8) }).count == 8)
        #expect(ImportSQL.lookUpList([String]()) == [""])
        let many = (0..<3_000).map { "企业\($0 % 1_500)" }
        let expected = Array(Set(many)).map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) }
        #expect(ImportSQL.lookUpList(many).prefix(1_501).map { Array($0.utf8) } == [[]] + expected)
        #expect(ImportSQL.lookUpList(many).count == 2_048)
    }
}

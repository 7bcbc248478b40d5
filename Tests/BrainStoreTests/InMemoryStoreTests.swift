import Foundation
import GRDB
import Testing
import BrainModel
import BrainStore

/// The SQLite store opens any GRDB database: an in-memory `DatabaseQueue` built from the fixture answers exactly as
/// the file-backed store (a `DatabasePool`) does.
@Suite struct InMemoryStoreTests {
    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func anEmptyInMemoryStoreIsMigratedAndSaysItHoldsNoData() async throws {
        let store = try SQLiteStore(writer: try DatabaseQueue())
        let probe = try await store.probe()
        #expect(probe.builtAt == nil && !probe.hasEnterprises && !probe.readOnly)
        await #expect(throws: StoreError.self) { try await store.snapshot() }
        #expect(try await store.region("320500") == nil)
        #expect(try await store.searchEnterprises("医药", limit: 10, offset: 0).total == 0)
    }

    @Test func anInMemoryStoreAnswersAsTheFileStore() async throws {
        let queue = try DatabaseQueue()
        try DatabaseBuilder().build(try DatabaseFixture.bundle.get(), into: queue)
        let memory = try SQLiteStore(writer: queue), file = try await DatabaseFixture.store(.sqlite)
        let (a, b) = (try await memory.snapshot(), try await file.snapshot())
        #expect(a.enterprises.count > 5_000)
        #expect(try Self.json(a.enterprises) == Self.json(b.enterprises))
        #expect(try Self.json(a.assignments) == Self.json(b.assignments))
        #expect(try Self.json(a.regions) == Self.json(b.regions))
        for code in ["000000", "320000", "320500", "310115"] {
            #expect(try Self.json(try await memory.regionProfile(code, largest: 10)) == Self.json(try await file.regionProfile(code, largest: 10)))
        }
        for query in ["医", "医药", "上海医药", "Pharm"] {
            #expect(try Self.json(try await memory.searchEnterprises(query, limit: 20, offset: 0))
                    == Self.json(try await file.searchEnterprises(query, limit: 20, offset: 0)), "\(query)")
        }
        #expect(try Self.json(try await memory.enterprise("600276.SH")) == Self.json(try await file.enterprise("600276.SH")))
    }

    /// Write transactions run their async statements on GRDB's writer queue (GRDBStatementChannel): on a serial
    /// in-memory queue too, committed when the operation ends and rolled back entirely when it throws.
    @Test func curationsCommitAndRollBackOnAnInMemoryStore() async throws {
        var bundle = try ImportStoreTests.smallBundle.get()
        bundle.curations = []
        let queue = try DatabaseQueue()
        try DatabaseBuilder().build(bundle, into: queue)
        let store = try SQLiteStore(writer: queue), firm = CurationStoreTests.firm
        _ = try await store.addCuration(enterprise: firm, action: .add, node: "antibodies", reason: "PD-1 单抗", author: "王分析")
        #expect(CurationStoreTests.nodes(try await store.snapshot())["antibodies"] == "curation")
        let before = try await store.snapshot()
        let good = Curation(id: "in-memory-good", enterpriseId: firm, action: .remove, nodeId: "chemical-drugs", reason: "r", author: "a",
                            createdAt: "2026-11-30T00:00:00Z")
        let bad = Curation(id: "in-memory-bad", enterpriseId: firm, action: .add, nodeId: "no-such-node", reason: "r", author: "a",
                           createdAt: "2026-11-30T00:00:01Z")
        await #expect(throws: (any Error).self) { try await store.addCurations([good, bad]) }
        let after = try await store.snapshot()
        #expect(after.curations.map(\.id) == before.curations.map(\.id))
        #expect(CurationStoreTests.nodes(after) == CurationStoreTests.nodes(before))
        #expect(try await store.addCurations([good]) == 1)
        #expect(CurationStoreTests.nodes(try await store.snapshot())["chemical-drugs"] == nil)
    }
}

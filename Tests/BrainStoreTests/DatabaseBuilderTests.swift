import Foundation
import Testing
import BrainIngest
import BrainModel
import BrainStore

@Suite struct DatabaseBuilderTests {
    @Test func sqliteBuildFailingInTheLoaderLeavesTheExistingDatabaseUntouched() async throws {
        let path = DatabaseFixture.temporaryPath("rebuild")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try DatabaseBuilder().build(try DatabaseFixture.bundle.get(), to: path)
        let before = try await SQLiteStore(path: path).stats()

        let broken = FileManager.default.temporaryDirectory.appendingPathComponent("brain-broken-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: broken) }
        try FileManager.default.createDirectory(at: broken, withIntermediateDirectories: true)
        for folder in ["chain", "regions"] {
            try FileManager.default.createDirectory(at: broken.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try Data(contentsOf: DatabaseFixture.dataFolder.appendingPathComponent("chain/biomedicine.json"))
            .write(to: broken.appendingPathComponent("chain/biomedicine.json"))
        try "code,name\n11,北京市\n1x,坏\n".write(to: broken.appendingPathComponent("regions/provinces.csv"), atomically: true, encoding: .utf8)

        #expect(throws: SourceFileError(file: "regions/provinces.csv", row: 3, field: "code", value: "1x",
                                        reason: "expected a 2-digit code")) {
            try DatabaseBuilder().build(try BundleLoader(folder: broken).load().bundle, to: path)
        }
        let after = try await SQLiteStore(path: path).stats()
        #expect(after.counts == before.counts)
        #expect(after.builtAt == before.builtAt)
    }

    /// A write that fails halfway (a chain assignment naming no node breaks a foreign key after thousands of rows are
    /// in) rolls back whole on both backends: the previous data stays, and nothing half-built is left behind.
    @Test(arguments: Backend.allCases) func writeFailingHalfwayLeavesTheExistingDatabaseUntouched(_ backend: Backend) async throws {
        let location = try await DatabaseFixture.emptyLocation(backend, "halfway")
        defer { if case .sqlite(let path) = location { try? FileManager.default.removeItem(atPath: path) } }
        let good = try DatabaseFixture.bundle.get()
        try await location.build(good)
        let before = try await location.open().stats()

        var broken = good
        broken.enterprises = Array(good.enterprises.prefix(100))
        broken.assignments = [ChainAssignment(enterpriseId: broken.enterprises[0].id, nodeId: "no-such-node", method: "test",
                                              confidence: 1, evidence: "test", provenance: Provenance(source: "test", asOf: "2026-01-01"))]
        await #expect(throws: (any Error).self) { try await location.build(broken) }

        let store = try await location.open()
        let after = try await store.stats()
        #expect(after.counts == before.counts)
        #expect(after.builtAt == before.builtAt)
        #expect(try await store.regionProfile("320700", largest: 5)?.largestFirms.contains { $0.id == "600276.SH" } == true)
        if case .sqlite(let path) = location {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder)
                .filter { $0.contains(URL(fileURLWithPath: path).lastPathComponent + ".building") }
            #expect(leftovers.isEmpty)
        }
    }

    @Test(arguments: Backend.allCases) func buildRecordsCountsAndTiming(_ backend: Backend) async throws {
        let stats = try await DatabaseFixture.store(backend).stats()
        #expect((stats.counts["enterprises"] ?? 0) > 5_000)
        #expect(stats.counts["chain_nodes"] == 44)
        #expect((stats.counts["product_relations"] ?? 0) > 100_000)
        #expect(stats.builtAt != nil)
        // Recorded, not judged: build speed is a benchmark figure (brain bench store), not a test on a shared machine.
        #expect((stats.buildSeconds ?? 0) > 0)
    }

    @Test(arguments: Backend.allCases) func aNewDatabaseSaysItHoldsNoData(_ backend: Backend) async throws {
        let location = try await DatabaseFixture.emptyLocation(backend, "empty")
        defer { if case .sqlite(let path) = location { try? FileManager.default.removeItem(atPath: path) } }
        let store = try await location.open()
        #expect(try await store.stats().builtAt == nil)
        await #expect(throws: StoreError.self) { try await store.snapshot() }
    }
}

import Foundation
import Testing
import BrainIngest
import BrainStore

@Suite struct DatabaseBuilderTests {
    @Test func failedBuildLeavesTheExistingDatabaseUntouched() async throws {
        let path = DatabaseFixture.temporaryPath("rebuild")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try DatabaseFixture.build(from: DatabaseFixture.dataFolder, to: path)
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
            try DatabaseFixture.build(from: broken, to: path)
        }
        let after = try await SQLiteStore(path: path).stats()
        #expect(after.counts == before.counts)
        #expect(after.builtAt == before.builtAt)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path)
            .filter { $0.contains(URL(fileURLWithPath: path).lastPathComponent + ".building") }
        #expect(leftovers.isEmpty)
    }

    @Test func buildRecordsCountsAndTiming() async throws {
        let stats = try await DatabaseFixture.store().stats()
        #expect((stats.counts["enterprises"] ?? 0) > 5_000)
        #expect(stats.counts["chain_nodes"] == 44)
        #expect((stats.counts["product_relations"] ?? 0) > 100_000)
        #expect(stats.builtAt != nil)
        #expect((stats.buildSeconds ?? 999) < 60)
    }
}

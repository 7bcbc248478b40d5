import Foundation
import Testing
import BrainModel
import BrainStore

/// Analysts' curations on both backends: stored with provenance, never edited (revocations are records), checked
/// against the store's firms, nodes and regions, and winning over the machine in the snapshot, the portrait and the
/// store's own counts.
@Suite struct CurationStoreTests {
    static let firm = "600276.SH"  // 恒瑞医药: on chemical-drugs and innovative-drugs by the machine, in 连云港

    func store(_ backend: Backend, _ name: String) async throws -> any ImportingStore {
        let location = try await DatabaseFixture.emptyLocation(backend, name)
        var bundle = try ImportStoreTests.smallBundle.get()
        bundle.curations = []
        try await location.build(bundle)
        return try await location.open()
    }

    static func nodes(_ bundle: DataBundle, _ firm: String = firm) -> [String: String] {
        Dictionary(bundle.assignments.filter { $0.enterpriseId == firm }.map { ($0.nodeId, $0.method) }, uniquingKeysWith: { a, _ in a })
    }

    static func count(_ store: any Store, _ node: String) async throws -> Int {
        try await store.nationalNodeCounts().first { $0.nodeId == node }?.firms ?? 0
    }

    @Test(arguments: Backend.allCases) func addRemoveMoveWinEverywhereAndRevokeRestores(_ backend: Backend) async throws {
        let store = try await store(backend, "curation_nodes")
        let machine = Self.nodes(try await store.snapshot())
        #expect(machine.keys.sorted() == ["chemical-drugs", "innovative-drugs"], "the fixture's machine placement")
        let antibodiesBefore = try await Self.count(store, "antibodies")

        let added = try await store.addCuration(enterprise: Self.firm, action: .add, node: "antibodies", reason: "卡瑞利珠单抗是 PD-1 单抗",
                                                author: "王分析", source: "恒瑞医药 2021 年年度报告")
        let removed = try await store.addCuration(enterprise: Self.firm, action: .remove, node: "chemical-drugs", reason: "只留子节点", author: "王分析")
        let moved = try await store.addCuration(enterprise: Self.firm, action: .move, node: "generic-drugs", fromNode: "innovative-drugs",
                                                reason: "测试移动", author: "李分析")
        let snapshot = try await store.snapshot()
        #expect(Self.nodes(snapshot) == ["antibodies": "curation", "generic-drugs": "curation"])
        let curated = try #require(snapshot.assignments.first { $0.enterpriseId == Self.firm && $0.nodeId == "antibodies" })
        #expect(curated.confidence == 1 && curated.evidence == "卡瑞利珠单抗是 PD-1 单抗" && curated.provenance.source == "curation:" + added.id)
        #expect(try await Self.count(store, "antibodies") == antibodiesBefore + 1, "the store's own counts see the curation")

        let detail = try #require(try await store.enterprise(Self.firm))
        #expect(Set(detail.assignments.map(\.nodeId)) == ["antibodies", "generic-drugs"])
        #expect(Set(detail.machineAssignments.map(\.nodeId)) == Set(machine.keys), "the machine's evidence is kept beside the curations")
        #expect(detail.curations.map(\.curation.id) == [added.id, removed.id, moved.id])
        #expect(detail.curations[0].curation.author == "王分析" && detail.curations[0].curation.source == "恒瑞医药 2021 年年度报告")

        let revocation = try await store.revokeCuration(moved.id, reason: "移动有误", author: "李分析")
        #expect(revocation.action == .revoke && revocation.revokes == moved.id && revocation.enterpriseId == Self.firm)
        #expect(Self.nodes(try await store.snapshot()) == ["antibodies": "curation", "innovative-drugs": machine["innovative-drugs"] ?? "?"])
        let history = CurationRecord.history(try await store.curations(enterprise: Self.firm))
        #expect(history.count == 4 && history.first { $0.curation.id == moved.id }?.revokedBy == revocation.id, "history is kept")
        #expect(try await store.curations(enterprise: nil).count == 4)
        #expect(try await store.curations(enterprise: "000001.SZ").isEmpty)

        await #expect(throws: CurationError.self) { try await store.revokeCuration(moved.id, reason: "再撤销", author: "李分析") }
        await #expect(throws: CurationError.self) { try await store.revokeCuration(revocation.id, reason: "撤销撤销", author: "李分析") }
        await #expect(throws: CurationError.self) { try await store.revokeCuration("no-such-id", reason: "x", author: "李分析") }
        for c in [added, removed] { _ = try await store.revokeCuration(c.id, reason: "全部撤销", author: "王分析") }
        #expect(Self.nodes(try await store.snapshot()) == machine, "every curation revoked: the machine's placement again")
        #expect(try await Self.count(store, "antibodies") == antibodiesBefore)
    }

    @Test(arguments: Backend.allCases) func locateSetsDistrictCityAndProvince(_ backend: Backend) async throws {
        let store = try await store(backend, "curation_locate")
        let machine = try #require(try await store.snapshot().enterprises.first { $0.id == Self.firm })
        let located = try await store.addCuration(enterprise: Self.firm, action: .locate, region: "320506", reason: "测试：吴中区",
                                                  author: "王分析")
        let firm = try #require(try await store.snapshot().enterprises.first { $0.id == Self.firm })
        #expect([firm.provinceCode, firm.cityCode, firm.districtCode] == ["320000", "320500", "320506"])
        let detail = try #require(try await store.enterprise(Self.firm))
        #expect(detail.cityName == "苏州市" && detail.enterprise.districtCode == "320506")
        let suzhou = try #require(try await store.regionProfile("320500", largest: 50))
        #expect(suzhou.largestFirms.contains { $0.id == Self.firm }, "the store's region queries see the curated location")
        _ = try await store.revokeCuration(located.id, reason: "撤销", author: "王分析")
        let back = try #require(try await store.snapshot().enterprises.first { $0.id == Self.firm })
        #expect([back.provinceCode, back.cityCode, back.districtCode] == [machine.provinceCode, machine.cityCode, machine.districtCode])
        #expect(back.cityCode == "320700", "恒瑞医药 is back in 连云港")
    }

    @Test(arguments: Backend.allCases) func badCurationsAreRefusedWholeWithTheirFields(_ backend: Backend) async throws {
        let store = try await store(backend, "curation_refused")
        let good = Curation(id: "c-good", enterpriseId: Self.firm, action: .add, nodeId: "antibodies", reason: "好", author: "王分析",
                            createdAt: "2026-11-29T00:00:00Z")
        var batch = [good]
        batch.append(Curation(id: "c1", enterpriseId: "999999.SH", action: .add, nodeId: "antibodies", reason: "x", author: "a", createdAt: "2026"))
        batch.append(Curation(id: "c2", enterpriseId: Self.firm, action: .move, nodeId: "rockets", reason: "x", author: "a", createdAt: "2026"))
        batch.append(Curation(id: "c3", enterpriseId: Self.firm, action: .locate, regionCode: "999999", reason: "x", author: "a", createdAt: "2026"))
        batch.append(Curation(id: "c4", enterpriseId: Self.firm, action: .remove, nodeId: "api", reason: "  ", author: "a", createdAt: "2026"))
        do {
            try await store.addCurations(batch)
            Issue.record("a batch with bad curations was written")
        } catch let error as CurationError {
            let found = error.problems.map { "\($0.index) \($0.field) \($0.code.rawValue)" }
            #expect(found == ["1 firm unknown-firm", "2 from_node missing-value", "2 node unknown-node", "3 region unknown-region",
                              "4 reason empty-reason"])
            #expect(error.problems.first?.message.hasPrefix("未知企业") == true)
        }
        #expect(try await store.curations(enterprise: nil).isEmpty, "nothing of the batch was written")
        #expect(try await store.addCurations([good, good]) == 1)
        #expect(try await store.addCurations([good]) == 0, "the same id again changes nothing")
        #expect(try await store.curations(enterprise: nil).map(\.id) == ["c-good"])
    }

    @Test(arguments: Backend.allCases) func aBuildWithCurationsWritesThemThrough(_ backend: Backend) async throws {
        let location = try await DatabaseFixture.emptyLocation(backend, "curation_build")
        var bundle = try ImportStoreTests.smallBundle.get()
        bundle.curations = [Curation(id: "k1", enterpriseId: Self.firm, action: .move, nodeId: "antibodies", fromNodeId: "chemical-drugs",
                                     reason: "重建后仍在", author: "王分析", createdAt: "2026-11-29T00:00:00Z")]
        try await location.build(bundle)
        let store = try await location.open()
        #expect(try await store.curations(enterprise: nil).map(\.id) == ["k1"])
        let machineMethod = try #require(bundle.assignments.first { $0.enterpriseId == Self.firm && $0.nodeId == "innovative-drugs" }?.method)
        #expect(Self.nodes(try await store.snapshot()) == ["antibodies": "curation", "innovative-drugs": machineMethod])
        let detail = try #require(try await store.enterprise(Self.firm))
        #expect(Set(detail.machineAssignments.map(\.nodeId)) == ["chemical-drugs", "innovative-drugs"])
        // Revoked after the build: back to the machine's placement the build recorded.
        _ = try await store.revokeCuration("k1", reason: "撤销", author: "王分析")
        #expect(Set(Self.nodes(try await store.snapshot()).keys) == ["chemical-drugs", "innovative-drugs"])
    }
}

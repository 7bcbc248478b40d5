import Foundation
import Testing
import BrainModel
import BrainStore

/// On PostgreSQL a firm an import creates gets its facts, nodes and name grams without a conflict clause (copied
/// straight into their tables): a node a row names twice is stored once, with the first naming's method, as the
/// clause keeps it on SQLite; a later row of the same file for the same firm still updates it. Both engines agree.
@Suite struct NewFirmRowsTests {
    static func code(_ i: Int) -> String { "91320594MA1Q0X\(String(format: "%03d", i))U" }

    @Test(arguments: Backend.allCases) func aNewFirmsRowsGoInOncePerKey(_ backend: Backend) async throws {
        let store = try await ImportStoreTests().store(backend, "new_firm_rows")
        // Twenty firms, so each table's rows come as one merged insert (PostgreSQL's COPY takes 16 or more).
        var rows = (0..<20).map { i in
            var row = ImportStoreTests.firm(2 + i, "苏州新建\(i)号抗体生物有限公司", uscc: Self.code(i), employees: 10 + i)
            row.assignments = [NodeEvidence(nodeId: "antibodies", method: "import-scope", confidence: 0.5, evidence: "经营范围含 单抗"),
                               NodeEvidence(nodeId: "cro", method: "import-scope", confidence: 0.5, evidence: "经营范围含 CRO"),
                               NodeEvidence(nodeId: "antibodies", method: "import-industry", confidence: 0.9, evidence: "所属行业")]
            return row
        }
        // The first firm again, renamed and larger, further down the same file.
        rows.append(ImportStoreTests.firm(30, "苏州新建零号抗体生物有限公司", uscc: Self.code(0), employees: 99))
        let outcome = try await ImportStoreTests().run(store, ImportStoreTests.header("new.csv"), rows)
        #expect(outcome.created == 20 && outcome.updated == 1, "\(outcome)")
        let second = try #require(try await store.enterprise(Self.code(1)))
        let nodes = second.assignments.filter { $0.provenance.source.hasPrefix("import:") }
        #expect(nodes.map(\.nodeId).sorted() == ["antibodies", "cro"], "\(nodes)")
        #expect(nodes.first { $0.nodeId == "antibodies" }?.method == "import-scope")
        let first = try #require(try await store.enterprise(Self.code(0)))
        #expect(first.enterprise.employees == 99 && first.enterprise.name == "苏州新建零号抗体生物有限公司")
        // The renamed firm is found by its new name and no longer by the old one's own grams.
        #expect(try await store.searchEnterprises("新建零号", limit: 5, offset: 0, visibleTo: .organisation(nil)).items.map(\.id) == [Self.code(0)])
        #expect(try await store.searchEnterprises("新建0号", limit: 5, offset: 0, visibleTo: .organisation(nil)).items.isEmpty)
        #expect(try await store.searchEnterprises("新建1号", limit: 5, offset: 0, visibleTo: .organisation(nil)).items.map(\.id) == [Self.code(1)])
    }
}

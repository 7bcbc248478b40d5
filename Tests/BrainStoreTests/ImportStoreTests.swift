import Foundation
import Testing
import BrainIngest
import BrainModel
@testable import BrainStore

/// The write side of both stores: imports, history, the review queue. Each test writes into its own small database
/// (the real regions and chain, a few real listed firms).
@Suite struct ImportStoreTests {
    static let smallBundle: Result<DataBundle, any Error> = Result {
        var bundle = try DatabaseFixture.bundle.get()
        let keep = Set(bundle.enterprises.filter { $0.isBiomedicine }.prefix(40).map(\.id) + ["600276.SH"])
        bundle.enterprises = bundle.enterprises.filter { keep.contains($0.id) }
        bundle.assignments = bundle.assignments.filter { keep.contains($0.enterpriseId) }
        bundle.names = bundle.names.filter { keep.contains($0.enterpriseId) }
        (bundle.products, bundle.events, bundle.productRelations) = ([], [], [])
        return bundle
    }

    func store(_ backend: Backend, _ name: String) async throws -> any ImportingStore {
        let location = try await DatabaseFixture.emptyLocation(backend, name.replacingOccurrences(of: "-", with: "_"))
        try await location.build(try Self.smallBundle.get())
        return try await location.open()
    }

    static func header(_ file: String, asOf: String = "2024-01-01", fingerprint: String? = nil) -> ImportHeader {
        ImportHeader(kind: "enterprises", file: file, fingerprint: fingerprint ?? Fingerprint.of(file + asOf), asOf: asOf,
                     importedAt: "2026-11-23T00:00:00Z")
    }

    static func firm(_ line: Int, _ name: String, uscc: String? = nil, city: String? = "320500", employees: Int? = nil,
                     extra: [String: String] = [:]) -> ImportedEnterprise {
        var facts = ["name": name].merging(extra) { $1 }
        if let uscc { facts["uscc"] = uscc }
        if let employees { facts["employees"] = String(employees) }
        return ImportedEnterprise(line: line, name: name, normalizedName: CompanyName.normalized(name), uscc: uscc,
                                  provinceCode: city.map { String($0.prefix(2)) + "0000" }, cityCode: city, employees: employees,
                                  facts: facts, assignments: [NodeEvidence(nodeId: "antibodies", method: "import-scope", confidence: 0.5,
                                                                          evidence: "经营范围含 单抗")],
                                  isBiomedicine: true, parentName: CompanyName.normalized(name).hasSuffix("分公司") ? "江苏恒瑞医药股份有限公司" : nil)
    }

    func run(_ store: any ImportingStore, _ header: ImportHeader, _ records: [ImportedEnterprise]) async throws -> ImportOutcome {
        var batches = [records]
        return try await store.importEnterprises(header) { batches.isEmpty ? nil : batches.removeFirst() }
    }

    @Test(arguments: Backend.allCases) func sameFileTwiceChangesNothing(_ backend: Backend) async throws {
        let store = try await store(backend, "import-twice")
        let rows = [Self.firm(2, "苏州甲抗体生物科技有限公司", employees: 30), Self.firm(3, "苏州乙生物医药有限公司", uscc: "914403001922038216")]
        let first = try await run(store, Self.header("a.csv"), rows)
        #expect(first.created == 2 && first.updated == 0)
        let before = try await store.stats().counts
        let again = try await run(store, Self.header("a.csv"), rows)
        #expect(again.alreadyImportedAs == first.importId)
        // Another file with the same rows: every row unchanged, nothing written but the import's own record.
        let copy = try await run(store, Self.header("copy.csv", fingerprint: "other"), rows)
        #expect(copy.unchanged == 2 && copy.created == 0 && copy.updated == 0)
        #expect(try await store.stats().counts == before)
        #expect(try await store.imports().count == 2)
    }

    @Test(arguments: Backend.allCases) func newerFileUpdatesAndKeepsHistoryOlderFileOnlyAddsHistory(_ backend: Backend) async throws {
        let store = try await store(backend, "import-history")
        let code = "914403001922038216"
        _ = try await run(store, Self.header("2024.csv", asOf: "2024-01-01"), [Self.firm(2, "苏州丙医药有限公司", uscc: code, employees: 30)])
        let newer = try await run(store, Self.header("2025.csv", asOf: "2025-01-01"), [Self.firm(5, "苏州丙医药有限公司", uscc: code, employees: 80)])
        #expect(newer.updated == 1)
        let older = try await run(store, Self.header("2023.csv", asOf: "2023-01-01"), [Self.firm(9, "苏州丙医药有限公司", uscc: code, employees: 10)])
        #expect(older.history == 1 && older.updated == 0)
        let firm = try #require(try await store.enterprise(code))
        #expect(firm.enterprise.employees == 80)
        let employees = try await store.enterpriseFacts(code).filter { $0.field == "employees" }
        #expect(employees.map(\.value) == ["80", "30", "10"])
        #expect(employees.map(\.current) == [true, false, false])
        #expect(employees.first?.file == "2025.csv" && employees.first?.row == 5 && employees.first?.asOf == "2025-01-01")
    }

    @Test(arguments: Backend.allCases) func sameNameWithoutCodeGoesToReviewAndAcceptMerges(_ backend: Backend) async throws {
        let store = try await store(backend, "import-review")
        // 江苏恒瑞医药股份有限公司 is the full name of the listed 600276.SH, which has no code in the bundle.
        let outcome = try await run(store, Self.header("hr.csv"), [Self.firm(2, "江苏恒瑞医药股份有限公司", city: "320700", employees: 99)])
        #expect(outcome.review == 1 && outcome.created == 0)
        let item = try #require(try await store.reviewItems(status: .pending).first)
        #expect(item.kind == .sameEntity && item.candidateId == "600276.SH" && item.row == 2)
        let decided = try await store.decideReview(item.id, accept: true)
        #expect(decided.status == .accepted && decided.enterpriseId == "600276.SH")
        let merged = try #require(try await store.enterprise("600276.SH"))
        #expect(merged.enterprise.employees == 99 && merged.enterprise.name == "恒瑞医药")
        #expect(try await store.enterpriseFacts("600276.SH").contains { $0.field == "employees" && $0.value == "99" })
        await #expect(throws: ImportStoreError.alreadyDecided(item.id, "accepted")) { try await store.decideReview(item.id, accept: false) }
    }

    @Test(arguments: Backend.allCases) func rejectedCandidateBecomesItsOwnFirm(_ backend: Backend) async throws {
        let store = try await store(backend, "import-reject")
        _ = try await run(store, Self.header("hr.csv"), [Self.firm(2, "江苏恒瑞医药股份有限公司", city: "320700")])
        let item = try #require(try await store.reviewItems(status: .pending).first)
        let decided = try await store.decideReview(item.id, accept: false)
        let own = try #require(decided.enterpriseId)
        #expect(own != "600276.SH")
        #expect(try await store.enterprise(own)?.enterprise.name == "江苏恒瑞医药股份有限公司")
        #expect(try await store.enterprise("600276.SH")?.enterprise.employees != nil)
        // The decision's new firm is found by two characters (its grams were held, then written with the decision).
        #expect(try await store.searchEnterprises("恒瑞", limit: 50, offset: 0).items.map(\.id).contains(own))
    }

    /// A 上海 firm carrying a 苏州 firm's code (a typo or a placeholder) used to overwrite the 苏州 firm's name and city.
    @Test(arguments: Backend.allCases) func aCodeDoesNotMergeFirmsWhoseNameAndRegionBothDisagree(_ backend: Backend) async throws {
        let store = try await store(backend, "import-code-conflict")
        let code = "914403001922038216"
        _ = try await run(store, Self.header("suzhou.csv"), [Self.firm(2, "苏州丙医药有限公司", uscc: code, city: "320500", employees: 30)])
        let conflict = try await run(store, Self.header("shanghai.csv", asOf: "2025-01-01"),
                                     [Self.firm(3, "上海丁生物科技有限公司", uscc: code, city: "310000", employees: 5)])
        #expect(conflict.review == 1 && conflict.updated == 0 && conflict.created == 0)
        let item = try #require(try await store.reviewItems(status: .pending).first)
        #expect(item.kind == .sameEntity && item.candidateId == code && item.row == 3 && item.file == "shanghai.csv")
        #expect(item.reasons.map(\.code) == ["review.code-held"] && item.reason.contains("代码相同，名称和地区都不同"), "\(item.reason)")
        // The regions compared are places a person reads, not codes; the decided item says so too.
        #expect(item.reason.contains("已属于苏州丙医药有限公司（江苏省苏州市），本行却是上海丁生物科技有限公司（上海市）"), "\(item.reason)")
        #expect(item.rendered(in: .en).reason.contains("in “江苏省苏州市”, but this row names “上海丁生物科技有限公司” in “上海市”"), "\(item.rendered(in: .en).reason)")
        func suzhouFirmIsIntact() async throws {
            let firm = try #require(try await store.enterprise(code)).enterprise
            #expect(firm.name == "苏州丙医药有限公司" && firm.cityCode == "320500" && firm.employees == 30)
        }
        try await suzhouFirmIsIntact()
        // Rejecting the merge leaves the firm as it was and writes nothing for the row.
        let decided = try await store.decideReview(item.id, accept: false)
        #expect(decided.status == .rejected && decided.reason == item.reason)
        try await suzhouFirmIsIntact()
        // A rename in the same city, or a move under the same name, is the same firm and updates it.
        let renamed = try await run(store, Self.header("renamed.csv", asOf: "2026-01-01"),
                                    [Self.firm(4, "苏州丙药业有限公司", uscc: code, city: "320500", employees: 31)])
        #expect(renamed.updated == 1 && renamed.review == 0)
        let moved = try await run(store, Self.header("moved.csv", asOf: "2026-06-01"),
                                  [Self.firm(5, "苏州丙药业有限公司", uscc: code, city: "310000", employees: 32)])
        #expect(moved.updated == 1 && moved.review == 0)
        #expect(try await store.enterprise(code)?.enterprise.cityCode == "310000")
    }

    @Test(arguments: Backend.allCases) func acceptingACodeConflictMerges(_ backend: Backend) async throws {
        let store = try await store(backend, "import-code-accept")
        let code = "914403001922038216"
        _ = try await run(store, Self.header("suzhou.csv"), [Self.firm(2, "苏州丙医药有限公司", uscc: code, city: "320500")])
        _ = try await run(store, Self.header("shanghai.csv", asOf: "2025-01-01"), [Self.firm(3, "上海丁生物科技有限公司", uscc: code, city: "310000")])
        let item = try #require(try await store.reviewItems(status: .pending).first)
        #expect(try await store.decideReview(item.id, accept: true).enterpriseId == code)
        #expect(try await store.enterprise(code)?.enterprise.cityCode == "310000")
    }

    @Test(arguments: Backend.allCases) func companyFormsAreNotCandidatesAndBranchesLinkToParents(_ backend: Backend) async throws {
        let store = try await store(backend, "import-forms")
        let outcome = try await run(store, Self.header("forms.csv"), [
            Self.firm(2, "苏州丁医药有限公司"), Self.firm(3, "苏州丁医药有限责任公司"), Self.firm(4, "江苏恒瑞医药股份有限公司苏州分公司"),
        ])
        #expect(outcome.created == 3 && outcome.review == 0 && outcome.branchesLinked == 1)
    }

    @Test(arguments: Backend.allCases) func importedFirmsAreSearchable(_ backend: Backend) async throws {
        let store = try await store(backend, "import-search")
        _ = try await run(store, Self.header("s.csv"), [Self.firm(2, "苏州戊抗体生物科技有限公司")])
        for query in ["戊抗", "戊抗体", "戊抗体生物"] {
            let page = try await store.searchEnterprises(query, limit: 10, offset: 0)
            #expect(page.items.map(\.name) == ["苏州戊抗体生物科技有限公司"], "\(query)")
            #expect(page.total == 1, "\(query)")
        }
        // A newer name replaces the old one in the index.
        _ = try await run(store, Self.header("s2.csv", asOf: "2025-01-01"),
                          [Self.firm(2, "苏州戊抗体生物科技有限公司", employees: 5)])
        #expect(try await store.searchEnterprises("苏州戊", limit: 10, offset: 0).total == 1)
    }

    /// SQLite fills the search indexes of an import's firms once at its end: a firm created and renamed by the same
    /// file, and a firm an earlier import created renamed by a later one, are found by their new names only.
    @Test(arguments: Backend.allCases) func renamedFirmsAreFoundByTheirNewNamesOnly(_ backend: Backend) async throws {
        let store = try await store(backend, "import-rename")
        let (a, b) = ("914403001922038216", "91320594MA1MXXXX4Y")
        _ = try await run(store, Self.header("r1.csv"), [Self.firm(2, "苏州庚抗体生物科技有限公司", uscc: a),
                                                         Self.firm(3, "苏州壬疫苗有限公司", uscc: b),
                                                         Self.firm(4, "苏州辛抗体生物科技有限公司", uscc: a)])
        _ = try await run(store, Self.header("r2.csv", asOf: "2025-01-01"), [Self.firm(2, "苏州癸疫苗有限公司", uscc: b)])
        for (query, found) in [("庚抗", [String]()), ("庚抗体", []), ("辛抗", ["苏州辛抗体生物科技有限公司"]), ("辛抗体生物", ["苏州辛抗体生物科技有限公司"]),
                               ("壬疫", []), ("壬疫苗", []), ("癸疫", ["苏州癸疫苗有限公司"]), ("癸疫苗", ["苏州癸疫苗有限公司"])] {
            let page = try await store.searchEnterprises(query, limit: 10, offset: 0)
            #expect(page.items.map(\.name) == found, "\(query)")
            #expect(page.total == found.count, "\(query)")
        }
    }

    @Test(arguments: Backend.allCases) func anImportThatFailsMidwayLeavesTheStoreAsBefore(_ backend: Backend) async throws {
        let store = try await store(backend, "import-abort")
        let before = try await store.stats().counts
        struct Interrupted: Error {}
        var batches = 0
        await #expect(throws: Interrupted.self) {
            _ = try await store.importEnterprises(Self.header("broken.csv")) {
                batches += 1
                if batches == 3 { throw Interrupted() }
                return (0..<100).map { Self.firm(batches * 1000 + $0, "苏州第\(batches)批\($0)号医药有限公司") }
            }
        }
        #expect(try await store.stats().counts == before)
        #expect(try await store.imports().isEmpty)
        #expect(try await store.searchEnterprises("第1批", limit: 5, offset: 0).total == 0)
    }

    /// Batches are looked up in pairs and written while the next is planned: a row still finds the firm an earlier
    /// row created, in the same batch, the other batch of its pair, or an earlier pair.
    @Test(arguments: Backend.allCases) func rowsFindFirmsEarlierBatchesCreated(_ backend: Backend) async throws {
        let store = try await store(backend, "import-batches")
        let code = "914403001922038216"
        var batches = (1...5).map { batch in
            [Self.firm(batch * 10, "苏州乙生物医药有限公司", uscc: code, employees: batch * 100)]
                + (1...3).map { Self.firm(batch * 10 + $0, "苏州第\(batch)批\($0)号医药有限公司") }
        }
        let outcome = try await store.importEnterprises(Self.header("batches.csv")) { batches.isEmpty ? nil : batches.removeFirst() }
        #expect(outcome.created == 1 + 15 && outcome.updated == 4 && outcome.review == 0)
        let firm = try #require(try await store.enterprise(code))
        #expect(firm.enterprise.employees == 500)
        let employees = try await store.enterpriseFacts(code).filter { $0.field == "employees" }
        #expect(employees.map(\.value) == ["500", "400", "300", "200", "100"] && employees.map(\.current) == [true, false, false, false, false])
    }

    /// A group's look-ups run before the last batch of the group before is written, unless they read what that batch
    /// writes: a firm it creates without a code (found by name and city), a stored firm it renames (found by the new
    /// name), a firm it creates with a code (found by the code). Each case alone must send the look-ups after the
    /// writes; reading too early would create the firm twice (the import fails) or miss the candidate.
    @Test(arguments: Backend.allCases, 0..<3) func lookUpsWaitForTheWritesTheyRead(_ backend: Backend, _ dependence: Int) async throws {
        let store = try await store(backend, "import-early-\(dependence)")
        let stored = "91320500MA1EARLY01", created = "91320500MA1EARLY02"
        _ = try await run(store, Self.header("before.csv"), [Self.firm(2, "苏州己医药有限公司", uscc: stored, employees: 10)])
        let written: ImportedEnterprise, reading: ImportedEnterprise
        switch dependence {
        case 0: (written, reading) = (Self.firm(3, "苏州戊医药有限公司", employees: 1), Self.firm(5, "苏州戊医药有限公司", employees: 2))
        case 1: (written, reading) = (Self.firm(3, "苏州庚医药有限公司", uscc: stored, employees: 11), Self.firm(5, "苏州庚医药有限公司", employees: 3))
        default: (written, reading) = (Self.firm(3, "苏州辛医药有限公司", uscc: created, employees: 1), Self.firm(5, "苏州辛医药有限公司", uscc: created, employees: 4))
        }
        // Groups of two batches: [filler] [written] | [reading] [filler].
        var batches = [[Self.firm(2, "苏州填充甲医药有限公司")], [written], [reading], [Self.firm(6, "苏州填充乙医药有限公司")]]
        let outcome = try await store.importEnterprises(Self.header("early.csv")) { batches.isEmpty ? nil : batches.removeFirst() }
        switch dependence {
        case 0: #expect(outcome.created == 3 && outcome.review == 1, "\(outcome)")
        case 1: #expect(outcome.created == 2 && outcome.updated == 1 && outcome.review == 1, "\(outcome)")
        default:
            #expect(outcome.created == 3 && outcome.updated == 1 && outcome.review == 0, "\(outcome)")
            #expect(try await store.enterprise(created)?.enterprise.employees == 4)
        }
        if outcome.review == 1 {
            let item = try #require(try await store.reviewItems(status: .pending).first)
            #expect(item.row == 5 && item.candidateId == (dependence == 0 ? ImportPlanner.ownId(written) : stored), "\(item)")
        }
    }

    /// A row stored in the review queue before its reasons were data reads back with its text as `review.note`.
    @Test func aRecordStoredWithTextReasonsStillReads() throws {
        let json = #"{"line":3,"name":"甲公司","normalizedName":"甲","facts":{},"assignments":[],"isBiomedicine":false,"reviewReasons":["地址无法确定"]}"#
        let record = try JSONDecoder().decode(ImportedEnterprise.self, from: Data(json.utf8))
        #expect(record.reviewReasons == [.note("地址无法确定")])
        #expect(ReasonText.render(record.reviewReasons, in: .en) == "as written: 地址无法确定")
        let again = try JSONDecoder().decode(ImportedEnterprise.self, from: try JSONEncoder().encode(record))
        #expect(again == record)
    }

    @Test(arguments: Backend.allCases) func rejectingALocationRemovesTheImportedFirm(_ backend: Backend) async throws {
        let store = try await store(backend, "import-location")
        var firm = Self.firm(2, "朝阳己医疗器械有限公司", city: nil)
        firm.reviewReasons = [Reason("import.address-ambiguous", ["candidates": "北京市朝阳区 / 吉林省长春市朝阳区"])]
        let outcome = try await run(store, Self.header("loc.csv"), [firm])
        #expect(outcome.created == 1 && outcome.review == 1)
        let item = try #require(try await store.reviewItems(status: .pending).first)
        #expect(item.kind == .location)
        // The reason is kept as data and worded per reader.
        #expect(item.reasons.map(\.code) == ["import.address-ambiguous"])
        #expect(item.reason == "地址无法确定属于 北京市朝阳区 / 吉林省长春市朝阳区 中的哪一个")
        #expect(item.rendered(in: .en).reason == "the address does not decide between “北京市朝阳区 / 吉林省长春市朝阳区”")
        _ = try await store.decideReview(item.id, accept: false)
        #expect(try await store.enterprise(try #require(item.enterpriseId)) == nil)
        #expect(try await store.searchEnterprises("朝阳己", limit: 5, offset: 0).total == 0)
    }
}

/// Products, events and relations naming firms by code, registered name or short name.
@Suite struct LinkImportTests {
    @Test(arguments: Backend.allCases) func linksResolveTheirFirmsAndAreAddedOnce(_ backend: Backend) async throws {
        let store = try await ImportStoreTests().store(backend, "links")
        let hengrui = FirmReference(uscc: nil, name: "恒瑞医药"), full = FirmReference(uscc: nil, name: "江苏恒瑞医药股份有限公司")
        let links: [ImportedLink] = [
            .product(line: 2, firm: hengrui, product: "示例抗体", revenueShare: 0.35),
            .product(line: 3, firm: full, product: "示例抗体", revenueShare: 0.35),
            .product(line: 4, firm: FirmReference(uscc: nil, name: "不存在医药有限公司"), product: "某药", revenueShare: nil),
            .event(line: 5, firm: full, kind: .approval, date: "2024-03-01", title: "示例新药获批", detail: nil),
            .relation(line: 6, from: "示例抗体", to: "示例培养基", kind: .upstreamMaterial),
        ]
        var batches = [links]
        let outcome = try await store.importLinks(ImportStoreTests.header("links.csv"), rejectUnresolved: false) {
            batches.isEmpty ? nil : batches.removeFirst()
        }
        #expect(outcome.created == 3 && outcome.unchanged == 1)
        #expect(outcome.unresolved == [UnresolvedRow(line: 4, reason: Reason("link.no-firm-named", ["firm": "不存在医药有限公司"]))])
        let detail = try #require(try await store.enterprise("600276.SH"))
        #expect(detail.products.contains { $0.product == "示例抗体" && $0.revenueShare == 0.35 && $0.provenance.source.hasPrefix("import:") })
        #expect(detail.events.contains { $0.kind == .approval && $0.title == "示例新药获批" })
        // A newer share updates; with rejectUnresolved an unknown firm abandons the whole file.
        batches = [[.product(line: 2, firm: hengrui, product: "示例抗体", revenueShare: 0.4)]]
        let newer = try await store.importLinks(ImportStoreTests.header("links2.csv"), rejectUnresolved: false) {
            batches.isEmpty ? nil : batches.removeFirst()
        }
        #expect(newer.updated == 1)
        let before = try await store.stats().counts
        batches = [[.event(line: 2, firm: hengrui, kind: .funding, date: "2024-05-01", title: "示例融资", detail: nil),
                    .product(line: 3, firm: FirmReference(uscc: "914403001922038216", name: nil), product: "x", revenueShare: nil)]]
        await #expect(throws: ImportStoreError.self) {
            _ = try await store.importLinks(ImportStoreTests.header("links3.csv"), rejectUnresolved: true) {
                batches.isEmpty ? nil : batches.removeFirst()
            }
        }
        #expect(try await store.stats().counts == before)
    }
}

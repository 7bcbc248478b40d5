import Foundation
import Testing
import BrainIngest
import BrainModel
import BrainStore
import BrainUseCases

@Suite struct ImportKindTests {
    @Test func theAPIsKindParameterNamesAnImportableKind() {
        #expect(ImportKind.importable(nil) == .enterprises, "no kind given means enterprises, as the API always had it")
        #expect(ImportKind.importable("talents") == .talents)
        #expect(ImportKind.importable("policies") == .policies)
        #expect(ImportKind.importable("Enterprises") == nil)
        #expect(ImportKind.importable("") == nil)
        #expect(Set(ImportKind.importableKinds) == Set(ImportKind.allCases.filter(\.isImportable)))
        #expect(ImportKind.importableKinds.compactMap(\.marketKind) == [.demand, .offer, .talent])
    }

    /// A template a user downloads must be read back by the kind's own check: each of its columns is one of the
    /// kind's header synonyms.
    @Test(arguments: ImportKind.importableKinds)
    func everyTemplateColumnIsAHeaderTheKindKnows(kind: ImportKind) throws {
        let table = try #require(kind.template)
        #expect(table.count == 2 && table[0].count == table[1].count, "a header and one example row of the same width")
        let columns = HeaderMapping(header: table[0], synonyms: kind.headerSynonyms).columns
        let unknown = columns.filter { $0.field == nil }.map(\.header)
        #expect(unknown.isEmpty, "\(kind.rawValue): template columns no synonym maps: \(unknown)")
        #expect(!kind.label.zh.isEmpty && !kind.label.en.isEmpty)
    }

    /// The policies template, downloaded as CSV and as XLSX, reads back as one clause whose eligibility and action are
    /// the example's.
    @Test func thePoliciesTemplateReadsBackAsOneClause() throws {
        let folder = try ImportServiceTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try ImportKind.policies.writeTemplates(to: folder)
        let taxonomy = try BundleLoader.loadTaxonomy(UseCaseFixture.dataFolder.appendingPathComponent("chain/biomedicine.json"), file: "chain")
        let resolver = try AddressResolver.load(dataFolder: UseCaseFixture.dataFolder)
        for file in [written.csv, written.xlsx] {
            var clauses: [ImportedPolicy] = []
            let summary = try PolicyFileCheck(url: file, taxonomy: taxonomy, resolver: resolver).run { clauses.append($0) }
            #expect(summary.rows == 1 && summary.accepted == 1 && summary.problems.isEmpty, "\(file.lastPathComponent): \(summary.problems)")
            let clause = try #require(clauses.first)
            #expect(clause.policy.id == "示例-001" && clause.policy.regionCode == "320500" && clause.policy.maxAmountWan == 2000)
            #expect(clause.rule.action == "在苏州市实施产业化")
            #expect(clause.rule.conditions.map(\.field) == ["nodes", "region", "biomedicine", "employees", "registeredCapitalWan", "ageYears", "approvals"])
        }
    }
}

@Suite struct ImportServiceTests {
    /// A service whose store must not be reached (a check of a kind that needs none).
    static let service = ImportService(sources: .init(
        store: { throw NoStore() }, resolver: { try AddressResolver.load(dataFolder: UseCaseFixture.dataFolder) },
        classifier: { try ImportClassifier.load(dataFolder: UseCaseFixture.dataFolder) }))
    struct NoStore: Error {}

    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("usecase-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test(arguments: [ImportKind.enterprises, .products, .events, .relations])
    func theTemplateChecksCleanThroughTheService(kind: ImportKind) async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try kind.writeTemplates(to: folder)
        for file in [written.csv, written.xlsx] {
            let summary = try await Self.service.check(ImportJob(kind: kind, file: file))
            #expect(summary.rows == 1 && summary.accepted == 1 && summary.rejected == 0, "\(file.lastPathComponent): \(summary.problems)")
        }
    }

    @Test func anUnreadableFileIsAFailureNamingTheFile() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("empty.csv")
        try Data().write(to: file)
        await #expect {
            _ = try await Self.service.check(ImportJob(kind: .enterprises, file: file))
        } throws: { error in
            guard case ImportFailure.unreadable(let fileError) = error else { return false }
            return fileError.description.hasPrefix("empty.csv")
        }
    }

    @Test func theFingerprintIsTheContentsFingerprint() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("a.csv"), bytes = Data("企业名称\n示例\n".utf8)
        try bytes.write(to: file)
        var expected = Fingerprint()
        expected.add(bytes)
        #expect(try ImportService.fingerprint(file) == expected.hex)
    }
}

import Foundation
import Testing
import BrainIngest
import BrainModel
import BrainStore

/// The names table on both backends: filled by build-db from the bundle, read by resolution and search, kept by imports.
@Suite struct NameStoreTests {
    @Test(arguments: Backend.allCases) func buildDBFillsTheNamesAndResolutionReadsThem(_ backend: Backend) async throws {
        let store = try await DatabaseFixture.store(backend)
        let resolutions = try await store.resolveNames(["三九医药", "Jiangsu Hengrui Pharmaceuticals Co., Ltd.", "江苏恒瑞医药有限公司", "华润三九"])
        #expect(resolutions.map(\.enterpriseId) == ["000999.SZ", "600276.SH", nil, "000999.SZ"])
        let former = try #require(resolutions[0].matches.first)
        #expect(former.kind == .formerShortName && former.name == "三九医药" && !former.source.isEmpty)
        #expect(resolutions[1].matches.first?.kind == .englishName)
        #expect(resolutions[2].status == .unknown && resolutions[2].matches.isEmpty)
        let summaries = try await store.enterpriseSummaries(ids: ["600276.SH", "000999.SZ", "no-such-firm"])
        #expect(summaries.map(\.id) == ["600276.SH", "000999.SZ"])
    }

    @Test(arguments: Backend.allCases) func aliasSearchFindsEnglishAndFormerNamesByTheirParts(_ backend: Backend) async throws {
        let store = try await DatabaseFixture.store(backend)
        let english = try await store.aliasNames(containing: "Jiangsu Hengrui", limit: 20)
        #expect(english.contains { $0.enterpriseId == "600276.SH" && $0.kind == .englishName })
        let former = try await store.aliasNames(containing: "双鹤药业", limit: 20)
        #expect(former.contains { $0.enterpriseId == "600062.SH" })
        // Too short to mean a name, and LIKE's own characters are literal.
        #expect(try await store.aliasNames(containing: "J", limit: 20).isEmpty)
        #expect(try await store.aliasNames(containing: "%%", limit: 20).isEmpty)
    }

    func run(_ store: any ImportingStore, _ file: String, _ records: [ImportedEnterprise]) async throws -> ImportOutcome {
        var batches = [records]
        return try await store.importEnterprises(ImportStoreTests.header(file)) { batches.isEmpty ? nil : batches.removeFirst() }
    }

    func store(_ backend: Backend, _ name: String) async throws -> any ImportingStore {
        let location = try await DatabaseFixture.emptyLocation(backend, name)
        var bundle = try ImportStoreTests.smallBundle.get()
        let full = try DatabaseFixture.bundle.get()
        if !bundle.enterprises.contains(where: { $0.id == "000999.SZ" }) {
            bundle.enterprises += full.enterprises.filter { $0.id == "000999.SZ" }
        }
        bundle.names = full.names.filter { Set(bundle.enterprises.map(\.id)).contains($0.enterpriseId) }
        try await location.build(bundle)
        return try await location.open()
    }

    /// A bureau's row naming a listed firm by its registered, former or English name, with a code and in the firm's
    /// city, is linked to it with the matched name recorded — not a second firm.
    @Test(arguments: Backend.allCases) func importLinksARowNamedByAListedFirmsNames(_ backend: Backend) async throws {
        let store = try await store(backend, "names_link")
        let city = try #require(try await store.enterprise("000999.SZ")?.enterprise.cityCode)
        let outcome = try await run(store, "bureau.csv", [
            ImportStoreTests.firm(2, "江苏恒瑞医药股份有限公司", uscc: "91320700704042588U", city: "320700", employees: 99),
            ImportStoreTests.firm(3, "三九医药股份有限公司", uscc: "91440300192185379H", city: city),
        ])
        #expect(outcome.linkedToListed == 2 && outcome.created == 0 && outcome.review == 0, "\(outcome)")
        #expect(try await store.enterprise("91320700704042588U") == nil)
        // The listed firm keeps its own values; the row's facts are kept on it under the import.
        #expect(try await store.enterprise("600276.SH")?.enterprise.name == "恒瑞医药")
        #expect(try await store.enterpriseFacts("600276.SH").contains { $0.field == "employees" && $0.value == "99" })
        let imported = try await store.enterpriseNames(keys: ["三九医药股份有限公司"]).filter { $0.kind == .imported }
        #expect(imported.map(\.enterpriseId) == ["000999.SZ"] && imported.first?.source.hasPrefix("import:") == true)
    }

    /// Another code, another region, no code at all: a person decides; nothing is merged on a name.
    @Test(arguments: Backend.allCases) func conflictsGoToReview(_ backend: Backend) async throws {
        let store = try await store(backend, "names_review")
        let outcome = try await run(store, "conflicts.csv", [
            ImportStoreTests.firm(2, "江苏恒瑞医药股份有限公司", uscc: "91320700704042588U", city: "310000"),
            ImportStoreTests.firm(3, "Jiangsu Hengrui Pharmaceuticals Co., Ltd.", city: "320700"),
            ImportStoreTests.firm(4, "三九医药股份有限公司", uscc: "91440300192185379H", city: "320500"),
        ])
        #expect(outcome.review == 3 && outcome.created == 0 && outcome.linkedToListed == 0, "\(outcome)")
        let items = try await store.reviewItems(status: .pending).sorted { $0.row < $1.row }
        #expect(items.map(\.candidateId) == ["600276.SH", "600276.SH", "000999.SZ"])
        #expect(items.allSatisfy { $0.kind == .sameEntity })
        // Why, as data, worded in Chinese by default and in English when asked: the kind of name matched, its source.
        #expect(items.map { $0.reasons.map(\.code) } == [["review.name-region-differs"], ["review.name-no-code"], ["review.name-region-differs"]])
        #expect(items[1].reason.hasPrefix("该名称是江苏恒瑞医药股份有限公司的英文名“Jiangsu Hengrui") && items[1].reason.hasSuffix("而本行没有统一社会信用代码：应合并还是分开？"), "\(items[1].reason)")
        #expect(items[0].reason.contains("该企业在江苏省连云港市，本行在上海市"), "\(items[0].reason)")
        #expect(items[0].rendered(in: .en).reason.contains("that firm is in “江苏省连云港市”, this row in “上海市”"), "\(items[0].rendered(in: .en).reason)")
        let english = items[1].rendered(in: .en).reason
        #expect(english.hasPrefix("the name resolves to “江苏恒瑞医药股份有限公司” by its English name Jiangsu Hengrui") && english.hasSuffix("merge or keep apart?"), "\(english)")
        #expect(items.allSatisfy { !$0.reason.contains("merge") && !$0.reason.contains("resolves") })
    }

    /// Firms an import creates are known by their imported name; a branch or another legal form stays its own firm.
    @Test(arguments: Backend.allCases) func createdFirmsAreFoundByTheirImportedName(_ backend: Backend) async throws {
        let store = try await store(backend, "names_created")
        let outcome = try await run(store, "new.csv", [
            ImportStoreTests.firm(2, "苏州庚辛生物科技有限公司", uscc: "91320594MA1MXXXX01"),
            ImportStoreTests.firm(3, "江苏恒瑞医药有限公司", uscc: "91320700MA1MXXXX02", city: "320700"),
        ])
        #expect(outcome.created == 2 && outcome.linkedToListed == 0)
        let found = try await store.resolveName("苏州庚辛生物科技有限公司（已注销）")
        #expect(found.enterpriseId == "91320594MA1MXXXX01" && found.matches.first?.kind == .imported)
        #expect(try await store.resolveName("江苏恒瑞医药有限公司").enterpriseId == "91320700MA1MXXXX02")
        #expect(try await store.resolveName("江苏恒瑞医药股份有限公司").enterpriseId == "600276.SH")
        // Renamed by a newer file: found by both names.
        var batches = [[ImportStoreTests.firm(5, "苏州庚辛医药科技有限公司", uscc: "91320594MA1MXXXX01")]]
        let renamed = try await store.importEnterprises(ImportStoreTests.header("renamed.csv", asOf: "2025-01-01")) {
            batches.isEmpty ? nil : batches.removeFirst()
        }
        #expect(renamed.updated == 1)
        #expect(try await store.resolveName("苏州庚辛医药科技有限公司").enterpriseId == "91320594MA1MXXXX01")
        #expect(try await store.resolveName("苏州庚辛生物科技有限公司").enterpriseId == "91320594MA1MXXXX01")
    }

    /// A product row naming its firm by a former or English name finds it; a name no firm has stays unresolved.
    @Test(arguments: Backend.allCases) func productRowsFindTheirFirmByAnyOfItsNames(_ backend: Backend) async throws {
        let store = try await store(backend, "names_links")
        var batches: [[ImportedLink]] = [[
            .product(line: 2, firm: FirmReference(uscc: nil, name: "三九医药"), product: "感冒灵颗粒", revenueShare: nil),
            .product(line: 3, firm: FirmReference(uscc: nil, name: "Jiangsu Hengrui Pharmaceuticals Co., Ltd."), product: "示例抗体", revenueShare: nil),
            .product(line: 4, firm: FirmReference(uscc: nil, name: "三九医药有限公司"), product: "某药", revenueShare: nil),
        ]]
        let outcome = try await store.importLinks(ImportStoreTests.header("products.csv"), rejectUnresolved: false) {
            batches.isEmpty ? nil : batches.removeFirst()
        }
        #expect(outcome.created == 2 && outcome.unresolved.map(\.line) == [4], "\(outcome)")
        #expect(try await store.enterprise("000999.SZ")?.products.contains { $0.product == "感冒灵颗粒" } == true)
        #expect(try await store.enterprise("600276.SH")?.products.contains { $0.product == "示例抗体" } == true)
    }
}

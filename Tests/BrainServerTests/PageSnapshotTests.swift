import Foundation
import Testing
import Hummingbird
import BrainModel
import BrainAnalytics
@testable import BrainServer
@testable import BrainUseCases

/// Pages rendered from fixed view models compared with the HTML committed under `Snapshots/`: a change to a template
/// or a view model that changes what people see fails here until the snapshot is re-recorded on purpose
/// (`RECORD_SNAPSHOTS=1`, then review the diff of the .html files).
@Suite struct PageSnapshotTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    /// Compares the page with its snapshot; records it (and fails, so a missing snapshot is never a pass) when asked to
    /// or when there is none yet.
    func expectSnapshot(_ name: String, _ html: Data?, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let html = try #require(html, "template missing for \(name)", sourceLocation: sourceLocation)
        let file = Self.folder.appendingPathComponent(name + ".html")
        let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
        guard !recording, let expected = try? Data(contentsOf: file) else {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try html.write(to: file)
            Issue.record("recorded \(file.lastPathComponent); re-run without RECORD_SNAPSHOTS to compare", sourceLocation: sourceLocation)
            return
        }
        #expect(String(decoding: html, as: UTF8.self) == String(decoding: expected, as: UTF8.self),
                "\(name) differs from Snapshots/\(file.lastPathComponent)", sourceLocation: sourceLocation)
    }

    static func renderer() async throws -> PageRenderer { try await PageRenderer.load(defaultRegion: "320500") }

    /// Two kinds of hit, one found by a former name, the pager on page 2 of 3.
    static let search = SiteSearch(query: "恒瑞", hits: [
        .init(kind: "enterprise", label: "恒瑞医药", detail: "江苏恒瑞医药股份有限公司 · 连云港市", url: "/enterprises/600276.SH",
              matched: EnterpriseName(enterpriseId: "600276.SH", name: "恒瑞", kind: .formerShortName, source: "companies/namechange.csv", asOf: "2020-01-01")),
        .init(kind: "enterprise", label: "示例<药业>", detail: nil, url: "/enterprises/X1", matched: nil),
        .init(kind: "region", label: "连云港市", detail: "江苏省", url: "/regions/320700", matched: nil),
    ], enterprisesTotal: 45, paging: Paging(page: 2, size: 20).info(total: 45))

    @Test func searchPage() async throws {
        let renderer = try await Self.renderer()
        let view = SearchPage.view(Self.search, paging: Paging(page: 2, size: 20))
        try expectSnapshot("search", try renderer.html("search", nav: "search", view: view, data: Self.search))
    }

    @Test func emptySearchPage() async throws {
        let renderer = try await Self.renderer()
        let empty = SiteSearch(query: "", hits: [], enterprisesTotal: 0, paging: Paging().info(total: 0))
        try expectSnapshot("search-empty", try renderer.html("search", nav: "search", view: SearchPage.view(empty, paging: Paging()), data: empty))
    }

    /// A page's model as the API answered it for real data (committed beside the snapshot), decoded.
    static func model<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(contentsOf: folder.appendingPathComponent(name + ".json")))
    }

    @Test func enterprisePage() async throws {
        let renderer = try await Self.renderer()
        let portrait = try Self.model("enterprise", as: EnterprisePortrait.self)
        try expectSnapshot("enterprise", try renderer.html("enterprise", nav: "search", view: EnterpriseView(portrait), data: portrait))
    }

    @Test func chainNodePage() async throws {
        let renderer = try await Self.renderer()
        let report = try Self.model("chain-node", as: NodeExplorerReport.self), paging = Paging(page: 2, size: 3)
        let pager = paging.pager(total: report.firmCount, path: "/chain/" + report.node.id, keep: [("region", nil)])
        let view = ChainNodeView(report, pager: pager, firstProduct: report.products.first?.product ?? "")
        try expectSnapshot("chain-node", try renderer.html("chain-node", nav: "chain", view: view, data: report))
    }

    @Test func parkPage() async throws {
        let renderer = try await Self.renderer()
        let detail = try Self.model("park", as: ParksPage.ParkDetail.self)
        try expectSnapshot("park", try renderer.html("park", nav: "parks", view: ParkView(detail), data: detail))
    }

    /// Signed in (the organisation named, the session's token in the layout, its imports 已发布/未发布) and signed out
    /// (the sign-in offer).
    @Test func importPage() async throws {
        let renderer = try await Self.renderer()
        var signedIn = ImportView(organisation: .init(id: "org-1", name: "示例园区 <管委会>"), csrfToken: "token-123")
        // Its imports, one published on /admin/publish and one still its own.
        signedIn.imports = .init(rows: [.init(id: 12, file: "园区企业.csv", kind: "enterprises", asOf: "2026-11-01", published: false),
                                        .init(id: 7, file: "nmpa.xlsx", kind: "enterprises", asOf: "2026-10-01", published: true)])
        try expectSnapshot("import", try renderer.html("import", nav: "import", view: signedIn, data: [String: String]()))
        try expectSnapshot("import-signed-out", try renderer.html("import", nav: "import", view: ImportView(), data: [String: String]()))
    }
}

/// The pages moved from untyped dictionaries to view models (issue 17 item 3), from models the API answered for real
/// data, trimmed to a few rows.
extension PageSnapshotTests {
    @Test func policiesPage() async throws {
        let renderer = try await Self.renderer()
        let list = try Self.model("policies", as: [PolicyMatcher.PolicyFirms].self)
        try expectSnapshot("policies", try renderer.html("policies", nav: "policies", view: PoliciesView(list), data: list))
    }

    /// The form as a query filled it (two nodes ticked, the pilot stage, filter mode, land and GMP asked for) with the
    /// ranked parks, and the bare form with the error a project without nodes gets.
    @Test func parkLandingPage() async throws {
        let renderer = try await Self.renderer()
        let taxonomy = try Self.model("park-landing-chain", as: ChainTaxonomy.self)
        let report = try Self.model("park-landing", as: ParkLanding.Report.self)
        let query: Parameters = ["nodes": "antibodies,cro", "stage": "pilot", "areaMode": "filter", "land": "1", "gmp": "1",
                                "origin": "320505", "area": "苏州<市>", "mu": "50"]
        var view = ParkLandingView(taxonomy, query: query)
        view.show(report)
        try expectSnapshot("park-landing", try renderer.html("park-landing", nav: "parks", view: view, data: report))
        var failed = ParkLandingView(taxonomy, query: ["nodes": ""])
        failed.error = .init(zh: "请选择环节", en: "choose nodes")
        try expectSnapshot("park-landing-error", try renderer.html("park-landing", nav: "parks", view: failed, data: ParkLanding.Report?.none))
    }
}

extension PageSnapshotTests {
    /// A talent demand seen by the organisation that posted it (share and delete offered), matched to a firm and to an
    /// imported offer that names no firm; and the same demand seen signed out.
    @Test func matchDemandPage() async throws {
        let renderer = try await Self.renderer()
        let result = try JSONDecoder().decode(DemandMatching.Result.self, from: Data(#"""
        {"demand": {"need": "talent", "title": "抗体<工艺>负责人", "nodeId": "antibodies", "regionCode": "320500", "detail": "下游纯化",
                    "deadline": "2027-03-31", "minDegree": "doctorate", "minYears": 5, "headcount": 2},
         "node": {"id": "antibodies", "nameZh": "抗体药物", "nameEn": "Antibodies", "tier": "midstream"},
         "region": {"code": "320500", "name": "苏州市", "level": "city"},
         "formula": "score = field", "candidates": 7,
         "matches": [{"rank": 1, "source": "firm", "name": "信达生物", "firm": {"id": "01801.HK", "name": "信达生物", "cityName": "苏州市"},
                      "score": 0.91234, "reasons": [{"code": "talent.field", "values": {"node": "抗体药物", "node.en": "Antibodies"}},
                                                    {"code": "near.distance", "values": {"km": "0"}}]},
                     {"rank": 2, "source": "imported-offer", "name": "示例<平台>", "regionName": "上海市", "score": 0.5, "reasons": []}]}
        """#.utf8))
        let record = MarketRecord(id: 42, organisationId: "org-1", organisationName: "示例园区", shared: false, createdAt: "2026-11-30",
                                  origin: "form", body: .demand(result.demand))
        let owner = Organisation(id: "org-1", name: "示例园区", createdAt: "2026-11-30")
        let mine = MarketDemandView(record, result, viewer: owner, csrfToken: "token-123")
        try expectSnapshot("match-demand", try renderer.html("match-demand", nav: "match", view: mine, data: result))
        let anonymous = MarketDemandView(record, result, viewer: nil, csrfToken: nil)
        try expectSnapshot("match-demand-signed-out", try renderer.html("match-demand", nav: "match", view: anonymous, data: result))
    }
}

import BrainAnalytics
import BrainModel
import BrainStore

/// `GET /api/enterprises/{id}/portrait`: everything the enterprise page shows — the stored record with its chain nodes,
/// products and events, the development-quality score, imported facts with their files and dates, related firms.
struct EnterprisePortrait: Codable, Sendable {
    /// One stated fact with where it came from.
    struct Fact: Codable, Sendable {
        var field: String
        var value: String
        var source: String
        var asOf: String
        var current: Bool
        /// The source in words per language where it is ours (an import's row), not a data source's id.
        var sourceReason: Reason? = nil
    }
    /// How the firm was located: the finest region, the address and report year it rests on, or why it stops above
    /// the district (codes; the page renders them).
    struct Location: Codable, Sendable {
        var level: RegionLevel
        var regionCode: String?
        var regionName: String?
        var basis: EnterpriseLocation.Basis
        var reportYear: Int?
        var address: String?
        var reason: EnterpriseLocation.Reason?
        var reasonValue: String?
        var reasonValueName: String?
        var source: String
    }
    var detail: EnterpriseDetail
    var districtName: String?
    var location: Location?
    var facts: [Fact]
    var quality: QualityScore?
    var related: RelatedFirmsReport
    var nodeNames: [String: String]
    /// The nodes' English names (optional: portraits saved before it was added decode without it)
    var nodeNamesEn: [String: String]? = nil
    var policies: [PolicyMatcher.Match]
    /// Each node's evidence as codes (`ChainEvidence`), by node id, each reason with `text` in the request's language;
    /// a node whose stored evidence is plain text (an old database, an analyst's note) is left out: `detail` has it.
    var evidence: [String: [Reason]]? = nil
    /// Names of the regions the firm's location curations name, for the 人工校正 section.
    var curatedRegionNames: [String: String] = [:]

    /// Imported facts' field names (the NMPA register's columns), shown as the other facts are: Chinese, then English.
    static let importedFieldWords = [
        "licence_no": "生产许可证编号 licence", "location_basis": "定位依据 basis", "register": "名录 register", "name": "名称 name",
    ]

    /// The bundled clauses, the public imported ones and the viewer's organisation's own (as `/api/enterprises/{id}/policies`).
    static func policyMatcher(store: any ImportingStore, cache: AnalyticsCache, viewer: FirmViewer) async throws -> PolicyMatcher {
        let organisation: String? = if case .organisation(let id) = viewer { id } else { nil }
        return try await cache.policyMatcher().including(try await store.importedPolicies(visibleTo: organisation))
    }

    /// The portrait as `viewer` may see it: none (404, as for an unknown id) of a firm of another organisation's
    /// private import, and a public firm without the facts and nodes such an import brought.
    static func build(store: any ImportingStore, cache: AnalyticsCache, id: String, viewer: FirmViewer) async throws -> EnterprisePortrait {
        guard id.count <= 64, let detail = try await store.enterprise(id, visibleTo: viewer) else { throw AppError.notFound(Reason("api.no-enterprise", ["id": String(id.prefix(64))])) }
        let index = try await cache.index()
        let firm = detail.enterprise
        let source = firm.provenance
        var facts: [Fact] = []
        func add(_ field: String, _ value: String?) {
            if let value, !value.isEmpty { facts.append(Fact(field: field, value: value, source: source.source, asOf: source.asOf, current: true)) }
        }
        add("企业名称 name", firm.fullName ?? firm.name)
        add("统一社会信用代码 USCC", firm.uscc)
        add("股票代码 stock code", firm.stockCode.map { [$0, firm.exchange, firm.market].compactMap { $0 }.joined(separator: " ") })
        add("所在地 location", [detail.provinceName, detail.cityName].compactMap { $0 }.joined(separator: " "))
        // The district rests on an annual-report address, not on the listing profile: its own source and year.
        let located = index.data.locations.first { $0.enterpriseId == id }
        if let district = firm.districtCode.flatMap({ index.regionsByCode[$0]?.name }) {
            let basis = located.map { $0.provenance.source + " · " + $0.basis.rawValue } ?? source.source
            facts.append(Fact(field: "区县 district", value: district, source: basis,
                              asOf: located?.reportYear.map(String.init) ?? source.asOf, current: true))
        }
        add("员工人数 employees", firm.employees.map(String.init))
        add("注册资本（万元）registered capital", firm.registeredCapitalWan.map { RegionView.number($0) })
        add("总资产（亿元）total assets", firm.totalAssetsYi.map { RegionView.number($0) })
        add("成立日期 founded", firm.setupDate)
        add("上市日期 listed", firm.listDate)
        add("营收增长 revenue growth %", firm.revenueGrowthPct.map { RegionView.number($0) })
        add("毛利率 gross margin %", firm.grossMarginPct.map { RegionView.number($0) })
        add("申万2021 SW 2021", firm.sw2021L3)
        add("网站 website", firm.website)
        // Facts from the operator's imports (no organisation) show to everyone; an organisation's, to it and the operator.
        let hidden = try await store.hiddenImports(from: viewer)
        for fact in try await store.enterpriseFacts(id) where !hidden.ids.contains(fact.importId) {
            facts.append(Fact(field: Self.importedFieldWords[fact.field] ?? fact.field, value: fact.value,
                              source: "import:\(fact.importId)", asOf: fact.asOf, current: fact.current,
                              sourceReason: Reason("source.import-row", ["import": String(fact.importId), "file": fact.file, "row": String(fact.row)])))
        }
        let quality = try? await cache.enterpriseQuality().score(id)
        let related: RelatedFirmsReport
        do {
            related = try RelatedFirms.report(index, links: try await cache.productLinks(), enterprise: id)
        } catch {
            // A firm imported after the snapshot was taken is not in it yet: no related firms until the server restarts.
            related = RelatedFirmsReport(enterprise: FirmRow(firm, index: index), sameNode: [], suppliers: [], customers: [])
        }
        // A location an analyst set (人工校正 below) replaces the machine's basis line.
        // Only curations in force count: the organisation's own unpublished ones are listed, not applied.
        let curatedLocation = CurationLedger.active(detail.curations.map(\.curation).filter(\.isPublic)).contains { $0.action == .locate }
        let location = curatedLocation ? nil : located.map { l in
            let code = firm.districtCode ?? firm.cityCode ?? firm.provinceCode
            return Location(level: l.level, regionCode: code, regionName: code.flatMap { index.regionsByCode[$0]?.name }, basis: l.basis,
                            reportYear: l.reportYear, address: l.address, reason: l.reason, reasonValue: l.reasonValue,
                            reasonValueName: l.reasonValue.flatMap { index.regionsByCode[$0]?.name }, source: l.provenance.source)
        }
        var portrait = EnterprisePortrait(detail: detail, districtName: firm.districtCode.flatMap { index.regionsByCode[$0]?.name },
                                          location: location, facts: facts, quality: quality, related: related,
                                          nodeNames: index.nodesById.mapValues(\.nameZh), nodeNamesEn: index.nodesById.mapValues(\.nameEn),
                                          policies: (try? await policyMatcher(store: store, cache: cache, viewer: viewer).matches(enterprise: id)) ?? [])
        portrait.evidence = Dictionary(detail.assignments.compactMap { a in ChainEvidence.reasons(a.evidence).map { (a.nodeId, $0) } },
                                       uniquingKeysWith: { first, _ in first })
        for code in detail.curations.compactMap(\.curation.regionCode) { portrait.curatedRegionNames[code] = index.regionsByCode[code]?.name }
        return portrait
    }
}

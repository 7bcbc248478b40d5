import BrainModel

/// One table's rows as the writers of both backends insert them.
struct TableRows {
    let name: String
    let columns: [String]
    let rows: AnySequence<[SQLValue]>

    init<Item>(_ name: String, _ columns: [String], _ items: some Sequence<Item>, values: @escaping (Item) -> [SQLValue]) {
        self.name = name
        self.columns = columns
        rows = AnySequence(items.lazy.map(values))
    }
}

/// A `DataBundle` as the store's tables, in insertion order (regions before what references them). Enterprises come
/// in SearchOrder so the insertion order (SQLite's rowid; PostgreSQL's `search_rank` column) ranks search results.
enum BundleTables {
    static let tableNames = ["meta", "regions", "chain_nodes", "enterprises", "name_bigrams", "name_trigrams", "name_gram_counts", "chain_assignments", "enterprise_products",
                             "product_relations", "events", "universities", "parks", "policies", "enterprise_locations", "curations", "curation_machine", "enterprise_names"]

    /// How many firms each two- and three-character gram names: the search total, read in one lookup.
    static func gramCounts(_ enterprises: [Enterprise]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for e in enterprises {
            for length in [2, 3] {
                for gram in NameBigrams.of(e.name, length: length).union(NameBigrams.of(e.fullName ?? "", length: length)) {
                    counts[gram, default: 0] += 1
                }
            }
        }
        return counts
    }

    /// `postgres`: the enterprises carry `search_rank`, and the three-character index `name_trigrams` is written.
    static func tables(_ given: DataBundle, postgres: Bool) -> [TableRows] {
        // Curations written through, as every later curation write does (CuratedPlacement): the store's own counts
        // agree with the snapshot.
        let (bundle, machine) = CuratedPlacement.curated(given)
        let explicitSearchRank = postgres
        let ranked = bundle.enterprises.sorted(by: SearchOrder.precedes)
        let bigrams = ranked.enumerated().lazy.flatMap { rank, e in
            NameBigrams.of(e.name).union(NameBigrams.of(e.fullName ?? "")).map { (gram: $0, rank: rank, id: e.id) }
        }
        let trigrams = ranked.enumerated().lazy.flatMap { rank, e in
            NameBigrams.of(e.name, length: 3).union(NameBigrams.of(e.fullName ?? "", length: 3)).map { (gram: $0, rank: rank) }
        }
        let enterpriseColumns = ["id", "name", "full_name", "uscc", "stock_code", "exchange", "market", "province_code", "city_code",
                                 "district_code", "employees", "registered_capital_wan", "total_assets_yi", "setup_date", "list_date",
                                 "website", "ownership", "sw2021_l3", "is_biomedicine", "revenue_growth_pct", "profit_growth_pct",
                                 "gross_margin_pct", "net_margin_pct", "source", "as_of", "normalized_name"]
        return [
            TableRows("regions", ["code", "name", "level", "parent_code", "longitude", "latitude", "is_development_zone", "source", "as_of"],
                      bundle.regions) { r in
                [.text(r.code), .text(r.name), .text(r.level.rawValue), .text(r.parentCode), .double(r.longitude), .double(r.latitude),
                 .bool(r.isDevelopmentZone), .text(r.provenance.source), .text(r.provenance.asOf)]
            },
            TableRows("chain_nodes", ["id", "taxonomy", "position", "tier", "parent_id", "name_zh", "name_en", "gbt4754", "sei2018",
                                      "sw2021", "hs", "keywords", "chokepoint_note"],
                      Array(bundle.taxonomy.nodes.enumerated())) { (i, n) in
                [.text(n.id), .text(bundle.taxonomy.id), .int(i), .text(n.tier.rawValue), .text(n.parentId), .text(n.nameZh),
                 .text(n.nameEn), .text(n.gbt4754.joined(separator: ",")), .text(n.sei2018.joined(separator: ",")),
                 .text(n.sw2021.joined(separator: ",")), .text(n.hs.joined(separator: ",")), .text(n.keywords.joined(separator: ",")),
                 .text(n.chokepointNote)]
            },
            TableRows("enterprises", enterpriseColumns + (explicitSearchRank ? ["search_rank"] : []), Array(ranked.enumerated())) { rank, e in
                [.text(e.id), .text(e.name), .text(e.fullName), .text(e.uscc), .text(e.stockCode), .text(e.exchange), .text(e.market),
                 .text(e.provinceCode), .text(e.cityCode), .text(e.districtCode), .int(e.employees), .double(e.registeredCapitalWan),
                 .double(e.totalAssetsYi), .text(e.setupDate), .text(e.listDate), .text(e.website), .text(e.ownership),
                 .text(e.sw2021L3), .bool(e.isBiomedicine), .double(e.revenueGrowthPct), .double(e.profitGrowthPct),
                 .double(e.grossMarginPct), .double(e.netMarginPct), .text(e.provenance.source), .text(e.provenance.asOf),
                 .text(CompanyName.normalized(e.fullName ?? e.name))]
                    + (explicitSearchRank ? [.int(rank)] : [])
            },
            TableRows("name_bigrams", ["gram", "rank", "enterprise_id"], bigrams) { [.text($0.gram), .int($0.rank), .text($0.id)] },
        ] + (postgres ? [TableRows("name_trigrams", ["gram", "rank"], trigrams) { [.text($0.gram), .int($0.rank)] },
                         TableRows("name_gram_counts", ["gram", "n"], gramCounts(ranked).sorted { $0.key < $1.key }) {
                             [.text($0.key), .int($0.value)] }] : []) + [
            TableRows("chain_assignments", ["enterprise_id", "node_id", "method", "confidence", "evidence", "source", "as_of"],
                      bundle.assignments) { a in
                [.text(a.enterpriseId), .text(a.nodeId), .text(a.method), .double(a.confidence), .text(a.evidence),
                 .text(a.provenance.source), .text(a.provenance.asOf)]
            },
            TableRows("enterprise_products", ["enterprise_id", "product", "revenue_share", "source", "as_of"], bundle.products) { p in
                [.text(p.enterpriseId), .text(p.product), .double(p.revenueShare), .text(p.provenance.source), .text(p.provenance.asOf)]
            },
            TableRows("product_relations", ["from_product", "to_product", "kind", "source", "as_of"], bundle.productRelations) { r in
                [.text(r.from), .text(r.to), .text(r.kind.rawValue), .text(r.provenance.source), .text(r.provenance.asOf)]
            },
            TableRows("events", ["enterprise_id", "kind", "date", "title", "detail", "source", "as_of"], bundle.events) { e in
                [.text(e.enterpriseId), .text(e.kind.rawValue), .text(e.date), .text(e.title), .text(e.detail),
                 .text(e.provenance.source), .text(e.provenance.asOf)]
            },
            TableRows("universities", ["id", "name", "city_code", "department", "level", "remarks", "source", "as_of"],
                      bundle.universities) { u in
                [.text(u.id), .text(u.name), .text(u.cityCode), .text(u.department), .text(u.level), .text(u.remarks),
                 .text(u.provenance.source), .text(u.provenance.asOf)]
            },
            TableRows("parks", ["id", "name", "region_code", "kind", "positioning", "facts", "source", "as_of", "address_markers"],
                      bundle.parks) { p in
                [.text(p.id), .text(p.name), .text(p.regionCode), .text(p.kind), .text(p.positioning.joined(separator: ";")),
                 .text(p.facts), .text(p.provenance.source), .text(p.provenance.asOf), .text(p.addressMarkers.joined(separator: ";"))]
            },
            TableRows("policies", ["id", "region_code", "title", "clause", "eligibility", "max_amount_wan", "period", "source", "as_of"],
                      bundle.policies) { p in
                [.text(p.id), .text(p.regionCode), .text(p.title), .text(p.clause), .text(p.eligibility), .double(p.maxAmountWan),
                 .text(p.period), .text(p.provenance.source), .text(p.provenance.asOf)]
            },
            TableRows("enterprise_locations", ["enterprise_id", "level", "basis", "reason", "reason_value", "report_year",
                                               "registered_address", "office_address", "source", "as_of"], bundle.locations) { l in
                [.text(l.enterpriseId), .text(l.level.rawValue), .text(l.basis.rawValue), .text(l.reason?.rawValue), .text(l.reasonValue),
                 .int(l.reportYear), .text(l.registeredAddress), .text(l.officeAddress), .text(l.provenance.source), .text(l.provenance.asOf)]
            },
            TableRows("enterprise_names", NameSchema.columns, bundle.names) { n in
                [.text(n.enterpriseId), .text(n.key), .text(n.name), .text(n.kind.rawValue), .text(n.source), .text(n.asOf), .text(nil), .text(nil)]
            },
            TableRows("curations", CurationSQL.columns + ["seq"], Array(bundle.curations.enumerated())) {
                CurationSQL.values($0.element) + [.int($0.offset + 1)]
            },
            TableRows("curation_machine", CuratedPlacement.columns, machine) { CuratedPlacement.values($0.0, $0.1) },
        ]
    }
}

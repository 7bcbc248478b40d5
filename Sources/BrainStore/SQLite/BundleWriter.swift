import GRDB
import BrainModel

/// Writes a whole `DataBundle` in one transaction (the caller's), with prepared statements.
struct BundleWriter {
    let db: Database

    func write(_ bundle: DataBundle, progress: (String) -> Void) throws {
        progress("writing regions")
        try insert("regions", ["code", "name", "level", "parent_code", "longitude", "latitude", "is_development_zone", "source", "as_of"],
                   bundle.regions) { r in
            [r.code, r.name, r.level.rawValue, r.parentCode, r.longitude, r.latitude, r.isDevelopmentZone,
             r.provenance.source, r.provenance.asOf]
        }
        try insert("chain_nodes", ["id", "taxonomy", "position", "tier", "parent_id", "name_zh", "name_en", "gbt4754", "sei2018",
                                   "sw2021", "hs", "keywords", "chokepoint_note"],
                   Array(bundle.taxonomy.nodes.enumerated())) { (i, n) in
            [n.id, bundle.taxonomy.id, i, n.tier.rawValue, n.parentId, n.nameZh, n.nameEn, n.gbt4754.joined(separator: ","),
             n.sei2018.joined(separator: ","), n.sw2021.joined(separator: ","), n.hs.joined(separator: ","),
             n.keywords.joined(separator: ","), n.chokepointNote]
        }
        try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('taxonomy', ?)", arguments: [try TaxonomyCodec.encode(bundle.taxonomy)])
        progress("writing enterprises")
        // Stored in search order, so rowid order is the search ranking (FTS5 returns matches in rowid order).
        let ranked = bundle.enterprises.sorted(by: SearchOrder.precedes)
        try insert("enterprises", ["id", "name", "full_name", "uscc", "stock_code", "exchange", "market", "province_code", "city_code",
                                   "district_code", "employees", "registered_capital_wan", "total_assets_yi", "setup_date", "list_date",
                                   "website", "ownership", "sw2021_l3", "is_biomedicine", "revenue_growth_pct", "profit_growth_pct",
                                   "gross_margin_pct", "net_margin_pct", "source", "as_of"],
                   ranked) { e in
            [e.id, e.name, e.fullName, e.uscc, e.stockCode, e.exchange, e.market, e.provinceCode, e.cityCode, e.districtCode,
             e.employees, e.registeredCapitalWan, e.totalAssetsYi, e.setupDate, e.listDate, e.website, e.ownership, e.sw2021L3,
             e.isBiomedicine, e.revenueGrowthPct, e.profitGrowthPct, e.grossMarginPct, e.netMarginPct,
             e.provenance.source, e.provenance.asOf]
        }
        let bigrams = ranked.enumerated().flatMap { rank, e in
            NameBigrams.of(e.name).union(NameBigrams.of(e.fullName ?? "")).map { ($0, rank, e.id) }
        }
        try insert("name_bigrams", ["gram", "rank", "enterprise_id"], bigrams) { [$0.0, $0.1, $0.2] }
        try insert("chain_assignments", ["enterprise_id", "node_id", "method", "confidence", "evidence", "source", "as_of"],
                   bundle.assignments) { a in
            [a.enterpriseId, a.nodeId, a.method, a.confidence, a.evidence, a.provenance.source, a.provenance.asOf]
        }
        progress("writing products")
        try insert("enterprise_products", ["enterprise_id", "product", "revenue_share", "source", "as_of"], bundle.products) { p in
            [p.enterpriseId, p.product, p.revenueShare, p.provenance.source, p.provenance.asOf]
        }
        try insert("product_relations", ["from_product", "to_product", "kind", "source", "as_of"], bundle.productRelations) { r in
            [r.from, r.to, r.kind.rawValue, r.provenance.source, r.provenance.asOf]
        }
        progress("writing events and institutions")
        try insert("events", ["enterprise_id", "kind", "date", "title", "detail", "source", "as_of"], bundle.events) { e in
            [e.enterpriseId, e.kind.rawValue, e.date, e.title, e.detail, e.provenance.source, e.provenance.asOf]
        }
        try insert("universities", ["id", "name", "city_code", "department", "level", "remarks", "source", "as_of"],
                   bundle.universities) { u in
            [u.id, u.name, u.cityCode, u.department, u.level, u.remarks, u.provenance.source, u.provenance.asOf]
        }
        try insert("parks", ["id", "name", "region_code", "kind", "positioning", "facts", "source", "as_of"], bundle.parks) { p in
            [p.id, p.name, p.regionCode, p.kind, p.positioning.joined(separator: ";"), p.facts, p.provenance.source, p.provenance.asOf]
        }
        try insert("policies", ["id", "region_code", "title", "clause", "eligibility", "max_amount_wan", "period", "source", "as_of"],
                   bundle.policies) { p in
            [p.id, p.regionCode, p.title, p.clause, p.eligibility, p.maxAmountWan, p.period, p.provenance.source, p.provenance.asOf]
        }
    }

    private func insert<T>(_ table: String, _ columns: [String], _ items: [T],
                           values: (T) -> [(any DatabaseValueConvertible)?]) throws {
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        let statement = try db.makeStatement(
            sql: "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(placeholders))")
        for item in items {
            try statement.execute(arguments: StatementArguments(values(item)))
        }
    }
}

import BrainModel

/// Rows → models, shared by the SQLite and PostgreSQL stores: the column names are the schema's, the same on both.
enum RowMapping {
    static func provenance(_ row: some ColumnReader) throws -> Provenance {
        Provenance(source: try row.text("source"), asOf: try row.text("as_of"))
    }

    static func region(_ row: some ColumnReader) throws -> Region {
        Region(code: try row.text("code"), name: try row.text("name"), level: RegionLevel(rawValue: try row.text("level")) ?? .district,
               parentCode: try row.optionalText("parent_code"), longitude: try row.optionalDouble("longitude"),
               latitude: try row.optionalDouble("latitude"), isDevelopmentZone: try row.bool("is_development_zone"),
               provenance: try provenance(row))
    }

    static func regionRef(_ row: some ColumnReader) throws -> RegionRef {
        RegionRef(code: try row.text("code"), name: try row.text("name"), level: RegionLevel(rawValue: try row.text("level")) ?? .district)
    }

    static func park(_ row: some ColumnReader) throws -> Park {
        Park(id: try row.text("id"), name: try row.text("name"), regionCode: try row.text("region_code"), kind: try row.text("kind"),
             positioning: try row.text("positioning").split(separator: ";").map(String.init), facts: try row.text("facts"),
             provenance: try provenance(row),
             addressMarkers: try row.optionalText("address_markers")?.split(separator: ";").map(String.init) ?? [])
    }

    static func location(_ row: some ColumnReader) throws -> EnterpriseLocation {
        // Values this version does not know (a newer build's) read as the coarsest meaning, as regions' levels do.
        let regionLevel = RegionLevel(rawValue: try row.text("level")) ?? .city
        let locationBasis = EnterpriseLocation.Basis(rawValue: try row.text("basis")) ?? .listingCity
        return EnterpriseLocation(enterpriseId: try row.text("enterprise_id"), level: regionLevel, basis: locationBasis,
                                  reason: try row.optionalText("reason").flatMap(EnterpriseLocation.Reason.init(rawValue:)),
                                  reasonValue: try row.optionalText("reason_value"), reportYear: try row.optionalInt("report_year"),
                                  registeredAddress: try row.optionalText("registered_address"),
                                  officeAddress: try row.optionalText("office_address"), provenance: try provenance(row))
    }

    static func enterprise(_ row: some ColumnReader) throws -> Enterprise {
        var enterprise = Enterprise(
            id: try row.text("id"), name: try row.text("name"), fullName: try row.optionalText("full_name"),
            uscc: try row.optionalText("uscc"), stockCode: try row.optionalText("stock_code"),
            exchange: try row.optionalText("exchange"), market: try row.optionalText("market"),
            provinceCode: try row.optionalText("province_code"), cityCode: try row.optionalText("city_code"),
            districtCode: try row.optionalText("district_code"), employees: try row.optionalInt("employees"),
            registeredCapitalWan: try row.optionalDouble("registered_capital_wan"),
            totalAssetsYi: try row.optionalDouble("total_assets_yi"), setupDate: try row.optionalText("setup_date"),
            listDate: try row.optionalText("list_date"), website: try row.optionalText("website"),
            ownership: try row.optionalText("ownership"), sw2021L3: try row.optionalText("sw2021_l3"),
            isBiomedicine: try row.bool("is_biomedicine"), provenance: try provenance(row))
        enterprise.revenueGrowthPct = try row.optionalDouble("revenue_growth_pct")
        enterprise.profitGrowthPct = try row.optionalDouble("profit_growth_pct")
        enterprise.grossMarginPct = try row.optionalDouble("gross_margin_pct")
        enterprise.netMarginPct = try row.optionalDouble("net_margin_pct")
        enterprise.layer = try row.optionalText("layer") ?? Layer.listed
        return enterprise
    }

    static func importLayer(_ row: some ColumnReader) throws -> ImportLayer {
        let id = try row.int("id")
        return ImportLayer(importId: id, layer: try row.optionalText("layer") ?? Layer.of(importId: id),
                           organisationId: try row.optionalText("organisation_id"), published: try row.optionalText("published_at") != nil)
    }

    static func assignment(_ row: some ColumnReader) throws -> ChainAssignment {
        ChainAssignment(enterpriseId: try row.text("enterprise_id"), nodeId: try row.text("node_id"), method: try row.text("method"),
                        confidence: try row.double("confidence"), evidence: try row.text("evidence"), provenance: try provenance(row))
    }

    static func product(_ row: some ColumnReader) throws -> EnterpriseProduct {
        EnterpriseProduct(enterpriseId: try row.text("enterprise_id"), product: try row.text("product"),
                          revenueShare: try row.optionalDouble("revenue_share"), provenance: try provenance(row))
    }

    static func productRelation(_ row: some ColumnReader) throws -> ProductRelation {
        ProductRelation(from: try row.text("from_product"), to: try row.text("to_product"),
                        kind: ProductRelationKind(rawValue: try row.text("kind")) ?? .subclass, provenance: try provenance(row))
    }

    static func event(_ row: some ColumnReader) throws -> EnterpriseEvent {
        EnterpriseEvent(enterpriseId: try row.text("enterprise_id"), kind: EventKind(rawValue: try row.text("kind")) ?? .rename,
                        date: try row.text("date"), title: try row.text("title"), detail: try row.optionalText("detail"),
                        provenance: try provenance(row))
    }

    static func university(_ row: some ColumnReader) throws -> University {
        University(id: try row.text("id"), name: try row.text("name"), cityCode: try row.optionalText("city_code"),
                   department: try row.text("department"), level: try row.text("level"), remarks: try row.optionalText("remarks"),
                   provenance: try provenance(row))
    }

    static func policy(_ row: some ColumnReader) throws -> Policy {
        Policy(id: try row.text("id"), regionCode: try row.text("region_code"), title: try row.text("title"),
               clause: try row.text("clause"), eligibility: try row.text("eligibility"),
               maxAmountWan: try row.optionalDouble("max_amount_wan"), period: try row.text("period"), provenance: try provenance(row))
    }

    static func nodeCount(_ row: some ColumnReader) throws -> NodeCount {
        NodeCount(nodeId: try row.text("id"), firms: try row.int("firms"), employees: try row.int("employees"))
    }

    static func regionValue(_ row: some ColumnReader) throws -> RegionValue {
        RegionValue(code: try row.text("code"), name: try row.text("name"), biomedicineFirms: try row.int("biomed"),
                    listedFirms: try row.int("listed"), biomedicineEmployees: try row.int("employees"))
    }
}

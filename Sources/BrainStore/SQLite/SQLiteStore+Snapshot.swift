import GRDB
import BrainModel

extension SQLiteStore {
    /// Everything the store holds, as values, read in one consistent transaction: the snapshot analytics works on.
    public func snapshot() async throws -> DataBundle {
        try await pool.read { db in
            guard let json = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'taxonomy'") else {
                throw StoreError.notBuilt
            }
            var bundle = DataBundle(taxonomy: try TaxonomyCodec.decode(json))
            bundle.regions = try Row.fetchAll(db, sql: "SELECT * FROM regions ORDER BY code").map(Self.region)
            bundle.enterprises = try Row.fetchAll(db, sql: "SELECT * FROM enterprises ORDER BY id").map(Self.enterprise)
            bundle.assignments = try Row.fetchAll(db, sql: "SELECT * FROM chain_assignments").map(Self.assignment)
            bundle.products = try Row.fetchAll(db, sql: "SELECT * FROM enterprise_products").map(Self.product)
            bundle.productRelations = try Row.fetchAll(db, sql: "SELECT * FROM product_relations").map {
                ProductRelation(from: $0["from_product"], to: $0["to_product"],
                                kind: ProductRelationKind(rawValue: $0["kind"]) ?? .subclass, provenance: Self.provenance($0))
            }
            bundle.events = try Row.fetchAll(db, sql: "SELECT * FROM events ORDER BY id").map(Self.event)
            bundle.universities = try Row.fetchAll(db, sql: "SELECT * FROM universities ORDER BY id").map {
                University(id: $0["id"], name: $0["name"], cityCode: $0["city_code"], department: $0["department"],
                           level: $0["level"], remarks: $0["remarks"], provenance: Self.provenance($0))
            }
            bundle.parks = try Row.fetchAll(db, sql: "SELECT * FROM parks ORDER BY id").map(Self.park)
            bundle.policies = try Row.fetchAll(db, sql: "SELECT * FROM policies ORDER BY id").map {
                Policy(id: $0["id"], regionCode: $0["region_code"], title: $0["title"], clause: $0["clause"],
                       eligibility: $0["eligibility"], maxAmountWan: $0["max_amount_wan"], period: $0["period"],
                       provenance: Self.provenance($0))
            }
            return bundle
        }
    }

    static func provenance(_ row: Row) -> Provenance { Provenance(source: row["source"], asOf: row["as_of"]) }

    static func region(_ row: Row) -> Region {
        Region(code: row["code"], name: row["name"], level: RegionLevel(rawValue: row["level"]) ?? .district,
               parentCode: row["parent_code"], longitude: row["longitude"], latitude: row["latitude"],
               isDevelopmentZone: row["is_development_zone"], provenance: provenance(row))
    }

    static func assignment(_ row: Row) -> ChainAssignment {
        ChainAssignment(enterpriseId: row["enterprise_id"], nodeId: row["node_id"], method: row["method"],
                        confidence: row["confidence"], evidence: row["evidence"], provenance: provenance(row))
    }

    static func product(_ row: Row) -> EnterpriseProduct {
        EnterpriseProduct(enterpriseId: row["enterprise_id"], product: row["product"], revenueShare: row["revenue_share"],
                          provenance: provenance(row))
    }

    static func event(_ row: Row) -> EnterpriseEvent {
        EnterpriseEvent(enterpriseId: row["enterprise_id"], kind: EventKind(rawValue: row["kind"]) ?? .rename, date: row["date"],
                        title: row["title"], detail: row["detail"], provenance: provenance(row))
    }
}

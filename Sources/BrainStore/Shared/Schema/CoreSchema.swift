/// The bundled data's tables (migration v1-core): regions, the chain, listed firms and what is known of them.
/// SQLite's statements are those GRDB's table builder wrote when this was Swift, less its identifier quotes.
enum CoreSchema {
    static func statements(_ d: SchemaDialect) -> [String] {
        let t = d.text
        return [
            "CREATE TABLE meta (key \(t) PRIMARY KEY NOT NULL, value TEXT NOT NULL)",
            """
            CREATE TABLE regions (code \(t) PRIMARY KEY NOT NULL, name \(t) NOT NULL, level \(t) NOT NULL, parent_code \(t),
              longitude \(d.double), latitude \(d.double),
              is_development_zone BOOLEAN NOT NULL DEFAULT \(d.pick(sqlite: "0", postgres: "FALSE")), source \(t) NOT NULL, as_of \(t) NOT NULL)
            """,
            "CREATE INDEX regions_on_parent_code ON regions(parent_code)",
            """
            CREATE TABLE chain_nodes (id \(t) PRIMARY KEY NOT NULL, taxonomy \(t) NOT NULL, position INTEGER NOT NULL,
              tier \(t) NOT NULL, parent_id \(t), name_zh \(t) NOT NULL, name_en \(t) NOT NULL, gbt4754 \(t) NOT NULL,
              sei2018 \(t) NOT NULL, sw2021 \(t) NOT NULL, hs \(t) NOT NULL, keywords \(t) NOT NULL, chokepoint_note \(t))
            """,
            // `search_rank` is the firm's place in SearchOrder: SQLite keeps it as the rowid, PostgreSQL has none.
            """
            CREATE TABLE enterprises (id \(t) PRIMARY KEY NOT NULL, name \(t) NOT NULL, full_name \(t), uscc \(t),
              stock_code \(t), exchange \(t), market \(t), province_code \(t), city_code \(t), district_code \(t),
              employees INTEGER, registered_capital_wan \(d.double), total_assets_yi \(d.double), setup_date \(t),
              list_date \(t), website \(t), ownership \(t), sw2021_l3 \(t), is_biomedicine BOOLEAN NOT NULL,
              source \(t) NOT NULL, as_of \(t) NOT NULL\(d.pick(sqlite: "", postgres: ", search_rank INTEGER NOT NULL")))
            """,
        ] + ["uscc", "stock_code", "province_code", "city_code", "district_code"].map {
            "CREATE INDEX enterprises_on_\($0) ON enterprises(\($0))"
        } + d.pick(sqlite: fullTextSearch, postgres: [
            "CREATE UNIQUE INDEX enterprises_on_search_rank ON enterprises (search_rank)",
            // SQLite answers substring search with FTS5 trigram; PostgreSQL with pg_trgm GIN indexes.
            "CREATE INDEX enterprises_name_trgm ON enterprises USING GIN (name gin_trgm_ops)",
            "CREATE INDEX enterprises_full_name_trgm ON enterprises USING GIN (full_name gin_trgm_ops)",
        ]) + [
            """
            CREATE TABLE chain_assignments (enterprise_id \(t) NOT NULL REFERENCES enterprises(id) ON DELETE CASCADE,
              node_id \(t) NOT NULL REFERENCES chain_nodes(id), method \(t) NOT NULL, confidence \(d.double) NOT NULL,
              evidence \(t) NOT NULL, source \(t) NOT NULL, as_of \(t) NOT NULL, PRIMARY KEY (enterprise_id, node_id))
            """,
            "CREATE INDEX chain_assignments_on_node_id ON chain_assignments(node_id)",
            """
            CREATE TABLE enterprise_products (enterprise_id \(t) NOT NULL REFERENCES enterprises(id) ON DELETE CASCADE,
              product \(t) NOT NULL, revenue_share \(d.double), source \(t) NOT NULL, as_of \(t) NOT NULL)
            """,
            "CREATE INDEX enterprise_products_on_enterprise_id ON enterprise_products(enterprise_id)",
            "CREATE INDEX enterprise_products_on_product ON enterprise_products(product)",
            """
            CREATE TABLE product_relations (from_product \(t) NOT NULL, to_product \(t) NOT NULL, kind \(t) NOT NULL,
              source \(t) NOT NULL, as_of \(t) NOT NULL)
            """,
            "CREATE INDEX product_relations_on_from_product ON product_relations(from_product)",
            "CREATE INDEX product_relations_on_to_product ON product_relations(to_product)",
            """
            CREATE TABLE events (id \(d.serial), enterprise_id \(t) NOT NULL REFERENCES enterprises(id) ON DELETE CASCADE,
              kind \(t) NOT NULL, date \(t) NOT NULL, title \(t) NOT NULL, detail \(t), source \(t) NOT NULL, as_of \(t) NOT NULL)
            """,
            "CREATE INDEX events_on_enterprise_id ON events(enterprise_id)",
            """
            CREATE TABLE universities (id \(t) PRIMARY KEY NOT NULL, name \(t) NOT NULL, city_code \(t), department \(t) NOT NULL,
              level \(t) NOT NULL, remarks \(t), source \(t) NOT NULL, as_of \(t) NOT NULL)
            """,
            "CREATE INDEX universities_on_city_code ON universities(city_code)",
            """
            CREATE TABLE parks (id \(t) PRIMARY KEY NOT NULL, name \(t) NOT NULL, region_code \(t) NOT NULL REFERENCES regions(code),
              kind \(t) NOT NULL, positioning \(t) NOT NULL, facts \(t) NOT NULL, source \(t) NOT NULL, as_of \(t) NOT NULL)
            """,
            """
            CREATE TABLE policies (id \(t) PRIMARY KEY NOT NULL, region_code \(t) NOT NULL REFERENCES regions(code), title \(t) NOT NULL,
              clause \(t) NOT NULL, eligibility \(t) NOT NULL, max_amount_wan \(d.double), period \(t) NOT NULL,
              source \(t) NOT NULL, as_of \(t) NOT NULL)
            """,
        ]
    }

    /// SQLite's substring search: an FTS5 trigram index kept in step with `enterprises` by triggers (as GRDB's
    /// `synchronize(withTable:)` wrote them), filled from the table.
    private static let fullTextSearch = [
        #"CREATE VIRTUAL TABLE "enterprise_fts" USING fts5(name, full_name, tokenize='''trigram''', content='enterprises')"#,
        """
        CREATE TRIGGER "__enterprise_fts_ai" AFTER INSERT ON "enterprises" BEGIN
            INSERT INTO "enterprise_fts"("rowid", "name", "full_name") VALUES (new."rowid", new."name", new."full_name");
        END
        """,
        """
        CREATE TRIGGER "__enterprise_fts_ad" AFTER DELETE ON "enterprises" BEGIN
            INSERT INTO "enterprise_fts"("enterprise_fts", "rowid", "name", "full_name") VALUES('delete', old."rowid", old."name", old."full_name");
        END
        """,
        """
        CREATE TRIGGER "__enterprise_fts_au" AFTER UPDATE ON "enterprises" BEGIN
            INSERT INTO "enterprise_fts"("enterprise_fts", "rowid", "name", "full_name") VALUES('delete', old."rowid", old."name", old."full_name");
            INSERT INTO "enterprise_fts"("rowid", "name", "full_name") VALUES (new."rowid", new."name", new."full_name");
        END
        """,
        #"INSERT INTO "enterprise_fts"("enterprise_fts") VALUES('rebuild')"#,
    ]
}

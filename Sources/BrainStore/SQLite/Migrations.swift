import GRDB
import BrainModel

/// Versioned schema. Add a new numbered migration for every change; never edit a shipped one.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-core") { db in
            try db.create(table: "meta") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
            try db.create(table: "regions") { t in
                t.primaryKey("code", .text)
                t.column("name", .text).notNull()
                t.column("level", .text).notNull()
                t.column("parent_code", .text).indexed()
                t.column("longitude", .double)
                t.column("latitude", .double)
                t.column("is_development_zone", .boolean).notNull().defaults(to: false)
                t.column("source", .text).notNull()
                t.column("as_of", .text).notNull()
            }
            try db.create(table: "chain_nodes") { t in
                t.primaryKey("id", .text)
                t.column("taxonomy", .text).notNull()
                t.column("position", .integer).notNull()
                t.column("tier", .text).notNull()
                t.column("parent_id", .text)
                t.column("name_zh", .text).notNull()
                t.column("name_en", .text).notNull()
                t.column("gbt4754", .text).notNull()
                t.column("sei2018", .text).notNull()
                t.column("sw2021", .text).notNull()
                t.column("hs", .text).notNull()
                t.column("keywords", .text).notNull()
                t.column("chokepoint_note", .text)
            }
            try db.create(table: "enterprises") { t in
                t.primaryKey("id", .text)
                t.column("name", .text).notNull()
                t.column("full_name", .text)
                t.column("uscc", .text).indexed()
                t.column("stock_code", .text).indexed()
                t.column("exchange", .text)
                t.column("market", .text)
                t.column("province_code", .text).indexed()
                t.column("city_code", .text).indexed()
                t.column("district_code", .text).indexed()
                t.column("employees", .integer)
                t.column("registered_capital_wan", .double)
                t.column("total_assets_yi", .double)
                t.column("setup_date", .text)
                t.column("list_date", .text)
                t.column("website", .text)
                t.column("ownership", .text)
                t.column("sw2021_l3", .text)
                t.column("is_biomedicine", .boolean).notNull()
                t.column("source", .text).notNull()
                t.column("as_of", .text).notNull()
            }
            try db.create(virtualTable: "enterprise_fts", using: FTS5()) { t in
                t.synchronize(withTable: "enterprises")
                t.tokenizer = FTS5TokenizerDescriptor(components: ["trigram"])
                t.column("name")
                t.column("full_name")
            }
            try db.create(table: "chain_assignments") { t in
                t.column("enterprise_id", .text).notNull().references("enterprises", onDelete: .cascade)
                t.column("node_id", .text).notNull().references("chain_nodes").indexed()
                t.column("method", .text).notNull()
                t.column("confidence", .double).notNull()
                t.column("evidence", .text).notNull()
                t.column("source", .text).notNull()
                t.column("as_of", .text).notNull()
                t.primaryKey(["enterprise_id", "node_id"])
            }
            try db.create(table: "enterprise_products") { t in
                t.column("enterprise_id", .text).notNull().references("enterprises", onDelete: .cascade).indexed()
                t.column("product", .text).notNull().indexed()
                t.column("revenue_share", .double)
                t.column("source", .text).notNull()
                t.column("as_of", .text).notNull()
            }
            try db.create(table: "product_relations") { t in
                t.column("from_product", .text).notNull().indexed()
                t.column("to_product", .text).notNull().indexed()
                t.column("kind", .text).notNull()
                t.column("source", .text).notNull()
                t.column("as_of", .text).notNull()
            }
            try db.create(table: "events") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("enterprise_id", .text).notNull().references("enterprises", onDelete: .cascade).indexed()
                t.column("kind", .text).notNull()
                t.column("date", .text).notNull()
                t.column("title", .text).notNull()
                t.column("detail", .text)
                t.column("source", .text).notNull()
                t.column("as_of", .text).notNull()
            }
            try db.create(table: "universities") { t in
                t.primaryKey("id", .text)
                t.column("name", .text).notNull()
                t.column("city_code", .text).indexed()
                t.column("department", .text).notNull()
                t.column("level", .text).notNull()
                t.column("remarks", .text)
                t.column("source", .text).notNull()
                t.column("as_of", .text).notNull()
            }
            try db.create(table: "parks") { t in
                t.primaryKey("id", .text)
                t.column("name", .text).notNull()
                t.column("region_code", .text).notNull().references("regions")
                t.column("kind", .text).notNull()
                t.column("positioning", .text).notNull()
                t.column("facts", .text).notNull()
                t.column("source", .text).notNull()
                t.column("as_of", .text).notNull()
            }
            try db.create(table: "policies") { t in
                t.primaryKey("id", .text)
                t.column("region_code", .text).notNull().references("regions")
                t.column("title", .text).notNull()
                t.column("clause", .text).notNull()
                t.column("eligibility", .text).notNull()
                t.column("max_amount_wan", .double)
                t.column("period", .text).notNull()
                t.column("source", .text).notNull()
                t.column("as_of", .text).notNull()
            }
        }
        migrator.registerMigration("v2-enterprise-financials") { db in
            try db.alter(table: "enterprises") { t in
                t.add(column: "revenue_growth_pct", .double)
                t.add(column: "profit_growth_pct", .double)
                t.add(column: "gross_margin_pct", .double)
                t.add(column: "net_margin_pct", .double)
            }
        }
        migrator.registerMigration("v3-name-bigrams") { db in
            // Trigram FTS cannot answer two-character queries (医药, 生物), the commonest Chinese searches; a bigram
            // table over names and full names answers them through an index instead of a LIKE scan. `rank` is the
            // firm's place in the search order (biomedicine first, then by employees), so a page is an index range.
            try db.create(table: "name_bigrams", options: [.withoutRowID]) { t in
                t.column("gram", .text).notNull()
                t.column("rank", .integer).notNull()
                t.column("enterprise_id", .text).notNull().references("enterprises", onDelete: .cascade)
                t.primaryKey(["gram", "rank"])
            }
            try db.create(index: "enterprises_on_name", on: "enterprises", columns: ["name"])
        }
        migrator.registerMigration("v4-region-biomedicine-indexes") { db in
            // Region pages count and rank a region's biomedicine firms: serve them from the index, not the table.
            for column in ["province_code", "city_code", "district_code"] {
                try db.create(index: "enterprises_on_\(column)_biomedicine", on: "enterprises",
                              columns: [column, "is_biomedicine", "employees"])
            }
        }
        migrator.registerMigration("v5-largest-firms-order") { db in
            // A region's largest firms in a total order (employees, then id), read straight from the index on both
            // backends; supersedes v4's indexes.
            for column in ["province_code", "city_code", "district_code"] {
                try db.drop(index: "enterprises_on_\(column)_biomedicine")
                try db.execute(sql: "CREATE INDEX enterprises_on_\(column)_largest ON enterprises (\(column), is_biomedicine, employees DESC, id DESC)")
            }
        }
        migrator.registerMigration("v6-imports") { db in
            // Users' own files: each import, every row's facts with their provenance (older rows are the history),
            // the review queue, and branch → parent links. `normalized_name` finds same-name candidates and parents.
            try db.alter(table: "enterprises") { t in t.add(column: "normalized_name", .text) }
            for row in try Row.fetchAll(db, sql: "SELECT id, name, full_name FROM enterprises") {
                let name: String = row["full_name"] ?? row["name"]
                try db.execute(sql: "UPDATE enterprises SET normalized_name = ? WHERE id = ?",
                               arguments: [CompanyName.normalized(name), row["id"] as String])
            }
            for statement in ImportSchema.statements(text: "TEXT", identity: "INTEGER PRIMARY KEY") { try db.execute(sql: statement) }
        }
        migrator.registerMigration("v7-market") { db in
            // Organisations and their demands, offers and talents (issue 7's supply–demand market).
            for statement in MarketSchema.statements(text: "TEXT", identity: "INTEGER PRIMARY KEY") { try db.execute(sql: statement) }
        }
        migrator.registerMigration("v8-access") { db in
            // Sign-in sessions, admin tokens, and each import's organisation (issue 14): market imports already named
            // theirs in the kind ("talents:ID").
            for statement in AccessSQL.schema(text: "TEXT", time: "INTEGER") { try db.execute(sql: statement) }
            try db.execute(sql: "UPDATE imports SET organisation_id = substr(kind, instr(kind, ':') + 1) WHERE kind LIKE '%:%'")
        }
        migrator.registerMigration("v9-locations") { db in
            // Issue 15: how each listed firm was located (which annual-report address, or why it stops at the city),
            // and the street markers of a park's address (BioBAY = 星湖街218号) that place firms in it.
            for statement in LocationSchema.statements(text: "TEXT") { try db.execute(sql: statement) }
        }
        migrator.registerMigration("v10-layers") { db in
            // Issue 15: every firm's layer (listed, a bundled register, an import), counted only where chosen.
            for statement in LayerSchema.statements(text: "TEXT") { try db.execute(sql: statement) }
        }
        migrator.registerMigration("v11-curations") { db in
            // Analysts' corrections of firms' chain nodes and locations (issue 15 item 4, docs/curation.md).
            for statement in CurationSQL.schema(text: "TEXT") { try db.execute(sql: statement) }
        }
        migrator.registerMigration("v12-names") { db in
            // Issue 16 item 3: every name each firm is known by, for resolving names to firms (NameSchema).
            for statement in NameSchema.statements(text: "TEXT") { try db.execute(sql: statement) }
        }
        migrator.registerMigration("v13-policies") { db in
            // Issue 18 item 5: policy clauses users import, each its organisation's own or public (PolicySQL).
            for statement in PolicySQL.schema(text: "TEXT", real: "REAL") { try db.execute(sql: statement) }
        }
        migrator.registerMigration("v14-audit") { db in
            // Issue 19 item 2: the append-only audit trail (AuditSQL).
            for statement in AuditSQL.schema(text: "TEXT", identity: "INTEGER PRIMARY KEY AUTOINCREMENT") + AuditSQL.sqliteGuards {
                try db.execute(sql: statement)
            }
        }
        migrator.registerMigration("v15-accounts") { db in
            // Issue 19 item 1: people with roles and password hashes, organisations' kind and region scope (existing
            // ones carried over as national bureaus), and the person a sign-in session names (AccountSQL).
            for statement in AccountSQL.schema(text: "TEXT", time: "INTEGER") { try db.execute(sql: statement) }
        }
        migrator.registerMigration("v16-leads") { db in
            // Issue 19 item 3: the 招商 pipeline's leads and their history (LeadSQL).
            for statement in LeadSQL.schema(text: "TEXT", integer: "INTEGER", identity: "INTEGER PRIMARY KEY AUTOINCREMENT") {
                try db.execute(sql: statement)
            }
        }
        migrator.registerMigration("v17-watch") { db in
            // Issue 19 item 4: the change feed imports write, watchlists and alerts (WatchSQL).
            for statement in WatchSQL.schema(text: "TEXT", identity: "INTEGER PRIMARY KEY AUTOINCREMENT") { try db.execute(sql: statement) }
        }
        migrator.registerMigration("v18-webhook") { db in
            // Issue 19 items 1 and 4: organisations' alert webhooks and their delivery log, people's API tokens (WebhookSQL).
            for statement in WebhookSQL.schema(text: "TEXT", integer: "INTEGER", identity: "INTEGER PRIMARY KEY AUTOINCREMENT") {
                try db.execute(sql: statement)
            }
        }
        migrator.registerMigration("v19-publish") { db in
            // Issue 19: an organisation's imports and curations are private until its admin publishes them (PublishSQL).
            for statement in PublishSQL.schema(text: "TEXT") { try db.execute(sql: statement) }
        }
        migrator.registerMigration("v20-outbox") { db in
            // Issue 19: the webhook outbox, so alerts from CLI imports and review decisions are posted too (WebhookOutboxSQL).
            for statement in WebhookOutboxSQL.migration(integer: "INTEGER") { try db.execute(sql: statement) }
        }
        return migrator
    }
}

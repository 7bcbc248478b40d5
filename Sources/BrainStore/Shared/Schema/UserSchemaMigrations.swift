/// Users' data (imports, the market, accounts, curations, the pipeline, alerts) in the one migration list; each
/// area's tables are in its own statement file (ImportSchema, AccessSQL, …).
extension SchemaMigrations {
    static let users: [SchemaMigration] = [
        // Users' own files: each import, every row's facts with their provenance (older rows are the history), the
        // review queue, and branch → parent links. `normalized_name` finds same-name candidates and parents: SQLite's
        // runner fills it for the firms already there; a PostgreSQL store built before this step finds same-name
        // candidates only among imported firms until the next `brain build-db`.
        SchemaMigration("v7-imports", sqliteID: "v6-imports") { d in
            ["ALTER TABLE enterprises ADD COLUMN normalized_name \(d.text)"] + ImportSchema.statements(text: d.text, identity: d.rowID)
        },
        // Organisations and their demands, offers and talents (issue 7's supply–demand market).
        SchemaMigration("v8-market", sqliteID: "v7-market") { d in MarketSchema.statements(text: d.text, identity: d.rowID) },
        // Sign-in sessions, admin tokens, and each import's organisation (issue 14): market imports already named
        // theirs in the kind ("talents:ID").
        SchemaMigration("v9-access", sqliteID: "v8-access") { d in
            AccessSQL.schema(text: d.text, time: d.bigint) + [d.pick(
                sqlite: "UPDATE imports SET organisation_id = substr(kind, instr(kind, ':') + 1) WHERE kind LIKE '%:%'",
                postgres: "UPDATE imports SET organisation_id = split_part(kind, ':', 2) WHERE kind LIKE '%:%'")]
        },
        // Issue 15: how each listed firm was located (which annual-report address, or why it stops at the city), and
        // the street markers of a park's address (BioBAY = 星湖街218号) that place firms in it.
        SchemaMigration("v10-locations", sqliteID: "v9-locations") { d in LocationSchema.statements(text: d.text) },
        // Issue 15: every firm's layer (listed, a bundled register, an import), counted only where chosen.
        SchemaMigration("v11-layers", sqliteID: "v10-layers") { d in LayerSchema.statements(text: d.text) },
        // Analysts' corrections of firms' chain nodes and locations (issue 15 item 4, docs/curation.md).
        SchemaMigration("v12-curations", sqliteID: "v11-curations") { d in CurationSQL.schema(text: d.text) },
        // Issue 16 item 3: every name each firm is known by, for resolving names to firms.
        SchemaMigration("v13-names", sqliteID: "v12-names") { d in NameSchema.statements(text: d.text) },
        // Issue 18 item 5: policy clauses users import, each its organisation's own or public.
        SchemaMigration("v14-policies", sqliteID: "v13-policies") { d in PolicySQL.schema(text: d.text, real: d.real) },
        // Issue 19 item 2: the append-only audit trail, guarded by each engine's triggers.
        SchemaMigration("v15-audit", sqliteID: "v14-audit") { d in
            AuditSQL.schema(text: d.text, identity: d.serial) + d.pick(sqlite: AuditSQL.sqliteGuards, postgres: AuditSQL.postgresGuards)
        },
        // Issue 19 item 1: people with roles and password hashes, organisations' kind and region scope (existing ones
        // carried over as national bureaus), and the person a sign-in session names.
        SchemaMigration("v16-accounts", sqliteID: "v15-accounts") { d in AccountSQL.schema(text: d.text, time: d.bigint) },
        // Issue 19 item 3: the 招商 pipeline's leads and their history.
        SchemaMigration("v17-leads", sqliteID: "v16-leads") { d in LeadSQL.schema(text: d.text, integer: d.bigint, identity: d.serial) },
        // Issue 19 item 4: the change feed imports write, watchlists and alerts.
        SchemaMigration("v18-watch", sqliteID: "v17-watch") { d in WatchSQL.schema(text: d.text, identity: d.serial) },
        // Issue 19 items 1 and 4: organisations' alert webhooks and their delivery log, people's API tokens.
        SchemaMigration("v19-webhook", sqliteID: "v18-webhook") { d in
            WebhookSQL.schema(text: d.text, integer: d.bigint, identity: d.serial)
        },
        // PostgreSQL only: references to BIGINT keys (imports, watchlist, changes) were made 32-bit INTEGER, so an
        // import, watch or change numbered past 2^31 could not be written. SQLite's INTEGER is 64-bit already.
        SchemaMigration("v20-fixes") { d in d.pick(sqlite: [], postgres: [
            "ALTER TABLE changes ALTER COLUMN import_id TYPE BIGINT",
            "ALTER TABLE alerts ALTER COLUMN watch_id TYPE BIGINT, ALTER COLUMN change_id TYPE BIGINT",
        ] + ["enterprise_records", "review_items", "enterprise_links", "market_records"].map {
            "ALTER TABLE \($0) ALTER COLUMN import_id TYPE BIGINT"
        }) },
        // Issue 19: an organisation's imports and curations are private until its admin publishes them.
        SchemaMigration("v21-publish", sqliteID: "v19-publish") { d in PublishSQL.schema(text: d.text) },
        // Issue 19: the webhook outbox, so alerts from CLI imports and review decisions are posted too.
        SchemaMigration("v22-outbox", sqliteID: "v20-outbox") { d in WebhookOutboxSQL.migration(integer: d.bigint) },
        // Issue 16 item 4: each firm an import writes went into three single-column region indexes that the region
        // pages' (column, is_biomedicine, employees, id) indexes of v5 make redundant: same leading column, so every
        // look-up by province, city or district is served by those. SQLite only for now (PostgreSQL's import is
        // bound by its GIN indexes; its own work decides).
        SchemaMigration("v23-region-index-duplicates") { d in
            d.pick(sqlite: regionColumns.map { "DROP INDEX enterprises_on_\($0)" }, postgres: [])
        },
        // Why an item waits in the review queue, as data (a code and values, JSON) worded per reader; `reason` keeps
        // the Chinese text. Items stored before have their text only.
        SchemaMigration("v24-review-reasons") { _ in ["ALTER TABLE review_items ADD COLUMN reasons TEXT"] },
        // Issue 16 item 4: indexes no query reads, which every firm an import writes still went into: stock codes are
        // never looked up in the store, and PostgreSQL's single-column region indexes duplicate v5's, as SQLite's did
        // (v23). PostgreSQL's import is bound by its index entries per firm.
        SchemaMigration("v25-unread-indexes") { d in
            ["DROP INDEX enterprises_on_stock_code"] + d.pick(sqlite: [], postgres: regionColumns.map { "DROP INDEX enterprises_on_\($0)" })
        },
        // Issue 16 item 4: SQLite's full-text index tokenised a firm's full name again where it is its name (every firm
        // an import creates, most listed ones): a third of an import's insert into `enterprises`. The index now reads a
        // view that leaves such a full name out, and a firm's update re-indexes it only when a name changes.
        SchemaMigration("v26-full-name-indexed-once") { d in d.pick(sqlite: FullTextSearch.indexedOnce, postgres: []) },
    ]
}

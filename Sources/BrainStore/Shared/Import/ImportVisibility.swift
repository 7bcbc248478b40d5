import BrainModel

/// What an import's planners may read of the store (issue 19): exactly what the import's own audience may see, so
/// nothing another organisation imported privately can steer, name or be counted by the import.
///
/// An organisation's import sees public records and its own organisation's; a public (operator, CLI) import sees
/// public records only. Its changes go to the public feed, alerts and webhooks, so its "before" values, removed nodes
/// and node lists must come from public records alone; and a public firm must never take facts or nodes from a row
/// that only matched a private firm. To every import, another organisation's private firm is as if it did not exist:
/// the row creates the import's own firm, or goes to review naming only firms the importer may see.
///
/// Who may see which import is decided in one place, `HiddenImports` (with whatever it learns, e.g. a published
/// flag); this type only turns it into SQL arguments: the hidden firms' layers and the hidden imports' sources.
struct ImportVisibility: Sendable {
    let hidden: HiddenImports
    /// The layers the public may not see: firms only their organisation (and the operator) read. A private import
    /// rewrites only such a firm of its own; once published, the firm's row is everyone's and the import links to it.
    var privateLayers: Set<String> = []

    init(hidden: HiddenImports) { self.hidden = hidden }

    /// The visibility of an import with `header`, from every import's layer and owner read inside the import's own
    /// transaction `s` (the import itself included): the one place an import or a review decision learns it.
    static func read(_ s: any SQLSession, for header: ImportHeader) async throws -> ImportVisibility {
        let layers = try await s.rows(StoreSQL.snapshotImportLayers, []) { try RowMapping.importLayer($0) }
        var visibility = ImportVisibility(hidden: HiddenImports(layers, for: .organisation(header.organisation)))
        visibility.privateLayers = HiddenImports(layers, for: .organisation(nil)).layers
        return visibility
    }

    /// The hidden firms' layers, never empty (`''` is no layer) so `NOT IN` is portable.
    var layers: [SQLValue] { ([""] + hidden.sortedLayers).map { .text($0) } }

    /// The hidden imports' sources (`import:<id>`, as facts, names, nodes and events name them), never empty.
    var sources: [SQLValue] { ([""] + hidden.ids.sorted().map { Layer.of(importId: $0) }).map { .text($0) } }

    /// The hidden imports' ids, never empty (no import has id -1).
    var importIds: [SQLValue] { ([-1] + hidden.ids.sorted()).map { .int($0) } }

    /// `layer NOT IN (…)` for `layers`.
    var visibleFirm: String { "layer NOT IN (\(StoreSQL.marks(layers.count)))" }

    /// `<column> NOT IN (…)` for `sources`.
    func visibleSource(_ column: String = "source") -> String { "COALESCE(\(column), '') NOT IN (\(StoreSQL.marks(sources.count)))" }

    /// The names table's rows for `keys` (`NameSQL.byKeys`), less names a hidden import brought and names of hidden firms.
    func names(keys: [SQLValue]) -> ImportPlanner.Write {
        let sql = """
            SELECT * FROM (\(NameSQL.byKeys(keys.count))) n WHERE \(visibleSource("n.source"))
              AND NOT EXISTS (SELECT 1 FROM enterprises e WHERE e.id = n.enterprise_id AND e.layer IN (\(StoreSQL.marks(layers.count))))
            ORDER BY enterprise_id, kind, key
            """
        return ImportPlanner.Write(sql, keys + keys + sources + layers)
    }
}

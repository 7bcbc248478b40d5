import BrainModel

/// The columns publishing adds and their SQL, the same on both backends (SQLite v19-publish, PostgreSQL v21-publish).
/// Curations made before it stay as they were, public: `organisation_id` is NULL for them.
enum PublishSQL {
    static func schema(text: String) -> [String] {
        [
            "ALTER TABLE imports ADD COLUMN published_at \(text)",
            "ALTER TABLE imports ADD COLUMN published_by \(text)",
            "ALTER TABLE curations ADD COLUMN organisation_id \(text)",
            "ALTER TABLE curations ADD COLUMN published_at \(text)",
            "ALTER TABLE curations ADD COLUMN published_by \(text)",
            "CREATE INDEX curations_on_organisation ON curations (organisation_id, published_at)",
        ]
    }

    static let setImport = "UPDATE imports SET published_at = ?, published_by = ? WHERE id = ?"
    /// The change feed's rows of the import follow it: public once published (only those whose firm the public may
    /// then see: a row about a firm another, unpublished import of the organisation made stays the organisation's),
    /// the organisation's again if withdrawn. `privateLayers`: `StoreSQL.marks` for the layers still hidden from the public.
    static func publishImportChanges(privateLayers: Int) -> String {
        """
        UPDATE changes SET organisation_id = NULL WHERE import_id = ?
          AND enterprise_id IN (SELECT id FROM enterprises WHERE layer NOT IN (\(StoreSQL.marks(privateLayers))))
        """
    }
    static let withdrawImportChanges = "UPDATE changes SET organisation_id = ? WHERE import_id = ?"
    /// The places of the firms the import created (its layer is theirs, whatever later imports rewrote), for the
    /// region-scope check; an unlocated firm has none and counts as outside a scope.
    static let importFirmPlaces = "SELECT district_code, city_code, province_code FROM enterprises WHERE layer = ?"
    static let curationById = "SELECT * FROM curations WHERE id = ?"
    static let setCuration = "UPDATE curations SET published_at = ?, published_by = ? WHERE id = ?"
    static let organisationImports = "SELECT * FROM imports WHERE organisation_id IS NOT NULL"
    static let organisationCurations = "SELECT * FROM curations WHERE organisation_id IS NOT NULL"

    static func importPublication(_ row: some ColumnReader) throws -> Publication {
        Publication(kind: .import, id: String(try row.int("id")), organisationId: try row.optionalText("organisation_id") ?? "",
                    title: try row.text("file"), detail: "\(try row.text("kind")) · \(try row.text("as_of"))",
                    createdAt: try row.text("imported_at"), publishedAt: try row.optionalText("published_at"),
                    publishedBy: try row.optionalText("published_by"))
    }

    static func curationPublication(_ row: some ColumnReader) throws -> Publication {
        let curation = try CurationSQL.curation(row)
        let target = [curation.fromNodeId, curation.nodeId, curation.regionCode, curation.revokes].compactMap { $0 }.joined(separator: " → ")
        return Publication(kind: .curation, id: curation.id, organisationId: curation.organisationId ?? "", title: curation.enterpriseId,
                           detail: "\(curation.action.rawValue) \(target) · \(curation.reason)", createdAt: curation.createdAt,
                           publishedAt: curation.publishedAt, publishedBy: try row.optionalText("published_by"))
    }
}

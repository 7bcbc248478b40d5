import BrainModel

/// Curations' node moves in the change feed (issue 19): an analyst adding, moving or revoking a chain-node curation
/// changes the firm's chain nodes as stored, so it is a `firm.node` change (source: the curation, `values.curation`;
/// import id 0, no import made it) with alerts for the watchers of the firm, its region and every node involved — in
/// the curation's own transaction, like an import's changes.
///
/// Before and after are the firm's stored nodes the change's audience may see. A public firm's stored placement is
/// everyone's, so its change is public (organisation nil) and leaves out nodes an import hidden from the public placed.
/// A firm that only its organisation may see (its private import made it) has a change for that organisation alone,
/// with what it may see. (An organisation's unpublished curation applies to nobody and moves nothing
/// stored, so it writes no change; publishing or withdrawing it does, through the same record.) Who may see what is `HiddenImports`' decision, as for imports.
enum CurationChanges {
    struct Audience {
        var organisation: String?
        var visibility: ImportVisibility
    }

    /// Every import's layer and owner, read once per curation batch.
    static func importLayers(_ s: any SQLWriteSession) async throws -> [ImportLayer] {
        try await s.rows(StoreSQL.snapshotImportLayers, []) { try RowMapping.importLayer($0) }
    }

    /// Who hears of a change to `firm`: everyone, unless the public may not see the firm; then the organisation whose
    /// import's layer it is.
    static func audience(_ s: any SQLWriteSession, _ firm: String, _ layers: [ImportLayer]) async throws -> Audience {
        let everyone = HiddenImports(layers, for: .organisation(nil))
        guard let layer = try await s.first("SELECT layer FROM enterprises WHERE id = ?", [.text(firm)], { try $0.text("layer") }),
              everyone.layers.contains(layer) else { return Audience(organisation: nil, visibility: ImportVisibility(hidden: everyone)) }
        let owner = layers.first { $0.layer == layer && $0.organisationId != nil }?.organisationId
        return Audience(organisation: owner, visibility: ImportVisibility(hidden: HiddenImports(layers, for: .organisation(owner))))
    }

    /// The firm's stored chain nodes `visibility` lets its audience see.
    static func nodes(_ s: any SQLWriteSession, _ firm: String, _ visibility: ImportVisibility) async throws -> Set<String> {
        Set(try await s.rows("SELECT node_id FROM chain_assignments WHERE enterprise_id = ? AND \(visibility.visibleSource())",
                             [.text(firm)] + visibility.sources) { try $0.text("node_id") })
    }

    /// A `firm.node` change when `before` and `after` differ, and its alerts. `curations`: the batch's curations of the firm.
    static func record(_ s: any SQLWriteSession, firm: String, curations: [Curation], before: Set<String>, after: Set<String>,
                       organisation: String? = nil) async throws {
        guard let last = curations.last else { return }
        try await record(s, firm: firm, curationIds: curations.map(\.id), at: last.createdAt, before: before, after: after,
                         organisation: organisation)
    }

    /// The same for curations that changed at `at` (a publication applies or withdraws one).
    static func record(_ s: any SQLWriteSession, firm: String, curationIds: [String], at: String, before: Set<String>,
                       after: Set<String>, organisation: String? = nil) async throws {
        let added = after.subtracting(before).sorted(), removed = before.subtracting(after).sorted()
        guard !added.isEmpty || !removed.isEmpty else { return }
        guard let place = try await s.first("SELECT name, province_code, city_code, district_code FROM enterprises WHERE id = ?", [.text(firm)], {
            (name: try $0.text("name"), codes: [try $0.optionalText("province_code"), try $0.optionalText("city_code"), try $0.optionalText("district_code")])
        }) else { return }
        let change = Change(importId: 0, at: at, asOf: String(at.prefix(10)), organisationId: organisation, code: .firmNode,
                            enterpriseId: firm, provinceCode: place.codes[0], cityCode: place.codes[1], districtCode: place.codes[2],
                            nodeIds: added + after.subtracting(added).sorted() + removed,
                            values: ["name": place.name, "added": added.joined(separator: ","), "removed": removed.joined(separator: ","),
                                     "curation": curationIds.joined(separator: ",")])
        guard let id = try await s.first(WatchSQL.insertChange + " RETURNING id", try WatchSQL.changeValues(change), { try $0.int("id") }) else { return }
        try await s.execute(WatchSQL.raiseAlertsOfChange, [.int(id)])
    }
}

import BrainModel

/// The import's use of the names table (issue 16 item 3): a row whose name resolves to a listed or bundled firm —
/// by its registered, short, former or English name — is linked to that firm with the name it matched recorded,
/// instead of becoming a second firm. A row that disagrees with the firm (another 统一社会信用代码, another region),
/// a row with no code to back the name, or a name several firms share goes to review: never merged on a name alone.
/// The planner asks for the batch's names in one query (a set operation per batch) and calls `decide` once per row.
struct ImportNameLinking {
    enum Decision {
        /// Not named by another firm's name: the planner's own rules apply.
        case none
        case link(String, matched: EnterpriseName)
        case review(candidates: [String], reason: Reason)
    }

    /// What the planner knows of a candidate firm.
    struct Firm {
        var name: String
        var uscc: String?
        var cityCode: String?
        var createdByImports: Bool
    }

    private(set) var names: [String: [EnterpriseName]] = [:]

    /// The batch's stored names by key, then the firms they name (for `learn(firms:records:)`, so a review decision
    /// merging into one finds it). Not their fact rows: a row is only ever linked to such a firm, never compared.
    /// Only names and firms `visibility` lets the import see: another organisation's private firm and the names its
    /// imports brought are as if they did not exist.
    static func queries(_ batch: [ImportedEnterprise], rank: String, visibility: ImportVisibility) -> [ImportPlanner.Write] {
        let arguments = ImportSQL.lookUpList(batch.flatMap { Self.keys($0) }).map { SQLValue.text($0) }
        let firms = """
            SELECT \(ImportSQL.firmColumns(rank: rank)) FROM enterprises
            WHERE id IN (SELECT enterprise_id FROM enterprise_names WHERE key IN (\(StoreSQL.marks(arguments.count))) AND \(visibility.visibleSource()))
              AND \(visibility.visibleFirm)
            """
        return [visibility.names(keys: arguments), ImportPlanner.Write(firms, arguments + visibility.sources + visibility.layers)]
    }

    mutating func learn(_ rows: [any ColumnReader]) throws {
        names = Dictionary(grouping: try rows.compactMap(NameSQL.name), by: \.key)
    }

    /// `own`: the row's own id; `linksByName`: a register of whole legal names, whose rows link without a code.
    func decide(_ record: ImportedEnterprise, own: String, linksByName: Bool, firm: (String) -> Firm?) -> Decision {
        // Most rows name no stored name: nothing to resolve.
        let keys = Self.keys(record)
        let stored = keys.flatMap { names[$0] ?? [] }
        guard !stored.isEmpty else { return .none }
        let resolution = NameResolution.resolve(record.name, keys: keys, among: stored)
        // Firms the imports created are matched by their normalised name and city, as before.
        let matches = resolution.matches.filter { $0.enterpriseId != own && firm($0.enterpriseId).map { !$0.createdByImports } ?? false }
        guard let first = matches.first, let target = firm(first.enterpriseId) else { return .none }
        guard resolution.status == .resolved else {
            let ids = matches.map(\.enterpriseId)
            return .review(candidates: ids, reason: Reason("review.name-several-firms", ["name": record.name, "firms": ids.joined(separator: "、"),
                                                                                         "firms.en": ids.joined(separator: ", ")]))
        }
        // The evidence: which of the firm's names the row's name is, and where that name comes from.
        let label = first.kind.label
        func because(_ code: String, _ values: [String: String] = [:]) -> Decision {
            .review(candidates: [first.enterpriseId], reason: Reason(code, values.merging([
                "target": target.name, "kind": label.zh, "kind.en": label.en, "matched": first.name, "source": first.source,
            ]) { own, _ in own }))
        }
        if let code = record.uscc, let held = target.uscc, code != held {
            return because("review.name-code-differs", ["held": held, "code": code])
        }
        // The region: the city when the row has one, else the province.
        if let city = target.cityCode, let row = record.cityCode ?? record.provinceCode,
           record.cityCode != nil ? row != city : row.prefix(2) != city.prefix(2) {
            return because("review.name-region-differs", ["city": city, "region": row])
        }
        if record.uscc == nil, !linksByName { return because("review.name-no-code") }
        return .link(first.enterpriseId, matched: first)
    }

    /// A row's name keys from its normalised name, folded once by the reader.
    static func keys(_ record: ImportedEnterprise) -> [String] { NameKey.keys(of: record.name, normalized: record.normalizedName) }

    /// The imported name kept as one of the firm's names, with the name it matched as evidence; without one, a name
    /// a firm the imports created had before a rename (its current name is read from `enterprises`).
    static func nameWrite(_ id: String, _ record: ImportedEnterprise, importId: Int, asOf: String, matched: EnterpriseName?) -> ImportPlanner.Write {
        ImportPlanner.Write("INSERT INTO enterprise_names (\(NameSchema.columns.joined(separator: ", "))) VALUES (\(StoreSQL.marks(NameSchema.columns.count)))", [
            .text(id), .text(keys(record).first ?? record.normalizedName), .text(record.name), .text(EnterpriseName.Kind.imported.rawValue),
            .text("import:\(importId)"), .text(asOf), .text(matched?.kind.rawValue), .text(matched?.name),
        ])
    }

    static let deleteNames = "DELETE FROM enterprise_names WHERE enterprise_id = ?"
}

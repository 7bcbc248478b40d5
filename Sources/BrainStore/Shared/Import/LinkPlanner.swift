import BrainModel

/// Products, events and product relations from users' files: each row names its firm (by code, registered name or
/// short name) and is added once — the same row again is unchanged, a product's new revenue share an update.
/// A firm the store does not hold, or holds several of by that name, leaves the row unresolved, reported by line.
struct LinkPlanner: ImportBatchPlanner {
    let header: ImportHeader
    let importId: Int
    /// Firms and names of imports hidden from this one's audience are as if they did not exist (ImportVisibility).
    let visibility: ImportVisibility
    var outcome: ImportOutcome
    private var idsByUSCC: [String: String] = [:]
    private var idsByName: [String: Set<String>] = [:]
    private var products: [String: Double?] = [:]
    private var events: Set<String> = []
    private var relations: Set<String> = []
    /// The batch's names from the names table, by key: a firm named by its short, former or English name.
    private var names: [String: [EnterpriseName]] = [:]

    init(header: ImportHeader, importId: Int, backend: ImportBackend, visibility: ImportVisibility, nextRank: Int) {
        self.header = header
        self.importId = importId
        self.visibility = visibility
        outcome = ImportOutcome(importId: importId)
    }

    static func key(_ parts: String...) -> String { parts.joined(separator: "\u{1}") }

    /// The alerts the import's new events raise for their watchers.
    mutating func finish() -> [ImportPlanner.Write] { header.recordsChanges ? [ChangeFeed.raiseAlerts(importId)] : [] }

    mutating func queries(_ batch: [ImportedLink]) -> [ImportPlanner.Write] {
        (idsByUSCC, idsByName, products, events, relations) = ([:], [:], [:], [], [])
        var codes: [String] = [], names: [String] = [], sources: [String] = []
        for link in batch {
            if let code = link.firm?.uscc { codes.append(code) }
            if let name = link.firm?.name { names.append(name) }
            if let name = link.firm?.normalizedName { names.append(name) }
            if case .relation(_, let from, _, _) = link { sources.append(from) }
        }
        (codes, names, sources) = (ImportSQL.lookUpList(codes), ImportSQL.lookUpList(names), ImportSQL.lookUpList(sources))
        let visible = visibility.visibleFirm
        let firms = """
            SELECT id, uscc, name, normalized_name FROM enterprises WHERE uscc IN (\(StoreSQL.marks(codes.count))) AND \(visible)
            UNION SELECT id, uscc, name, normalized_name FROM enterprises WHERE normalized_name IN (\(StoreSQL.marks(names.count))) AND \(visible)
            UNION SELECT id, uscc, name, normalized_name FROM enterprises WHERE name IN (\(StoreSQL.marks(names.count))) AND \(visible)
            """
        let arguments = [codes, names, names].flatMap { $0.map { SQLValue.text($0) } + visibility.layers }
        let keys = ImportSQL.lookUpList(NameResolution.keys(for: batch.compactMap { $0.firm?.name }))
        let ofFirms = "enterprise_id IN (SELECT id FROM (\(firms)) f)"
        return [
            .init(firms, arguments),
            .init("SELECT enterprise_id, product, revenue_share FROM enterprise_products WHERE \(ofFirms)", arguments),
            .init("SELECT enterprise_id, kind, date, title FROM events WHERE \(ofFirms)", arguments),
            .init("SELECT from_product, to_product, kind FROM product_relations WHERE from_product IN (\(StoreSQL.marks(sources.count)))",
                  sources.map { .text($0) }),
            visibility.names(keys: keys.map { .text($0) }),
        ]
    }

    mutating func learn(_ results: [[any ColumnReader]]) throws {
        for row in results[0] {
            let id = try row.text("id")
            if let code = try row.optionalText("uscc") { idsByUSCC[code] = id }
            idsByName[try row.text("name"), default: []].insert(id)
            if let name = try row.optionalText("normalized_name") { idsByName[name, default: []].insert(id) }
        }
        for row in results[1] { products[Self.key(try row.text("enterprise_id"), try row.text("product"))] = try row.optionalDouble("revenue_share") }
        for row in results[2] {
            events.insert(Self.key(try row.text("enterprise_id"), try row.text("kind"), try row.text("date"), try row.text("title")))
        }
        for row in results[3] { relations.insert(Self.key(try row.text("from_product"), try row.text("to_product"), try row.text("kind"))) }
        names = Dictionary(grouping: try results[4].compactMap(NameSQL.name), by: \.key)
    }

    mutating func plan(_ link: ImportedLink) throws -> [ImportPlanner.Write] {
        let source = SQLValue.text("import:\(importId)"), asOf = SQLValue.text(header.asOf)
        switch link {
        case .product(let line, let firm, let product, let share):
            guard let id = resolve(firm, line) else { return [] }
            let key = Self.key(id, product)
            if let known = products[key] {
                if known == share || share == nil { outcome.unchanged += 1; return [] }
                products[key] = share
                outcome.updated += 1
                return [.init("UPDATE enterprise_products SET revenue_share = ?, source = ?, as_of = ? WHERE enterprise_id = ? AND product = ?",
                              [.double(share), source, asOf, .text(id), .text(product)])]
            }
            products[key] = share
            outcome.created += 1
            return [.init("INSERT INTO enterprise_products (enterprise_id, product, revenue_share, source, as_of) VALUES (?, ?, ?, ?, ?)",
                          [.text(id), .text(product), .double(share), source, asOf])]
        case .event(let line, let firm, let kind, let date, let title, let detail):
            guard let id = resolve(firm, line) else { return [] }
            guard events.insert(Self.key(id, kind.rawValue, date, title)).inserted else { outcome.unchanged += 1; return [] }
            outcome.created += 1
            return [.init("INSERT INTO events (enterprise_id, kind, date, title, detail, source, as_of) VALUES (?, ?, ?, ?, ?, ?, ?)",
                          [.text(id), .text(kind.rawValue), .text(date), .text(title), .text(detail), source, asOf])]
                + (header.recordsChanges ? [try ChangeFeed.event(header: header, importId: importId, enterpriseId: id, kind: kind.rawValue, date: date, title: title,
                                                                           visibility: visibility)] : [])
        case .relation(_, let from, let to, let kind):
            guard relations.insert(Self.key(from, to, kind.rawValue)).inserted else { outcome.unchanged += 1; return [] }
            outcome.created += 1
            return [.init("INSERT INTO product_relations (from_product, to_product, kind, source, as_of) VALUES (?, ?, ?, ?, ?)",
                          [.text(from), .text(to), .text(kind.rawValue), source, asOf])]
        }
    }

    /// The one firm a reference names, or nil with the row reported.
    private mutating func resolve(_ firm: FirmReference, _ line: Int) -> String? {
        if let code = firm.uscc {
            if let id = idsByUSCC[code] { return id }
            if firm.name == nil {
                outcome.unresolved.append(UnresolvedRow(line: line, reason: Reason("link.no-firm-with-code", ["code": code])))
                return nil
            }
        }
        var candidates = (firm.normalizedName.flatMap { idsByName[$0] } ?? []).union(firm.name.flatMap { idsByName[$0] } ?? [])
        // Not a stored name or full name: the names table (short, former, English names), exact after folding.
        if candidates.isEmpty, let name = firm.name {
            candidates = Set(NameResolution.resolve(name, among: NameResolution.keys(for: [name]).flatMap { names[$0] ?? [] }).matches.map(\.enterpriseId))
        }
        if candidates.count == 1 { return candidates.first }
        outcome.unresolved.append(UnresolvedRow(line: line, reason: candidates.isEmpty
            ? Reason("link.no-firm-named", ["firm": firm.description])
            : Reason("link.several-firms-named", ["count": "\(candidates.count)", "name": firm.name ?? ""])))
        return nil
    }
}

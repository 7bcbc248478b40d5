import Foundation
import BrainModel

/// How a backend ranks firms for search: SQLite by rowid (rank + 1), PostgreSQL by `search_rank`, which also keeps
/// the three-character index and the gram counts.
struct ImportBackend: Sendable {
    let rankExpression: String
    let rankColumn: String
    let rankOffset: Int
    let indexesTrigrams: Bool
    let nextRankSQL: String
    /// Whether a large import may drop the indexes it never reads and build them again at its end (`DeferredIndexes`),
    /// and hold new firms' grams to write them in key order (`HeldGramWrites`).
    let defersIndexes: Bool
    /// Whether a new firm's rows go in without the conflict clause (`ImportSQL.insertNewRecord`): PostgreSQL then
    /// copies them straight into their tables. SQLite gains nothing by it and keeps one statement per table, so its
    /// rows keep their file order (rowids) as before.
    let insertsNewRowsPlainly: Bool

    static let sqlite = ImportBackend(rankExpression: "rowid - 1", rankColumn: "rowid", rankOffset: 1, indexesTrigrams: false,
                                      nextRankSQL: "SELECT COALESCE(MAX(rowid), 0) AS n FROM enterprises", defersIndexes: true,
                                      insertsNewRowsPlainly: false)
    static let postgres = ImportBackend(rankExpression: "search_rank", rankColumn: "search_rank", rankOffset: 0, indexesTrigrams: true,
                                        nextRankSQL: "SELECT COALESCE(MAX(search_rank), -1) + 1 AS n FROM enterprises", defersIndexes: false,
                                        insertsNewRowsPlainly: true)
}

/// Decides, row by row, what an import writes — the same decisions on both backends, which only fetch what the
/// planner asks for and run the writes it returns, in the import's one transaction.
///
/// Same 统一社会信用代码 → same firm, updated — unless the row's normalised name and its region both differ from the
/// firm's: a code shared by two firms that agree on nothing else is a wrong code (a typo, a placeholder), so the row
/// goes to review instead of overwriting the firm; rejecting that review leaves the firm as it was and the row out
/// (two firms cannot hold one code). Without a code, a firm's id is its normalised name and city, so the
/// same row imported again finds itself; another firm with the same normalised name is a candidate, sent to review,
/// never merged silently. A row older (as-of) than what the store holds becomes history; identical facts change
/// nothing.
struct ImportPlanner: ImportBatchPlanner {
    struct Write {
        let sql: String
        let arguments: [SQLValue]
        init(_ sql: String, _ arguments: [SQLValue]) { (self.sql, self.arguments) = (sql, arguments) }
    }

    /// Its look-ups find firms by code, id and names, their facts and nodes by firm: never through these.
    static let deferrableIndexes = SchemaMigrations.regionColumns.map { "enterprises_on_\($0)_largest" }
        + ["enterprises_on_layer", "chain_assignments_on_node_id",
           "changes_on_import", "changes_on_city", "changes_on_enterprise"]

    struct Latest: Equatable {
        var asOf: String
        var importId: Int
        var row: Int
        var facts: [String: String]
        func isNewer(than other: Latest) -> Bool { (asOf, importId, row) > (other.asOf, other.importId, other.row) }
    }

    struct Known {
        var name: String
        var fullName: String?
        var normalizedName: String?
        var uscc: String?
        var cityCode: String?
        /// The firm's place as stored, for the change feed's moves.
        var provinceCode: String? = nil
        var districtCode: String? = nil
        var createdByImports: Bool
        var rank: Int
        /// The organisation whose private import created the firm; nil for bundled firms and public imports'.
        var owner: String? = nil
        /// Whether the public may not see the firm (its import is private and unpublished).
        var isPrivate = false
        var latest: Latest?
        var createdHere = false
        /// The firm's stored chain nodes, each with whether an import placed it (the next import replaces those),
        /// for the change feed's node changes.
        var nodes: [String: Bool] = [:]
    }

    enum Decision { case automatic, mergeInto(String), separate }

    let header: ImportHeader
    let importId: Int
    let backend: ImportBackend
    /// What this import may read: public records, and its own organisation's (ImportVisibility).
    let visibility: ImportVisibility
    var nextRank: Int
    var outcome: ImportOutcome
    private var known: [String: Known] = [:]
    private var idsByName: [String: [String]] = [:]
    private var idByUSCC: [String: String] = [:]
    /// The batch's names from the names table: rows named by a listed firm's names are linked to it.
    private var names = ImportNameLinking()
    /// Search totals change once per gram at the end: updating a common gram's row (有限, 公司) for every firm made
    /// PostgreSQL walk a chain of row versions as long as the import (20,000 rows: minutes).
    private var gramCountDeltas: [String: Int] = [:]
    private let encoder: JSONEncoder
    private var factsJSON: FactsJSON
    private let insertEnterpriseSQL: String
    private let deleteImportAssignmentsSQL: String
    /// A firm's name-gram insert by table, number of grams and conflict clause: built once, not per firm.
    private struct GramInsert: Hashable { let table: String, grams: Int, plain: Bool }
    private var gramInsertSQL: [GramInsert: String] = [:]
    private var heldGrams = HeldGramWrites()
    /// What the rows planned since `noteTouches` may change (`ImportBatchPlanner.takeTouches`); nil when not noting.
    private var touches: Set<String>?

    init(header: ImportHeader, importId: Int, backend: ImportBackend, visibility: ImportVisibility, nextRank: Int) {
        self.header = header
        self.importId = importId
        self.backend = backend
        self.visibility = visibility
        self.nextRank = nextRank
        outcome = ImportOutcome(importId: importId)
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        factsJSON = FactsJSON(encoder: encoder)
        insertEnterpriseSQL = ImportSQL.insertEnterprise(rankColumn: backend.rankColumn)
        deleteImportAssignmentsSQL = ImportSQL.deleteImportAssignments(visibleSource: visibility.visibleSource())
    }

    static func ownId(_ record: ImportedEnterprise) -> String {
        record.uscc ?? "N" + Fingerprint.of(record.normalizedName + "|" + (record.cityCode ?? record.provinceCode ?? ""))
    }

    /// The id of the firm a row creates: a public import's is the row's own id; an organisation's import's carries the
    /// organisation's mark, so another organisation's private firm — invisible to this import — never holds the id
    /// this one needs (nor does its existence show in the id this one gets).
    static func ownId(_ record: ImportedEnterprise, organisation: String?) -> String {
        organisation.map { ownId(record) + "~" + Fingerprint.of("organisation|" + $0).prefix(8) } ?? ownId(record)
    }

    func ownId(_ record: ImportedEnterprise) -> String { Self.ownId(record, organisation: header.organisation) }

    /// The firms the batch may touch, and the stored names its rows may be named by with the firms they name.
    mutating func queries(_ batch: [ImportedEnterprise]) -> [ImportPlanner.Write] {
        let (uscc, ids, names) = lookup(batch)
        let v = visibility
        let firms = ImportSQL.existing(rank: backend.rankExpression, uscc: uscc.count, ids: ids.count, names: names.count, visibleFirm: v.visibleFirm)
        let arguments = [uscc, ids, names].flatMap { $0.map { SQLValue.text($0) } + v.layers }
        return [Write(firms, arguments)] + ImportNameLinking.queries(batch, rank: backend.rankExpression, visibility: v)
    }

    /// The found firms' fact rows (those `existing` found; a firm found only by one of its names is linked to, never
    /// compared) and the chain nodes of all of them, by id: a batch of new firms looks up nothing twice.
    func followUp(_ results: [[any ColumnReader]]) throws -> [ImportPlanner.Write] {
        let existing = try Set(results[0].map { try $0.text("id") }), named = try Set(results[2].map { try $0.text("id") })
        let ids = { (ids: Set<String>) in ImportSQL.lookUpList(ids).map { SQLValue.text($0) } }
        let (records, nodes) = (ids(existing), ids(existing.union(named)))
        return [Write(ImportSQL.records(ofFirms: records.count, hiddenImports: visibility.importIds.count), records + visibility.importIds),
                Write(ImportSQL.assignments(ofFirms: nodes.count, visibleSource: visibility.visibleSource()), nodes + visibility.sources)]
    }

    mutating func learn(_ results: [[any ColumnReader]]) throws {
        try learn(firms: results[0], records: results[3])
        try names.learn(results[1])
        try learn(firms: results[2], records: [])
        try learn(assignments: results[4])
    }

    /// Takes in the stored chain nodes `followUp` fetched for the firms `queries` found.
    mutating func learn(assignments: [any ColumnReader]) throws {
        for row in assignments {
            let id = try row.text("enterprise_id")
            known[id]?.nodes[try row.text("node_id")] = try row.text("method").hasPrefix("import-")
        }
    }

    /// What the backend must fetch before `plan` can decide this batch (each list non-empty for portable `IN`, and
    /// padded, so the statements come in a few lengths, each compiled once per import).
    /// Starts the batch afresh: what earlier batches wrote is in the store (same transaction), so memory stays one
    /// batch deep however long the file.
    mutating func lookup(_ batch: [ImportedEnterprise]) -> (uscc: [String], ids: [String], names: [String]) {
        (known, idsByName, idByUSCC) = ([:], [:], [:])
        var usccs: [String] = [], ids: [String] = [], names: [String] = []
        for record in batch {
            if let code = record.uscc { usccs.append(code) }
            ids.append(ownId(record))
            names.append(record.normalizedName)
            if let parent = record.parentName { names.append(parent) }
        }
        return (ImportSQL.lookUpList(usccs), ImportSQL.lookUpList(ids), ImportSQL.lookUpList(names))
    }

    /// Takes in firms from `ImportSQL.existing` and their fact rows from `ImportSQL.records`.
    mutating func learn(firms: [any ColumnReader], records: [any ColumnReader]) throws {
        for row in firms {
            let id = try row.text("id")
            guard known[id] == nil else { continue }
            let source = try row.text("source")
            var state = Known(name: try row.text("name"), fullName: try row.optionalText("full_name"),
                              normalizedName: try row.optionalText("normalized_name"), uscc: try row.optionalText("uscc"),
                              cityCode: try row.optionalText("city_code"), createdByImports: source.hasPrefix("import:"),
                              rank: try row.int("rank"), createdHere: source == "import:\(importId)")
            (state.provinceCode, state.districtCode) = (try row.optionalText("province_code"), try row.optionalText("district_code"))
            state.owner = try row.optionalText("owner")
            state.isPrivate = visibility.privateLayers.contains(try row.text("layer"))
            known[id] = state
            if let name = try row.optionalText("normalized_name"), !(idsByName[name]?.contains(id) ?? false) { idsByName[name, default: []].append(id) }
            if let code = state.uscc, prefers(id, over: idByUSCC[code]) { idByUSCC[code] = id }
        }
        for row in records {
            let id = try row.text("enterprise_id")
            let facts = try JSONDecoder().decode([String: String].self, from: Data(try row.text("facts").utf8))
            let latest = Latest(asOf: try row.text("as_of"), importId: try row.int("import_id"), row: try row.int("row"), facts: facts)
            if let current = known[id]?.latest, !latest.isNewer(than: current) { continue }
            known[id]?.latest = latest
        }
    }

    /// Which of two firms holding one code a row with that code is: the importing organisation's own firm, else the
    /// firm whose id is the code (the public one), else the first id — the same choice whatever order rows came in.
    private func prefers(_ id: String, over other: String?) -> Bool {
        guard let other, let state = known[id], let held = known[other] else { return true }
        func rank(_ id: String, _ firm: Known) -> (Int, Int, String) {
            (header.organisation != nil && firm.owner == header.organisation ? 0 : 1, id == firm.uscc ? 0 : 1, id)
        }
        return rank(id, state) < rank(other, held)
    }

    mutating func plan(_ record: ImportedEnterprise) throws -> [Write] { try plan(record, decision: .automatic) }

    mutating func plan(_ record: ImportedEnterprise, decision: Decision) throws -> [Write] {
        let own = ownId(record)
        touch(own, record)
        switch decision {
        case .mergeInto(let id): return try update(id, with: record)
        case .separate:
            // A code conflict kept apart: the firm holding the code stays as it was, the row is not written.
            if let code = record.uscc, let id = idByUSCC[code], let state = known[id], codeConflict(record, state) { return [] }
            return try known[own] == nil ? create(own, record) : update(own, with: record)
        case .automatic: break
        }
        if let code = record.uscc, let id = idByUSCC[code] {
            if let state = known[id], codeConflict(record, state) {
                return try review(record, candidates: [id], because: Reason("review.code-held", [
                    "code": code, "holder": state.fullName ?? state.name, "holderCity": state.cityCode ?? "",
                    "name": record.name, "region": record.cityCode ?? record.provinceCode ?? "",
                ]))
            }
            return try update(id, with: record)
        }
        if let state = known[own] {
            let sameFacts = state.latest?.facts == record.facts
            if state.createdHere, record.uscc == nil, !sameFacts {
                return try review(record, candidates: [own], because: Reason("review.same-name-earlier-row"))
            }
            return try update(own, with: record)
        }
        if header.linksListedByName, let listed = (idsByName[record.normalizedName] ?? []).first(where: { known[$0]?.createdByImports == false }) {
            return try link(listed, record)
        }
        switch names.decide(record, own: own, linksByName: header.linksListedByName, firm: { id in
            known[id].map { ImportNameLinking.Firm(name: $0.fullName ?? $0.name, uscc: $0.uscc, cityCode: $0.cityCode, createdByImports: $0.createdByImports) }
        }) {
        case .link(let id, let matched):
            return try link(id, record) + [ImportNameLinking.nameWrite(id, record, importId: importId, asOf: header.asOf, matched: matched)]
        case .review(let candidates, let reason): return try review(record, candidates: candidates, because: reason)
        case .none: break
        }
        let candidates = (idsByName[record.normalizedName] ?? []).filter { id in
            guard id != own, let other = known[id] else { return false }
            if let a = record.uscc, let b = other.uscc, a != b { return false }
            if let a = record.cityCode, let b = other.cityCode, a != b { return false }
            return true
        }
        if !candidates.isEmpty {
            let names = candidates.compactMap { known[$0].map { $0.fullName ?? $0.name } }
            return try review(record, candidates: candidates, because: Reason(record.uscc == nil ? "review.same-name-row-no-code" : "review.same-name-firm-no-code",
                                                                              ["candidates": names.joined(separator: "、"), "candidates.en": names.joined(separator: ", ")]))
        }
        return try create(own, record)
    }

    mutating func noteTouches() { touches = [] }

    mutating func takeTouches() -> Set<String>? {
        defer { touches = nil }
        return touches
    }

    /// A row's own id, code and names: the firm it creates or renames is found by these.
    private mutating func touch(_ own: String, _ record: ImportedEnterprise) {
        guard touches != nil else { return }
        touches?.formUnion([own, record.normalizedName] + ImportNameLinking.keys(record))
        if let code = record.uscc { touches?.insert(code) }
    }

    /// A stored firm a row writes to: its id (its facts and nodes change) and what it was found by before.
    private mutating func touch(firm id: String) {
        guard touches != nil else { return }
        touches?.insert(id)
        guard let state = known[id] else { return }
        if let code = state.uscc { touches?.insert(code) }
        if let name = state.normalizedName { touches?.formUnion([name] + NameKey.keys(of: state.fullName ?? state.name, normalized: name)) }
    }

    func readsAny(of touches: Set<String>, queries: [Write], results: [[any ColumnReader]]) throws -> Bool {
        for query in queries {
            for case .text(let value?) in query.arguments where touches.contains(value) { return true }
        }
        // The firms found by code, id or name, and by the names table (`learn`'s first round).
        for (index, column) in [(0, "id"), (1, "enterprise_id"), (2, "id")] {
            for row in results[index] where touches.contains(try row.text(column)) { return true }
        }
        return false
    }

    /// The row and the firm holding its code disagree on both the normalised name and the region (city when both
    /// have one, else province); either alone is a rename or a move and updates the firm.
    private func codeConflict(_ record: ImportedEnterprise, _ state: Known) -> Bool {
        guard let name = state.normalizedName, name != record.normalizedName, let city = state.cityCode else { return false }
        if let other = record.cityCode { return other != city }
        guard let province = record.provinceCode else { return false }
        return province.prefix(2) != city.prefix(2)
    }

    /// Removes a firm the imports created (a rejected location review).
    mutating func remove(_ id: String) -> [Write] {
        guard let state = known[id], state.createdByImports else { return [] }
        touch(firm: id)
        known[id] = nil
        return gramWrites(id, rank: state.rank, old: [state.name, state.fullName], new: [])
            + [Write(ImportSQL.deleteEnterprise, [.text(id)]), Write(ImportNameLinking.deleteNames, [.text(id)])]
    }

    private mutating func create(_ id: String, _ record: ImportedEnterprise) throws -> [Write] {
        touches?.insert(id)
        let rank = nextRank
        nextRank += 1
        var writes = [Write(insertEnterpriseSQL, [
            .text(id), .text(record.name), .text(record.name), .text(record.normalizedName), .text(record.uscc), .text(record.provinceCode),
            .text(record.cityCode), .text(record.districtCode), .int(record.employees), .double(record.registeredCapitalWan),
            .text(record.setupDate), .text(record.website), .bool(record.isBiomedicine), .text("import:\(importId)"), .text(header.asOf),
            .text(header.layer ?? Layer.of(importId: importId)), .int(rank + backend.rankOffset),
        ])]
        if !holdsGrams(of: record.name, rank: rank, id: id) { writes += gramWrites(id, rank: rank, old: [], new: [record.name]) }
        known[id] = Known(name: record.name, fullName: record.name, normalizedName: record.normalizedName, uscc: record.uscc,
                          cityCode: record.cityCode, provinceCode: record.provinceCode, districtCode: record.districtCode,
                          createdByImports: true, rank: rank, owner: header.organisation, isPrivate: header.organisation != nil,
                          createdHere: true, nodes: Dictionary(record.assignments.map { ($0.nodeId, true) }, uniquingKeysWith: { a, _ in a }))
        if header.recordsChanges { writes.append(try ChangeFeed.newFirm(header: header, importId: importId, id: id, record)) }
        idsByName[record.normalizedName, default: []].append(id)
        if let code = record.uscc { idByUSCC[code] = id }
        outcome.created += 1
        return try writes + recordWrites(id, record, fresh: true) + after(id, record)
    }

    private mutating func update(_ id: String, with record: ImportedEnterprise) throws -> [Write] {
        touch(firm: id)
        guard var state = known[id] else { return try create(id, record) }
        // An import rewrites only a firm of its own kind: a private import only its own organisation's firms, a public
        // one only public firms. An organisation's import is private to it until published, so it never rewrites a
        // shared row (name, codes, region, size) that others read, nor another organisation's private firm; and a
        // public import never rewrites a private firm. Its facts and nodes are kept under the import, as a register's
        // are, and shown only to whoever may see that import (FirmViewer). A firm its organisation has published is
        // everyone's: a later private import of the same organisation links to it too, never rewriting the public row.
        if state.owner != header.organisation || (header.organisation != nil && !(state.createdByImports && state.isPrivate)) {
            return try link(id, record)
        }
        let incoming = Latest(asOf: header.asOf, importId: importId, row: record.line, facts: record.facts)
        if let latest = state.latest, latest.facts == incoming.facts {
            outcome.unchanged += 1
            return []
        }
        if let latest = state.latest, !incoming.isNewer(than: latest) {
            outcome.history += 1
            return [try recordWrite(id, record)]
        }
        let newName = state.createdByImports ? record.name : state.name
        var writes = [Write(ImportSQL.updateEnterprise, [
            .text(record.name), .text(record.name), .text(record.normalizedName), .text(record.uscc), .text(record.provinceCode),
            .text(record.cityCode), .text(record.districtCode), .int(record.employees), .double(record.registeredCapitalWan),
            .text(record.setupDate), .text(record.website), .bool(record.isBiomedicine), .text("import:\(importId)"), .text(header.asOf),
            .text(id),
        ])]
        writes += gramWrites(id, rank: state.rank, old: [state.name, state.fullName], new: [newName, record.name])
        // A firm the imports created keeps the name it had before a rename among its names (its current one is
        // read from enterprises).
        if state.createdByImports, let oldKey = state.normalizedName, oldKey != record.normalizedName {
            var previous = record
            (previous.name, previous.normalizedName) = (state.fullName ?? state.name, oldKey)
            writes.append(ImportNameLinking.nameWrite(id, previous, importId: importId, asOf: header.asOf, matched: nil))
        }
        if !(idsByName[record.normalizedName]?.contains(id) ?? false) { idsByName[record.normalizedName, default: []].append(id) }
        if header.recordsChanges, let moved = try ChangeFeed.moved(header: header, importId: importId, id: id, record,
                                            from: [state.provinceCode, state.cityCode, state.districtCode]) {
            writes.append(moved)
        }
        if header.recordsChanges {
            writes += try ChangeFeed.nodesAndQuality(header: header, importId: importId, id: id, record, before: state)
        }
        state.nodes = ChangeFeed.nodesAfter(state.nodes, record)
        (state.name, state.fullName, state.normalizedName) = (newName, record.name, record.normalizedName)
        (state.provinceCode, state.districtCode) = (record.provinceCode ?? state.provinceCode, record.districtCode ?? state.districtCode)
        state.cityCode = record.cityCode ?? state.cityCode
        state.uscc = record.uscc ?? state.uscc
        if let code = state.uscc { idByUSCC[code] = id }
        known[id] = state
        outcome.updated += 1
        return try writes + recordWrites(id, record) + after(id, record)
    }

    /// A register row that is a listed firm: its facts and nodes are kept on that firm under this import (so they
    /// count only where this import's layer is chosen); the listed firm's own values are left as they are.
    private mutating func link(_ id: String, _ record: ImportedEnterprise) throws -> [Write] {
        touch(firm: id)
        // Stored as `updated` (the import's row keeps no other count): the listed firm gained this row's facts.
        outcome.linkedToListed += 1
        outcome.updated += 1
        var writes = [try recordWrite(id, record)]
        for a in record.assignments {
            writes.append(Write(ImportSQL.insertAssignment, [.text(id), .text(a.nodeId), .text(a.method), .double(a.confidence),
                                                              .text(a.evidence), .text("import:\(importId)"), .text(header.asOf)]))
        }
        return writes
    }

    /// The facts row, and the import's chain assignments in place of the previous import's.
    /// `fresh`: the firm was just created, so it has no assignments to replace and no rows to conflict with (its
    /// rows may go in without the conflict clause; a node named twice keeps its first row, as the clause would).
    private mutating func recordWrites(_ id: String, _ record: ImportedEnterprise, fresh: Bool = false) throws -> [Write] {
        let latest = Latest(asOf: header.asOf, importId: importId, row: record.line, facts: record.facts)
        known[id]?.latest = latest
        let plain = fresh && backend.insertsNewRowsPlainly
        var writes = [try recordWrite(id, record, plain: plain)]
        if !fresh { writes.append(Write(deleteImportAssignmentsSQL, [.text(id)] + visibility.sources)) }
        var placed = Set<String>()
        for a in record.assignments where !fresh || placed.insert(a.nodeId).inserted {
            writes.append(Write(plain ? ImportSQL.insertNewAssignment : ImportSQL.insertAssignment,
                                [.text(id), .text(a.nodeId), .text(a.method), .double(a.confidence),
                                 .text(a.evidence), .text("import:\(importId)"), .text(header.asOf)]))
        }
        return writes
    }

    private mutating func recordWrite(_ id: String, _ record: ImportedEnterprise, plain: Bool = false) throws -> Write {
        let json = try factsJSON.encode(record.facts)
        return Write(plain ? ImportSQL.insertNewRecord : ImportSQL.insertRecord,
                     [.text(id), .int(importId), .int(record.line), .text(header.asOf), .text(json)])
    }

    /// A branch's link to its parent, and a location a person should check.
    private mutating func after(_ id: String, _ record: ImportedEnterprise) throws -> [Write] {
        var writes: [Write] = []
        if let parentName = record.parentName, let parent = idsByName[parentName]?.first(where: { $0 != id }) {
            writes.append(Write(ImportSQL.insertLink, [.text(id), .text(parent), .int(importId)]))
            outcome.branchesLinked += 1
        }
        if !record.reviewReasons.isEmpty {
            writes.append(try reviewWrite(record, kind: .location, enterpriseId: id, candidate: nil, because: record.reviewReasons))
        }
        return writes
    }

    private mutating func review(_ record: ImportedEnterprise, candidates: [String], because reason: Reason) throws -> [Write] {
        [try reviewWrite(record, kind: .sameEntity, enterpriseId: nil, candidate: candidates[0], because: [reason])]
    }

    /// The item keeps its reasons as data (`reasons`, rendered per reader) and in Chinese (`reason`, for whatever reads
    /// the table itself).
    private mutating func reviewWrite(_ record: ImportedEnterprise, kind: ReviewItem.Kind, enterpriseId: String?, candidate: String?,
                                      because reasons: [Reason]) throws -> Write {
        outcome.review += 1
        let json = String(decoding: try encoder.encode(record), as: UTF8.self)
        let coded = String(decoding: try encoder.encode(reasons), as: UTF8.self)
        return Write(ImportSQL.insertReview, [.int(importId), .int(record.line), .text(kind.rawValue), .text(record.name),
                                              .text(enterpriseId), .text(candidate), .text(ReasonText.render(reasons, in: .zh)), .text(coded), .text(json)])
    }

    /// Keeps the name indexes in step with a firm's names (the search totals too, on PostgreSQL): one multi-row
    /// statement per table and firm, not one per gram (a name has twenty-odd grams).
    private mutating func gramWrites(_ id: String, rank: Int, old: [String?], new: [String?]) -> [Write] {
        // A held firm renamed or removed: its grams go out first, so the deletes below find them.
        var writes: [Write] = heldGrams.holds(rank: rank) ? releasedGrams() : []
        // A new firm's grams cannot be stored yet (its rank is new): no conflict clause (`ImportSQL.insertNewRecord`).
        let plain = backend.insertsNewRowsPlainly && old.allSatisfy { $0 == nil }
        for length in backend.indexesTrigrams ? [2, 3] : [2] {
            let (removed, added) = NameBigrams.changes(from: old.compactMap { $0 }, to: new.compactMap { $0 }, length: length)
            let table = length == 2 ? "name_bigrams" : "name_trigrams"
            for gram in removed {
                writes.append(Write("DELETE FROM \(table) WHERE gram = ? AND rank = ?", [.text(gram), .int(rank)]))
            }
            if !added.isEmpty {
                let withId = length == 2
                let sql: String
                let key = GramInsert(table: table, grams: added.count, plain: plain)
                if let known = gramInsertSQL[key] { sql = known } else {
                    let row = withId ? "(?, ?, ?)" : "(?, ?)"
                    sql = "INSERT INTO \(table) (gram, rank\(withId ? ", enterprise_id" : "")) VALUES "
                        + Array(repeating: row, count: added.count).joined(separator: ", ") + (plain ? "" : " ON CONFLICT DO NOTHING")
                    gramInsertSQL[key] = sql
                }
                var arguments: [SQLValue] = []
                arguments.reserveCapacity(added.count * (withId ? 3 : 2))
                for gram in added {
                    arguments.append(.text(gram))
                    arguments.append(.int(rank))
                    if withId { arguments.append(.text(id)) }
                }
                writes.append(Write(sql, arguments))
            }
            guard backend.indexesTrigrams else { continue }
            for gram in removed { gramCountDeltas[gram, default: 0] -= 1 }
            for gram in added { gramCountDeltas[gram, default: 0] += 1 }
        }
        return writes
    }

    /// A new firm's grams held (`HeldGramWrites`) where the backend writes them in key order; false when they go
    /// out with the firm (PostgreSQL, or a name of characters that are not single scalars).
    private mutating func holdsGrams(of name: String, rank: Int, id: String) -> Bool {
        guard backend.defersIndexes, !backend.indexesTrigrams, let keys = NameBigrams.sortedKeys([name], length: 2) else { return false }
        return heldGrams.hold(keys: keys, rank: rank, id: id)
    }

    /// The one-row form of the held grams' insert, as `gramWrites` writes a name of one gram: one statement shape.
    static let heldGramSQL = "INSERT INTO name_bigrams (gram, rank, enterprise_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"

    /// Every held gram as statements that run as they are (a review's decision runs its writes unmerged).
    private mutating func releasedGrams() -> [Write] { CoalescedWrites.of(heldGrams.release(into: Self.heldGramSQL)) }

    mutating func heldWrites(all: Bool) -> [Write] {
        all ? heldGrams.release(into: Self.heldGramSQL) : heldGrams.releaseDue(into: Self.heldGramSQL)
    }

    /// The search totals, once per gram, in chunks of 500; held grams too when `heldWrites` was not asked for (a
    /// review's decision).
    mutating func finish() -> [Write] {
        let deltas = gramCountDeltas.filter { $0.value != 0 }.sorted { $0.key < $1.key }
        gramCountDeltas = [:]
        return releasedGrams() + (header.recordsChanges ? [ChangeFeed.raiseAlerts(importId)] : []) + stride(from: 0, to: deltas.count, by: 500).map { start in
            let chunk = deltas[start..<min(start + 500, deltas.count)]
            return Write("INSERT INTO name_gram_counts (gram, n) VALUES " + Array(repeating: "(?, ?)", count: chunk.count).joined(separator: ", ")
                         + " ON CONFLICT (gram) DO UPDATE SET n = name_gram_counts.n + excluded.n",
                         chunk.flatMap { [SQLValue.text($0.key), .int($0.value)] })
        }
    }
}

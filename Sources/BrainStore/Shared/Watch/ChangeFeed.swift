import BrainModel

/// The change-feed rows an import writes, decided by the planners from what they write (a firm created, a firm's
/// stored place replaced, an event added) rather than by comparing databases: each is one more insert in the import's
/// own transaction, so a failed import leaves no feed behind and the feed costs one row per change.
enum ChangeFeed {
    static func newFirm(header: ImportHeader, importId: Int, id: String, _ record: ImportedEnterprise) throws -> ImportPlanner.Write {
        let change = Change(importId: importId, at: header.importedAt, asOf: header.asOf, organisationId: header.organisation, code: .firmNew,
                            enterpriseId: id, provinceCode: record.provinceCode, cityCode: record.cityCode, districtCode: record.districtCode,
                            nodeIds: nodes(record), values: ["name": record.name, "region": finest([record.provinceCode, record.cityCode, record.districtCode]) ?? ""])
        return ImportPlanner.Write(WatchSQL.insertChange, try WatchSQL.changeValues(change))
    }

    /// A move when the firm's stored place (province, city, district; a level the row leaves out keeps its value, as
    /// the update does) differs from before; nil otherwise.
    static func moved(header: ImportHeader, importId: Int, id: String, _ record: ImportedEnterprise,
                      from old: [String?]) throws -> ImportPlanner.Write? {
        let new = zip([record.provinceCode, record.cityCode, record.districtCode], old).map { $0 ?? $1 }
        guard new != old, let to = finest(new) else { return nil }
        let change = Change(importId: importId, at: header.importedAt, asOf: header.asOf, organisationId: header.organisation, code: .firmMoved,
                            enterpriseId: id, provinceCode: new[0], cityCode: new[1], districtCode: new[2], nodeIds: nodes(record),
                            values: ["name": record.name, "from": finest(old) ?? "", "to": to])
        return ImportPlanner.Write(WatchSQL.insertChange, try WatchSQL.changeValues(change))
    }

    /// An event's change; its place is the firm's as stored, its nodes those of the firm's nodes the change's audience
    /// (the import's) may see: not a node another organisation's private import placed.
    static func event(header: ImportHeader, importId: Int, enterpriseId: String, kind: String, date: String, title: String,
                      visibility: ImportVisibility) throws -> ImportPlanner.Write {
        let firm = [SQLValue.text(enterpriseId)] + visibility.sources
        return ImportPlanner.Write(WatchSQL.insertEventChange(visibleSource: visibility.visibleSource()), firm + firm + firm + [
            .int(importId), .text(header.importedAt), .text(header.asOf), .text(header.organisation), .text(Change.Code.eventNew.rawValue),
        ] + visibility.sources + [.text(try WatchSQL.json(["kind": kind, "date": date, "title": title])), .text(enterpriseId)])
    }

    /// An update's node change (the import's nodes replace those the previous imports placed; curated and listed
    /// nodes stay) and its quality-input changes (`qualityFacts` the row gives and the firm's latest facts had
    /// otherwise), each in the firm's place after the update.
    static func nodesAndQuality(header: ImportHeader, importId: Int, id: String, _ record: ImportedEnterprise,
                                before state: ImportPlanner.Known) throws -> [ImportPlanner.Write] {
        let place = zip([record.provinceCode, record.cityCode, record.districtCode], [state.provinceCode, state.cityCode, state.districtCode])
            .map { $0 ?? $1 }
        let after = nodesAfter(state.nodes, record)
        let current = nodes(record) + after.keys.sorted().filter { node in !record.assignments.contains { $0.nodeId == node } }
        var changes: [Change] = []
        let added = Set(after.keys).subtracting(state.nodes.keys).sorted(), removed = Set(state.nodes.keys).subtracting(after.keys).sorted()
        if !added.isEmpty || !removed.isEmpty {
            changes.append(Change(importId: importId, at: header.importedAt, asOf: header.asOf, organisationId: header.organisation, code: .firmNode,
                                  enterpriseId: id, provinceCode: place[0], cityCode: place[1], districtCode: place[2], nodeIds: current + removed,
                                  values: ["name": record.name, "added": added.joined(separator: ","), "removed": removed.joined(separator: ",")]))
        }
        if let previous = state.latest?.facts {
            for field in qualityFacts {
                guard let to = record.facts[field], let from = previous[field], from != to else { continue }
                changes.append(Change(importId: importId, at: header.importedAt, asOf: header.asOf, organisationId: header.organisation,
                                      code: .firmQuality, enterpriseId: id, provinceCode: place[0], cityCode: place[1], districtCode: place[2],
                                      nodeIds: current, values: ["name": record.name, "field": field, "before": from, "after": to]))
            }
        }
        return try changes.map { ImportPlanner.Write(WatchSQL.insertChange, try WatchSQL.changeValues($0)) }
    }

    /// The facts of an enterprise row that feed its quality score (`EnterpriseQuality`: 从业人数 and, without it,
    /// 参保人数 for talent; 注册资本 for capital). Its place and nodes are the moves and node changes.
    static let qualityFacts = ["employees", "insured", "registered_capital"]

    /// The firm's nodes once the row's import nodes replace the previous imports' (`true`: placed by an import).
    static func nodesAfter(_ nodes: [String: Bool], _ record: ImportedEnterprise) -> [String: Bool] {
        var after = nodes.filter { !$0.value }
        for a in record.assignments where after[a.nodeId] == nil { after[a.nodeId] = true }
        return after
    }

    static func raiseAlerts(_ importId: Int) -> ImportPlanner.Write { ImportPlanner.Write(WatchSQL.raiseAlerts, [.int(importId)]) }

    /// Most confident first, each node once.
    static func nodes(_ record: ImportedEnterprise) -> [String] {
        var seen = Set<String>()
        return record.assignments.enumerated().sorted { ($1.element.confidence, $0.offset) < ($0.element.confidence, $1.offset) }
            .map(\.element.nodeId).filter { seen.insert($0).inserted }
    }

    static func finest(_ codes: [String?]) -> String? { codes.compactMap { $0 }.last }
}

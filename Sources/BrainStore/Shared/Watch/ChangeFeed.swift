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

    /// An event's change; its place and node are the firm's as stored.
    static func event(header: ImportHeader, importId: Int, enterpriseId: String, kind: String, date: String, title: String) throws -> ImportPlanner.Write {
        ImportPlanner.Write(WatchSQL.insertEventChange, [
            .text(enterpriseId), .text(enterpriseId), .text(enterpriseId), .int(importId), .text(header.importedAt), .text(header.asOf), .text(header.organisation), .text(Change.Code.eventNew.rawValue),
            .text(try WatchSQL.json(["kind": kind, "date": date, "title": title])), .text(enterpriseId),
        ])
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

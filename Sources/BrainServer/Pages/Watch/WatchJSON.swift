import BrainModel
import BrainStore

/// Region names for the changes' codes, looked up once per distinct code, so a change reads "苏州市" not "320500".
enum RegionNames {
    static func of(_ changes: [Change], store: any Store) async throws -> [String: String] {
        var names: [String: String] = [:]
        let codes = Set(changes.flatMap { $0.regionCodes + [$0.values["from"], $0.values["to"]].compactMap { $0 } })
        for code in codes.sorted() where !code.isEmpty {
            if let region = try await store.region(code) { names[code] = region.name }
        }
        // Node changes name their nodes: "node:ID" → Chinese name, "node.en:ID" → English name.
        if changes.contains(where: { $0.code == .firmNode }) {
            for node in try await store.taxonomy().nodes { (names["node:" + node.id], names["node.en:" + node.id]) = (node.nameZh, node.nameEn) }
        }
        return names
    }

    /// The quality inputs a `firm.quality` change names, per language.
    static let qualityFields: [String: (zh: String, en: String)] = [
        "employees": ("从业人数", "employees"), "insured": ("参保人数", "insured staff"), "registered_capital": ("注册资本", "registered capital"),
    ]

    /// The change's reason with its region values as names (the finest level for a new firm).
    static func reason(_ change: Change, _ names: [String: String]) -> Reason {
        var values = change.values
        for key in ["region", "from", "to"] {
            guard let code = values[key] else { continue }
            let target = key == "region" ? "region" : key + "Region"
            values[target] = names[code] ?? code
        }
        for key in ["added", "removed"] where change.code == .firmNode {
            let ids = (values[key] ?? "").split(separator: ",").map(String.init)
            values[key] = ids.isEmpty ? "—" : ids.map { names["node:" + $0] ?? $0 }.joined(separator: "、")
            values[key + ".en"] = ids.isEmpty ? "none" : ids.map { names["node.en:" + $0] ?? $0 }.joined(separator: ", ")
        }
        if change.code == .firmQuality, let field = values["field"] {
            (values["field"], values["field.en"]) = (qualityFields[field]?.zh ?? field, qualityFields[field]?.en ?? field)
        }
        return Reason("change." + change.code.rawValue, values)
    }
}

/// A change as the API and the inbox show it: its fields, and `reason` with `text` in the asked language.
struct ChangeJSON: Encodable {
    var id: Int64
    var importId: Int
    var at: String
    var asOf: String
    var code: String
    var enterpriseId: String
    var provinceCode: String?
    var cityCode: String?
    var districtCode: String?
    var nodeIds: [String]
    var values: [String: String]
    var reason: Reason
    /// True for a change of the caller's organisation's own private import.
    var isPrivate: Bool

    init(_ change: Change, names: [String: String]) {
        (id, importId, at, asOf, code, enterpriseId) = (change.id, change.importId, change.at, change.asOf, change.code.rawValue, change.enterpriseId)
        (provinceCode, cityCode, districtCode, nodeIds, values) = (change.provinceCode, change.cityCode, change.districtCode, change.nodeIds, change.values)
        reason = RegionNames.reason(change, names)
        isPrivate = change.organisationId != nil
    }
}

struct AlertJSON: Encodable {
    var id: Int64
    var watchKind: String
    var watchTarget: String
    var createdAt: String
    var readAt: String?
    var change: ChangeJSON

    init(_ alert: Alert, names: [String: String]) {
        (id, watchKind, watchTarget, createdAt, readAt) = (alert.id, alert.watchKind.rawValue, alert.watchTarget, alert.createdAt, alert.readAt)
        change = ChangeJSON(alert.change, names: names)
    }
}

struct AlertList: Encodable {
    var unread: Int
    var alerts: [AlertJSON]
}

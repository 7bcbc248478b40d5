import Foundation
import BrainIngest
import BrainModel

/// One field that an act changed, as the page and the exports show it.
public struct AuditChange: Codable, Sendable, Equatable {
    public var field: String
    public var before: String?
    public var after: String?
}

/// The before/after JSON of an entry read as a list of changed fields: the fields whose values differ, in name order
/// (a creation lists every field with no before, a deletion every field with no after). Nested values are shown as
/// compact JSON. A record that is not a JSON object is one change under the field "-".
public enum AuditDiff {
    public static func changes(before: String?, after: String?) -> [AuditChange] {
        let old = before.map(fields) ?? [:], new = after.map(fields) ?? [:]
        return Set(old.keys).union(new.keys).sorted().compactMap { key in
            old[key] == new[key] ? nil : AuditChange(field: key, before: old[key], after: new[key])
        }
    }

    static func fields(_ json: String) -> [String: String] {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(json.utf8)) else { return ["-": json] }
        guard case .object(let members) = value else { return ["-": value.text] }
        return members.mapValues(\.text)
    }
}

/// Any JSON value, read strictly (a boolean stays a boolean, not a number), to show records field by field.
enum JSONValue: Decodable, Equatable {
    case null, bool(Bool), int(Int), double(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        if let keyed = try? decoder.container(keyedBy: Key.self) {
            var members: [String: JSONValue] = [:]
            for key in keyed.allKeys { members[key.stringValue] = try keyed.decode(JSONValue.self, forKey: key) }
            self = .object(members)
        } else if var list = try? decoder.unkeyedContainer() {
            var items: [JSONValue] = []
            while !list.isAtEnd { items.append(try list.decode(JSONValue.self)) }
            self = .array(items)
        } else {
            let single = try decoder.singleValueContainer()
            if single.decodeNil() { self = .null }
            else if let flag = try? single.decode(Bool.self) { self = .bool(flag) }
            else if let whole = try? single.decode(Int.self) { self = .int(whole) }
            else if let number = try? single.decode(Double.self) { self = .double(number) }
            else { self = .string(try single.decode(String.self)) }
        }
    }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// A string as itself, anything else as compact JSON with sorted keys.
    var text: String {
        if case .string(let s) = self { return s }
        return json
    }

    var json: String {
        switch self {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .int(let i): String(i)
        case .double(let d): String(d)
        case .string(let s): AuditTrail.json(s) ?? s
        case .array(let items): "[" + items.map(\.json).joined(separator: ",") + "]"
        case .object(let members): "{" + members.sorted { $0.key < $1.key }.map { (AuditTrail.json($0.key) ?? $0.key) + ":" + $0.value.json }.joined(separator: ",") + "}"
        }
    }
}

/// The trail as a table, for `/admin/audit.csv`, `/admin/audit.xlsx` and `brain audit export`: every entry with its
/// action named in the asked language beside its code, and its changed fields. Cells are neutralised as
/// FILE.problems.csv's are (a leading `'` before = + - @), since actors, ids and records carry users' text.
public enum AuditExport {
    public static func header(_ language: DisplayLanguage) -> [String] {
        language == .zh
            ? ["编号", "时间（UTC）", "机构", "操作者", "操作", "操作代码", "对象类型", "对象", "变更", "之前", "之后"]
            : ["id", "at (UTC)", "organisation", "actor", "action", "action code", "target kind", "target", "changes", "before", "after"]
    }

    public static func row(_ entry: AuditEntry, _ language: DisplayLanguage) -> [String] {
        let changes = AuditDiff.changes(before: entry.before, after: entry.after)
            .map { "\($0.field): \($0.before ?? "–") → \($0.after ?? "–")" }.joined(separator: "\n")
        return ["\(entry.id)", entry.at, entry.organisationId ?? "", entry.actor, AuditActionText.render(entry.action, in: language),
                entry.action, entry.targetKind, entry.targetId, changes, entry.before ?? "", entry.after ?? ""].map(CSVWriter.neutralised)
    }

    public static func rows(_ entries: [AuditEntry], _ language: DisplayLanguage) -> [[String]] {
        [header(language)] + entries.map { row($0, language) }
    }

    public enum Format: String, Sendable { case csv, xlsx }

    /// The format a file name asks for: `.xlsx` a workbook, anything else CSV.
    public static func format(of url: URL) -> Format { url.pathExtension.lowercased() == "xlsx" ? .xlsx : .csv }

    public static func write(_ entries: [AuditEntry], to url: URL, format: Format, language: DisplayLanguage) throws {
        switch format {
        case .xlsx:
            try XLSXWriter.write(sheets: [(language == .zh ? "审计日志" : "Audit trail", rows(entries, language))], to: url)
        case .csv:
            // Already neutralised per cell; the writer neutralises again, which leaves a quoted cell as it is.
            let writer = try CSVWriter(url: url, header: header(language))
            for entry in entries { writer.write(row(entry, language)) }
            try writer.close()
        }
    }
}

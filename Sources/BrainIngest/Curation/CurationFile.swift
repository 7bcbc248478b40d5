import Foundation
import BrainModel

/// Curations as a CSV file (UTF-8, a header row): what `brain curate export` writes and `brain curate import` and
/// `brain build-db` (data/curation/*.csv) read. Columns: id, firm, firm_name, action, node, from_node, region,
/// revokes, reason, by, source, created_at, organisation, published_at; `firm_name` is for people and not read back.
/// `organisation` and `published_at` keep an organisation's curation private to it (unpublished) or published across
/// an export and an import; a file without them (data/curation, files written before publishing) holds public ones.
/// Who published is not kept: the store records it, and the audit trail the act.
public enum CurationFile {
    public static let header = ["id", "firm", "firm_name", "action", "node", "from_node", "region", "revokes", "reason", "by",
                                "source", "created_at", "organisation", "published_at"]

    /// One row read: its line in the file and the curation it holds.
    public struct Row: Sendable {
        public var line: Int
        public var curation: Curation
    }

    /// Rows that parse, and a located problem for each one that does not. `firmAliases` maps six-digit stock codes
    /// to firm ids; `defaultAuthor` fills an empty `by`; `now` fills an empty `created_at`.
    public static func read(url: URL, file: String, firmAliases: [String: String], defaultAuthor: String? = nil,
                            now: String) throws(SourceFileError) -> (rows: [Row], problems: [SourceFileError]) {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw SourceFileError(file: file, reason: "文件不存在或无法读取 (file is missing or unreadable)") }
        guard var text = String(data: data, encoding: .utf8) else {
            throw SourceFileError(file: file, reason: "文件不是 UTF-8 编码 (file is not valid UTF-8)")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let table = try CSVTable(text: text, file: file, requiredColumns: ["firm", "action", "reason"])
        var rows: [Row] = [], problems: [SourceFileError] = []
        for row in table.rows {
            let actionText = row.optional("action") ?? ""
            guard let action = Curation.Action(rawValue: actionText.lowercased()) else {
                problems.append(row.error("action", value: actionText, CurationProblem(index: 0, field: "action", value: actionText, code: .unknownAction).message))
                continue
            }
            let firm = row.optional("firm") ?? ""
            var curation = Curation(id: row.optional("id") ?? "", enterpriseId: firmAliases[firm] ?? firm, action: action,
                                    nodeId: row.optional("node"), fromNodeId: row.optional("from_node"), regionCode: row.optional("region"),
                                    revokes: row.optional("revokes"), reason: row.optional("reason") ?? "",
                                    author: row.optional("by") ?? defaultAuthor ?? "", source: row.optional("source"),
                                    createdAt: row.optional("created_at") ?? now, organisationId: row.optional("organisation"),
                                    publishedAt: row.optional("organisation") == nil ? nil : row.optional("published_at"))
            // A row without an id gets one from its content, so importing the same file again finds it stored.
            if curation.id.isEmpty { curation.id = derivedId(curation) }
            rows.append(Row(line: row.line, curation: curation))
        }
        return (rows, problems)
    }

    /// Splits rows into those that check out against `known` and located problems for the others.
    public static func check(_ rows: [Row], file: String, known: CurationCheck.Known) -> (valid: [Row], problems: [SourceFileError]) {
        let found = CurationCheck.problems(rows.map(\.curation), known: known)
        let bad = Set(found.map(\.index))
        let problems = found.map { p in
            SourceFileError(file: file, row: rows[p.index].line, field: p.field, value: p.value, reason: p.message)
        }
        return (rows.enumerated().filter { !bad.contains($0.offset) }.map(\.element), problems)
    }

    /// Writes every curation, revocations included, oldest first; `names` gives the firm_name column.
    public static func write(_ curations: [Curation], names: [String: String], to url: URL) throws {
        let writer = try CSVWriter(url: url, header: header)
        for c in CurationLedger.ordered(curations) {
            writer.write([c.id, c.enterpriseId, names[c.enterpriseId] ?? "", c.action.rawValue, c.nodeId ?? "", c.fromNodeId ?? "",
                          c.regionCode ?? "", c.revokes ?? "", c.reason, c.author, c.source ?? "", c.createdAt,
                          c.organisationId ?? "", c.publishedAt ?? ""])
        }
        try writer.close()
    }

    /// Six-digit stock codes → firm ids, so a file may name a listed firm either way.
    public static func aliases(_ enterprises: [Enterprise]) -> [String: String] {
        var aliases: [String: String] = [:]
        for e in enterprises { if let stock = e.stockCode, aliases[stock] == nil { aliases[stock] = e.id } }
        return aliases
    }

    /// `row-` and 16 hex digits of the 64-bit FNV-1a hash of the fields that say what the curation is.
    static func derivedId(_ c: Curation) -> String {
        let text = [c.enterpriseId, c.action.rawValue, c.nodeId ?? "", c.fromNodeId ?? "", c.regionCode ?? "", c.revokes ?? "",
                    c.reason, c.author, c.source ?? ""].joined(separator: "\u{1F}")
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
        let hex = String(hash, radix: 16)
        return "row-" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}

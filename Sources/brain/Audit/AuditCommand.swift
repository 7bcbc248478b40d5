import ArgumentParser
import Foundation
import BrainModel
import BrainStore
import BrainUseCases

/// `brain audit list` and `brain audit export FILE`: the audit trail, read only (nothing on the CLI or the web changes
/// an entry). The CLI works on the database directly, so its operator reads every organisation's entries.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "The audit trail of every write (read only).",
                                                    subcommands: [AuditList.self, AuditExportCommand.self])
}

/// The filters both subcommands share.
struct AuditFilters: ParsableArguments {
    @Option(help: "Only this organisation's entries.") var org: String?
    @Option(help: "Only this action code, e.g. import.write, curation.add, market.share.") var action: String?
    @Option(help: "Only this actor, e.g. cli, admin-token, org-token:ID.") var actor: String?
    @Option(help: "From this day (YYYY-MM-DD, UTC) or instant.") var from: String?
    @Option(help: "To this day (inclusive) or instant.") var to: String?
    @Option(help: "zh (default) or en: the language actions are named in.") var lang: String = "zh"

    func query(limit: Int, before: Int64? = nil) throws -> AuditQuery {
        for (name, value) in [("--from", from), ("--to", to)] {
            if let value, value.wholeMatch(of: #/\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}Z)?/#) == nil {
                throw ValidationError("\(name) is a day YYYY-MM-DD or an instant YYYY-MM-DDThh:mm:ssZ: \(value)")
            }
        }
        return AuditQuery(organisationId: org, action: action, actor: actor, before: before, from: from, to: to, limit: limit)
    }

    var language: DisplayLanguage { DisplayLanguage(query: lang) }
}

struct AuditList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List entries, newest first.")
    @OptionGroup var filters: AuditFilters
    @Option(help: "How many entries (1–10000).") var limit: Int = 50
    @Option(help: "Only entries older than this id (the next page).") var before: Int64?
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var store: StoreOptions

    func run() async throws {
        guard (1...10_000).contains(limit) else { throw ValidationError("--limit is 1 to 10000") }
        let entries = try await openStore(store.db).auditEntries(try filters.query(limit: limit, before: before))
        if json { return try Output.json(entries) }
        if entries.isEmpty { print(filters.language == .zh ? "没有符合条件的审计记录" : "no audit entries match") }
        for e in entries {
            let organisation = e.organisationId.map { " [\($0)]" } ?? ""
            print("\(e.id)  \(e.at)  \(e.actor)\(organisation)  \(AuditActionText.render(e.action, in: filters.language)) (\(e.action))  \(e.targetKind)/\(e.targetId)")
            for change in AuditDiff.changes(before: e.before, after: e.after) {
                print("      \(change.field): \(change.before ?? "–") → \(change.after ?? "–")")
            }
        }
    }
}

struct AuditExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export",
                                                    abstract: "Write the entries the filters select to FILE: .xlsx a workbook, otherwise CSV.")
    @Argument(help: "The file to write (.csv or .xlsx).") var file: String
    @OptionGroup var filters: AuditFilters
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let opened = try await openStore(store.db)
        var entries: [AuditEntry] = [], before: Int64?
        while true {
            let page = try await opened.auditEntries(try filters.query(limit: 5_000, before: before))
            entries += page
            guard page.count == 5_000, let last = page.last else { break }
            before = last.id
        }
        let url = URL(fileURLWithPath: file)
        try AuditExport.write(entries, to: url, format: AuditExport.format(of: url), language: filters.language)
        print("wrote \(entries.count) audit entries to \(file)")
    }
}

import ArgumentParser
import Foundation
import BrainIngest
import BrainModel
import BrainStore
import BrainUseCases

extension ImportKind: ExpressibleByArgument {}

enum OnError: String, ExpressibleByArgument { case skipRows = "skip-rows", rejectFile = "reject-file" }

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import a user's file (CSV/TSV in UTF-8 or GB18030, XLSX, JSON Lines or a JSON list; Chinese or English headers).",
        discussion: """
            Every row is validated, located (address → province, city, district codes) and classified (所属行业,
            经营范围 → chain nodes), then written in one transaction: the same 统一社会信用代码 updates the same firm;
            a possible same firm without a code goes to `brain review`; old values stay as history. Every problem goes
            to FILE.problems.csv. Importing the same file again changes nothing.
            """)

    @Argument(help: "The file to import.") var file: String?
    @Option(help: "What the file holds: enterprises, products, events, relations, demands, offers or talents.") var kind: ImportKind = .enterprises
    @Option(help: "For demands, offers and talents: the organisation (brain org add) they belong to.") var org: String?
    @Flag(inversion: .prefixedNo, help: "For demands, offers and talents: share them with every organisation (default: offers shared, demands and talents private).") var share: Bool?
    @Option(help: "CSV of header,field pairs for headers the built-in synonyms do not know.") var mapping: String?
    @Option(help: "utf-8, gb18030, utf-16le or utf-16be for text files; detected when not given (UTF-16 by its BOM).") var encoding: String?
    @Option(help: "The XLSX sheet to read (default: the first).") var sheet: String?
    @Option(help: "The date the file's facts describe (YYYY-MM-DD); default the file's modification date.") var asOf: String?
    @Flag(help: "Check and report only; write nothing.") var dryRun = false
    @Option(help: "skip-rows keeps valid rows; reject-file writes nothing if any row is rejected.") var onError: OnError = .skipRows
    @Option(help: "Write templates for KIND (XLSX and CSV with the expected headers and one example row) and exit.") var template: ImportKind?
    @Option(help: "Folder the templates are written to.") var output: String = "."
    @Flag(help: "List the imports in the store and exit.") var list = false
    @Option(help: "Folder holding the bundled open data (region codes, chain).") var data: String = "data"
    @Flag(help: "Print the report as JSON.") var json = false
    @Option(help: "zh (default) or en: the language of the report, the rejected rows' reasons and FILE.problems.csv.") var lang: String = "zh"
    @OptionGroup var store: StoreOptions

    func run() async throws {
        if let template { return try writeTemplates(template) }
        if list { return try await listImports() }
        guard let file else { throw ValidationError("name the file to import, or --template KIND, or --list") }
        if case .notBuilt(let reason) = kind.pipeline { throw CommandFailure(reason) }
        let textEncoding = try encoding.map { name in
            guard let value = TextEncoding(rawValue: name.lowercased()) else { throw ValidationError("--encoding is utf-8, gb18030, utf-16le or utf-16be") }
            return value
        }
        let url = URL(fileURLWithPath: file)
        guard FileManager.default.fileExists(atPath: url.path) else { throw CommandFailure("\(file): no such file") }
        let userMapping = try mapping.map { try HeaderMapping.readMappingFile(URL(fileURLWithPath: $0)) } ?? [:]
        if kind.marketKind != nil, org == nil {
            throw ValidationError("--org names the organisation the \(kind.rawValue) belong to (brain org list)")
        }
        // Only demands, offers and talents belong to an organisation: the CLI's other imports are the operator's.
        let job = ImportJob(kind: kind, file: url, asOf: dryRun ? "" : try asOfDate(url), encoding: textEncoding, sheet: sheet,
                            mapping: userMapping, rejectFile: onError == .rejectFile, organisation: kind.marketKind == nil ? nil : org,
                            share: share)
        try await importFile(job)
    }

    var language: DisplayLanguage { DisplayLanguage(query: lang) }

    /// The store and the bundled data the checks need, each loaded only when the kind needs it.
    var service: ImportService {
        // The server logs each computation's time (a check among them); a command's standard error is the user's.
        HeavyWork.quietTimings()
        let (db, dataFolder) = (store.db, URL(fileURLWithPath: data))
        return ImportService(sources: .init(store: { try await openStore(db) },
                                            resolver: { try AddressResolver.load(dataFolder: dataFolder) },
                                            classifier: { try ImportClassifier.load(dataFolder: dataFolder) }))
    }

    func asOfDate(_ url: URL) throws -> String {
        try asOf.map(ImportFile.checkedDate) ?? ImportService.modificationDate(url)
    }

    /// Checks (with --dry-run only checks) or imports the file through the import service, then reports.
    func importFile(_ job: ImportJob) async throws {
        let progress = ImportProgress()
        let update: ImportService.Progress = { progress.update(rows: $0, accepted: $1) }
        let summary: EnterpriseFileCheck.Summary
        var outcome: ImportOutcome?
        do {
            if dryRun {
                summary = try await service.check(job, progress: update)
            } else {
                // The entry is recorded in the import's own transaction (a file imported before records none).
                let report = try await service.write(job, progress: update, audit: CLIAudit.importWrite(job))
                (summary, outcome) = (report.summary, report.outcome)
            }
        } catch let failure as ImportFailure {
            progress.finish()
            switch failure {
            case .rejectedFile(let summary, _), .unresolved(let summary, _):
                ImportSummaryPrinter.print(summary, outcome: nil, problemsFile: try EnterpriseFileCheck.writeProblems(summary, nextTo: job.file, language: language), language: language)
            case .unreadable, .notImportable, .needsOrganisation: break
            }
            throw CommandFailure(ReasonText.render(failure.reason, in: language))
        }
        progress.finish()
        let problems = summary.problems.isEmpty ? nil : try EnterpriseFileCheck.writeProblems(summary, nextTo: job.file, language: language)
        if json {
            var rendered = summary
            rendered.problems = summary.problems.map { $0.rendered(in: language) }
            return try Output.json(ImportSummaryPrinter.Combined(check: rendered, store: outcome))
        }
        ImportSummaryPrinter.print(summary, outcome: outcome, problemsFile: problems, dryRun: dryRun, language: language)
    }

    func writeTemplates(_ kind: ImportKind) throws {
        do {
            let written = try kind.writeTemplates(to: URL(fileURLWithPath: output))
            print("wrote \(written.xlsx.path) and \(written.csv.path)")
        } catch let error as ImportKind.NoTemplate {
            throw CommandFailure(error.description)
        }
    }

    func listImports() async throws {
        let imports = try await openStore(store.db).imports()
        if json { return try Output.json(imports) }
        if imports.isEmpty { print("no imports yet") }
        for i in imports {
            let o = i.outcome
            // An organisation's import is private to it until published (brain publish import ID); the operator's are public.
            let owner = i.organisationId.map { "  机构 org \($0) \(PublishCLI.state(i.publishedAt))" } ?? ""
            print("#\(i.id) \(i.importedAt) \(i.kind) \(i.file) as of \(i.asOf): created \(o.created), updated \(o.updated), unchanged \(o.unchanged), history \(o.history), to review \(o.review)\(owner)")
        }
    }
}

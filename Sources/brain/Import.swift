import ArgumentParser
import Foundation
import BrainIngest
import BrainModel
import BrainStore

enum ImportKind: String, ExpressibleByArgument, CaseIterable {
    case enterprises, products, relations, events, talents, policies, offers, demands
}

extension ImportKind {
    var marketKind: MarketKind? {
        switch self {
        case .demands: .demand
        case .offers: .offer
        case .talents: .talent
        default: nil
        }
    }
}

enum OnError: String, ExpressibleByArgument { case skipRows = "skip-rows", rejectFile = "reject-file" }

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import a user's file (CSV/TSV in UTF-8 or GB18030, XLSX, JSON Lines; Chinese or English headers).",
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
        if let template { return try ImportTemplate.write(template, to: URL(fileURLWithPath: output)) }
        if list { return try await listImports() }
        guard let file else { throw ValidationError("name the file to import, or --template KIND, or --list") }
        guard kind != .policies else {
            throw CommandFailure("importing policies is not built yet: the Suzhou rules ship as data/policies/eligibility.json")
        }
        let textEncoding = try encoding.map { name in
            guard let value = TextEncoding(rawValue: name.lowercased()) else { throw ValidationError("--encoding is utf-8, gb18030, utf-16le or utf-16be") }
            return value
        }
        let url = URL(fileURLWithPath: file)
        guard FileManager.default.fileExists(atPath: url.path) else { throw CommandFailure("\(file): no such file") }
        let userMapping = try mapping.map { try HeaderMapping.readMappingFile(URL(fileURLWithPath: $0)) } ?? [:]
        if let linkKind = LinkFileCheck.Kind(rawValue: kind.rawValue) {
            let check = LinkFileCheck(url: url, kind: linkKind, mapping: userMapping)
            return try await importFile(check, url, textEncoding, unresolved: check.addUnresolved, prepare: { $0 }) { store, header, rejectFile, next in
                try await store.importLinks(header, rejectUnresolved: rejectFile, next: next)
            }
        }
        if let marketKind = kind.marketKind {
            guard let org else { throw ValidationError("--org names the organisation the \(kind.rawValue) belong to (brain org list)") }
            let opened = try await openStore(store.db)
            let check = MarketFileCheck(url: url, kind: marketKind, taxonomy: try await opened.taxonomy(),
                                        resolver: try AddressResolver.load(dataFolder: URL(fileURLWithPath: data)), mapping: userMapping)
            return try await importFile(check, url, textEncoding, prepare: { $0 }) { store, header, _, next in
                var records: [NewMarketRecord] = []
                while let batch = try next() { records += batch.map { NewMarketRecord($0.body, line: $0.line, shared: share) } }
                return try await store.addMarketRecords(records, organisation: org, header: header).outcome
            }
        }
        // Only enterprises are located and classified: the region codes and the chain are loaded for them alone.
        let dataFolder = URL(fileURLWithPath: data)
        let classification = ClassificationCache(try ImportClassifier.load(dataFolder: dataFolder))
        let check = EnterpriseFileCheck(url: url, resolver: try AddressResolver.load(dataFolder: dataFolder), mapping: userMapping)
        try await importFile(check, url, textEncoding, prepare: { $0.map { $0.imported(cache: classification) } }) { store, header, _, next in
            try await store.importEnterprises(header, next: next)
        }
    }

    var language: DisplayLanguage { DisplayLanguage(query: lang) }

    func importHeader(_ url: URL) throws -> ImportHeader {
        ImportHeader(kind: kind.rawValue, file: url.lastPathComponent, fingerprint: try ImportFile.fingerprint(url),
                     asOf: try asOf.map(ImportFile.checkedDate) ?? ImportFile.modificationDate(url),
                     importedAt: ISO8601DateFormatter().string(from: Date()))
    }

    /// Any kind of file: check (and with --dry-run only check), else write through `write` in one transaction, then
    /// report. `unresolved` takes rows the store could not place (products and events naming unknown firms).
    /// Reading, checking and `prepare` (classifying) run on a thread of their own, a few batches ahead of the
    /// store's transaction (`BatchPrefetch`): both cores work.
    func importFile<Check: RowFileCheck, Item>(
        _ check: Check, _ url: URL, _ encoding: TextEncoding?, unresolved: ([UnresolvedRow]) -> Void = { _ in },
        prepare: @escaping ([Check.Row]) -> [Item],
        write: (any ImportingStore, ImportHeader, Bool, @escaping () throws -> [Item]?) async throws -> ImportOutcome
    ) async throws {
        let progress = ImportProgress()
        var outcome: ImportOutcome?
        do {
            try check.start(encoding: encoding, sheet: sheet)
            if dryRun {
                while let batch = try check.next(limit: 1_000) { progress.update(rows: check.summary.rows, accepted: batch.count) }
            } else {
                let header = try importHeader(url)
                let store = try await openStore(self.store.db)
                let rejectFile = onError == .rejectFile
                let prefetch = BatchPrefetch { () throws -> [Item]? in
                    guard let batch = try check.next(limit: 1_000) else {
                        if rejectFile, check.summary.rejected > 0 { throw RejectedFile(rejected: check.summary.rejected) }
                        return nil
                    }
                    progress.update(rows: check.summary.rows, accepted: batch.count)
                    return prepare(batch)
                }
                // The check is the reading thread's until it has stopped (also when the store throws).
                defer { prefetch.stop() }
                let result = try await write(store, header, rejectFile, prefetch.next)
                prefetch.stop()
                unresolved(result.unresolved)
                outcome = result
            }
        } catch let error as EnterpriseFileCheck.FileError {
            progress.finish()
            throw CommandFailure(error.description)
        } catch let error as RejectedFile {
            progress.finish()
            ImportSummaryPrinter.print(check.summary, outcome: nil, problemsFile: try EnterpriseFileCheck.writeProblems(check.summary, nextTo: url, language: language), language: language)
            throw CommandFailure("\(error.rejected) rows rejected and --on-error reject-file: nothing was written")
        } catch ImportStoreError.unresolved(let rows) {
            progress.finish()
            unresolved(rows)
            ImportSummaryPrinter.print(check.summary, outcome: nil, problemsFile: try EnterpriseFileCheck.writeProblems(check.summary, nextTo: url, language: language), language: language)
            throw CommandFailure("\(rows.count) rows name firms the store does not hold and --on-error reject-file: nothing was written")
        }
        progress.finish()
        let problems = check.summary.problems.isEmpty ? nil : try EnterpriseFileCheck.writeProblems(check.summary, nextTo: url, language: language)
        if json {
            var summary = check.summary
            summary.problems = summary.problems.map { $0.rendered(in: language) }
            return try Output.json(ImportSummaryPrinter.Combined(check: summary, store: outcome))
        }
        ImportSummaryPrinter.print(check.summary, outcome: outcome, problemsFile: problems, dryRun: dryRun, language: language)
    }

    func listImports() async throws {
        let imports = try await openStore(store.db).imports()
        if json { return try Output.json(imports) }
        if imports.isEmpty { print("no imports yet") }
        for i in imports {
            let o = i.outcome
            print("#\(i.id) \(i.importedAt) \(i.kind) \(i.file) as of \(i.asOf): created \(o.created), updated \(o.updated), unchanged \(o.unchanged), history \(o.history), to review \(o.review)")
        }
    }
}

struct RejectedFile: Error { let rejected: Int }

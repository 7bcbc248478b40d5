import ArgumentParser
import Foundation
import BrainIngest
import BrainModel
import BrainStore
import BrainUseCases

extension Curate {
    /// `brain curate import FILE`: a file written by `export` (or by hand) back into the store. Every bad row is
    /// reported with its file, row and field; valid rows are kept (`--on-error skip-rows`) or nothing is written
    /// (`reject-file`). Rows whose id is already stored are skipped, so importing the same file twice changes nothing.
    struct CurationImport: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "import", abstract: "Import curations from a CSV file (as `export` writes it).")
        @Argument(help: "The CSV file (UTF-8).") var file: String
        @Option(help: "Who made rows whose `by` is empty.") var by: String?
        @Option(help: "skip-rows keeps valid rows; reject-file writes nothing if any row is rejected.") var onError: OnError = .skipRows
        @Flag(help: "Print the report as JSON.") var json = false
        @OptionGroup var store: StoreOptions

        struct Report: Encodable {
            var file: String
            var read = 0
            var written = 0
            var alreadyStored = 0
            var rejected = 0
            var problems: [SourceFileError] = []

            enum CodingKeys: String, CodingKey { case file, read, written, alreadyStored, rejected, problems }
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(file, forKey: .file)
                try c.encode(read, forKey: .read)
                try c.encode(written, forKey: .written)
                try c.encode(alreadyStored, forKey: .alreadyStored)
                try c.encode(rejected, forKey: .rejected)
                try c.encode(problems.map { Problem(row: $0.row, field: $0.field, value: $0.value, reason: $0.reason) }, forKey: .problems)
            }
        }

        struct Problem: Encodable { var row: Int?; var field: String?; var value: String?; var reason: String }

        func run() async throws {
            let url = URL(fileURLWithPath: file)
            guard FileManager.default.fileExists(atPath: url.path) else { throw CommandFailure("\(file): 文件不存在 (no such file)") }
            let opened = try await openStore(store.db)
            let name = url.lastPathComponent
            var report = Report(file: name)
            var rows: [CurationFile.Row]
            do {
                (rows, report.problems) = try CurationFile.read(url: url, file: name, firmAliases: [:], defaultAuthor: by,
                                                                now: ISO8601DateFormatter().string(from: Date()))
            } catch { throw CommandFailure(error.description) }
            report.read = rows.count + report.problems.count
            for i in rows.indices { rows[i].curation.enterpriseId = try await CurationTargets.firmId(rows[i].curation.enterpriseId, in: opened) }
            // An organisation's curation belongs to an organisation of this store: one it does not know is a row problem,
            // not a curation private to nobody.
            let organisations = Set(try await opened.organisations().map(\.id))
            for row in rows {
                if let organisation = row.curation.organisationId, !organisations.contains(organisation) {
                    report.problems.append(SourceFileError(file: name, row: row.line, field: "organisation", value: organisation,
                                                           reason: "未知机构 (unknown organisation: brain org list)"))
                }
            }
            let unknown = Set(report.problems.compactMap(\.row))
            rows.removeAll { unknown.contains($0.line) }
            let stored = Set(try await opened.curations(enterprise: nil).map(\.id))
            report.alreadyStored = rows.filter { stored.contains($0.curation.id) }.count
            if onError == .rejectFile, !report.problems.isEmpty { rows = [] }
            // The store checks the batch and writes all of it or nothing; in skip-rows mode the rejected rows are
            // dropped and the rest tried again (each round drops at least one row, so this ends).
            while !rows.isEmpty {
                do {
                    report.written = try await opened.addCurations(rows.map(\.curation))
                    if report.written > 0 {
                        // One entry per curation, as adding them one by one records.
                        for curation in rows.map(\.curation) where !stored.contains(curation.id) {
                            await CLIAudit.record(opened, "curation.add", target: "curation", curation.id, organisation: curation.organisationId,
                                                 after: AuditTrail.json(curation))
                        }
                    }
                    break
                } catch let error as CurationError {
                    report.problems += error.problems.map { p in
                        SourceFileError(file: name, row: rows[p.index].line, field: p.field, value: p.value, reason: p.message)
                    }
                    if onError == .rejectFile { break }
                    let bad = Set(error.problems.map(\.index))
                    rows = rows.enumerated().filter { !bad.contains($0.offset) }.map(\.element)
                }
            }
            report.problems.sort { ($0.row ?? 0, $0.field ?? "") < ($1.row ?? 0, $1.field ?? "") }
            report.rejected = Set(report.problems.map { $0.row ?? 0 }).count
            if json { try Output.json(report) } else {
                for problem in report.problems { FileHandle.standardError.write(Data((problem.description + "\n").utf8)) }
                print("\(name): read \(report.read), written \(report.written), already stored \(report.alreadyStored), rejected \(report.rejected)")
            }
            if onError == .rejectFile, !report.problems.isEmpty {
                throw CommandFailure("\(report.rejected) rows rejected and --on-error reject-file: nothing was written")
            }
        }
    }
}

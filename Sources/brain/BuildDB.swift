import ArgumentParser
import Foundation
import BrainIngest
import BrainModel
import BrainStore
import BrainUseCases

struct BuildDB: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build-db",
        abstract: "Build the database from the data folder, atomically: a SQLite file is written aside and renamed into place; "
            + "PostgreSQL is written into a new schema swapped in by the same transaction.")

    @Option(name: [.customLong("database"), .customLong("db"), .customLong("out")],
            help: "SQLite file, or PostgreSQL address postgres://user[:password]@host[:port]/database[?sslmode=disable].")
    var out: String = "brain.sqlite"

    @Option(help: "Folder holding the bundled open data.")
    var data: String = "data"

    @Flag(help: "Print the report as JSON instead of a table.")
    var json = false

    @Flag(help: "Rebuild even though the database holds users' imports or organisations (with their demands, offers and talents), which the rebuild drops.")
    var discardImports = false

    func run() async throws {
        // Analysts' curations outlive every rebuild: read them from the database being replaced and write them into
        // the new one with the shipped data/curation files (docs/curation.md).
        var carried: [Curation] = [], trail: [AuditEntry] = []
        if let store = try await StoreLocation(out).openIfBuilt() {
            carried = try await store.curations(enterprise: nil)
            // So does the audit trail: nothing in the product removes an entry, a rebuild included.
            trail = try await AuditTrail.entries(of: store)
        }
        // A rebuild starts from the bundled data alone: refuse to drop users' imports or posted demands silently.
        if !discardImports, let store = try await StoreLocation(out).openIfBuilt() {
            // The bundled registers' own imports (a named layer, the operator's) are rebuilt with the rest.
            let imports = try await store.imports().filter { $0.layer == nil || $0.organisationId != nil }
            if !imports.isEmpty {
                throw CommandFailure("\(out) holds \(imports.count) imports of users' files (brain import --list); rebuilding drops them. "
                                      + "Rebuild anyway with --discard-imports, or build into another file.")
            }
            let organisations = try await store.organisations()
            if !organisations.isEmpty {
                throw CommandFailure("\(out) holds \(organisations.count) organisations with their demands, offers and talents (brain org list); "
                                      + "rebuilding drops them. Rebuild anyway with --discard-imports, or build into another file.")
            }
        }
        try await Self.build(data: data, out: out, json: json, carried: carried, trail: trail, discardedImports: discardImports)
    }

    /// `carried`: curations of the database being replaced, kept whatever the data says (one naming a firm the data
    /// no longer holds stays stored and has no effect until the firm returns).
    /// `trail`: the audit entries of the database being replaced, appended to the new one in order before the
    /// rebuild's own entry.
    static func build(data: String, out: String, json: Bool = false, carried: [Curation] = [], trail: [AuditEntry] = [],
                      discardedImports: Bool = false) async throws {
        let location = try StoreLocation(out)
        do { try location.checkWritable() } catch let error as StoreLocationError { throw CommandFailure(error.message) }
        let start = Date()
        let progress: @Sendable (String) -> Void = { stage in
            FileHandle.standardError.write(Data(String(format: "[%6.2fs] %@\n", Date().timeIntervalSince(start), stage).utf8))
        }
        let bundle: DataBundle, report: ImportReport, loadSeconds: Double, writeSeconds: Double
        var layer: RegisterLayers.Result?, layerSeconds = 0.0
        do {
            var loaded = try BundleLoader(folder: URL(fileURLWithPath: data), progress: progress).load()
            let shipped = Set(loaded.bundle.curations.map(\.id))
            let kept = carried.filter { !shipped.contains($0.id) }
            loaded.bundle.curations += kept
            if !kept.isEmpty { progress("\(kept.count) curations carried over from \(location)") }
            (bundle, report) = loaded
            loadSeconds = Date().timeIntervalSince(start)
            writeSeconds = try await location.build(bundle, loadSeconds: loadSeconds, progress: progress)
            // The NMPA register goes in as users' files do: through the store's enterprise import, as layer nmpa-2019.
            let layerStart = Date()
            layer = try await RegisterLayers.importNMPA(into: try await location.open(), dataFolder: URL(fileURLWithPath: data), bundle: bundle, progress: progress)
            layerSeconds = Date().timeIntervalSince(layerStart)
            progress("register layers imported")
            let built = try await location.open()
            try await built.recordAudit(contentsOf: trail)
            if !trail.isEmpty { progress("\(trail.count) audit entries carried over") }
            await CLIAudit.record(built, "database.build", target: "database", location.description, after: AuditTrail.json(
                BuildAudit(data: data, read: report.totalRead, accepted: report.totalAccepted, rejected: report.totalRejected,
                           curationsCarried: kept.count, auditEntriesCarried: trail.count, discardedImports: discardedImports)))
        } catch let error as SourceFileError {
            throw ValidationError("build-db failed, \(location) left untouched: \(data)/\(error.description)")
        } catch let error as PostgresLocationError {
            throw ValidationError(error.description)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(BuildReport(files: report, layers: layer.map { [$0] } ?? [])), as: UTF8.self))
        } else {
            print(ReportTable.render(report))
            if let layer { print(RegisterLayers.render(layer, taxonomy: bundle.taxonomy)) }
        }
        print(String(format: "built %@ in %.2f s (read and classify %.2f s, write %.2f s, register layers %.2f s)",
                     location.description, Date().timeIntervalSince(start), loadSeconds, writeSeconds, layerSeconds))
    }
}

enum ReportTable {
    static func render(_ report: ImportReport) -> String {
        var lines = [pad("file", 44) + pad("read", 9, left: true) + pad("accepted", 10, left: true) + pad("rejected", 10, left: true)]
        for file in report.files {
            lines.append(pad(file.file, 44) + pad("\(file.read)", 9, left: true) + pad("\(file.accepted)", 10, left: true)
                         + pad("\(file.rejected)", 10, left: true))
            for (reason, count) in file.rejectionReasons.sorted(by: { $0.value > $1.value }) {
                lines.append("    rejected \(count): \(reason)")
            }
            for (reason, count) in file.warnings.sorted(by: { $0.value > $1.value }) {
                lines.append("    warning \(count): \(reason)")
            }
            for example in file.examples.prefix(2) { lines.append("      e.g. \(example)") }
        }
        lines.append(pad("total", 44) + pad("\(report.totalRead)", 9, left: true) + pad("\(report.totalAccepted)", 10, left: true)
                     + pad("\(report.totalRejected)", 10, left: true))
        return lines.joined(separator: "\n")
    }

    static func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return left ? padding + text : text + padding
    }
}

/// `build-db --json`: the files report as before, with the register layers written through the import beside it.
struct BuildReport: Encodable {
    let files: ImportReport
    let layers: [RegisterLayers.Result]

    enum Key: String, CodingKey { case layers }

    func encode(to encoder: any Encoder) throws {
        try files.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(layers, forKey: .layers)
    }
}

/// What the audit trail keeps of a rebuild.
struct BuildAudit: Encodable {
    let data: String
    let read: Int
    let accepted: Int
    let rejected: Int
    let curationsCarried: Int
    let auditEntriesCarried: Int
    let discardedImports: Bool
}

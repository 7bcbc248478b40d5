import Foundation
import Synchronization
import BrainIngest
import BrainModel
import BrainStore

/// One import of one file, as the CLI (`brain import`) and the API (`POST /api/imports`) ask for it.
public struct ImportJob: Sendable {
    public var kind: ImportKind
    /// The file on disk; its name is recorded with the import, its bytes give the fingerprint.
    public var file: URL
    /// The date the file's facts describe (YYYY-MM-DD); only a write records it.
    public var asOf: String
    public var encoding: TextEncoding?
    public var sheet: String?
    /// The user's header → field pairs, which win over the kind's synonyms.
    public var mapping: [String: String]
    /// Write nothing when any row is rejected (`--on-error reject-file`); otherwise valid rows are kept.
    public var rejectFile: Bool
    /// The organisation the import is recorded as (nil: the operator's). Demands, offers and talents need one: the
    /// records become its own.
    public var organisation: String?
    /// Demands, offers and talents: share them with every organisation (nil: the kind's default).
    public var share: Bool?

    public init(kind: ImportKind, file: URL, asOf: String = "", encoding: TextEncoding? = nil, sheet: String? = nil,
                mapping: [String: String] = [:], rejectFile: Bool = false, organisation: String? = nil, share: Bool? = nil) {
        (self.kind, self.file, self.asOf, self.encoding, self.sheet) = (kind, file, asOf, encoding, sheet)
        (self.mapping, self.rejectFile, self.organisation, self.share) = (mapping, rejectFile, organisation, share)
    }
}

/// What a write did: the file's check (every problem with its row and field) and the store's outcome.
public struct ImportResult: Sendable {
    public var summary: EnterpriseFileCheck.Summary
    public var outcome: ImportOutcome
}

/// Why a file was not imported; each case carries what the report needs.
public enum ImportFailure: ReasonedError {
    /// The kind cannot be imported yet (policies).
    case notImportable(ImportKind, reason: String)
    /// Demands, offers and talents belong to an organisation, and none was named.
    case needsOrganisation(ImportKind)
    /// The file could not be read at all (no header, not a workbook, …).
    case unreadable(EnterpriseFileCheck.FileError)
    /// Rows were rejected and the job said to write nothing then.
    case rejectedFile(EnterpriseFileCheck.Summary, rejected: Int)
    /// Rows name firms the store does not hold and the job said to write nothing then.
    case unresolved(EnterpriseFileCheck.Summary, rows: [UnresolvedRow])

    public var reason: Reason {
        switch self {
        case .notImportable(_, let reason): .note(reason)
        case .needsOrganisation(let kind): Reason("import.needs-organisation", ["kind": kind.label.zh, "kind.en": kind.label.en])
        case .unreadable(let error): error.reason
        case .rejectedFile(_, let rejected): Reason("import.rejected-file", ["count": "\(rejected)"])
        case .unresolved(_, let rows): Reason("import.unresolved-file", ["count": "\(rows.count)"])
        }
    }
}

/// The one import pipeline: a kind's check reads and validates the file (every problem kept with its row and field),
/// and its rows are written in one transaction under one import header (file, fingerprint, as-of date), so the same
/// content imported again changes nothing. Reading, checking and classifying run on a thread of their own, a few
/// batches ahead of the store's transaction (`BatchPrefetch`): both cores work.
public struct ImportService: Sendable {
    /// What the checks need, loaded when a kind first needs it (the CLI loads the region codes only for the kinds
    /// that locate addresses, the chain only for enterprises).
    public struct Sources: Sendable {
        public var store: @Sendable () async throws -> any ImportingStore
        public var resolver: @Sendable () async throws -> AddressResolver
        public var classifier: @Sendable () async throws -> ImportClassifier

        public init(store: @escaping @Sendable () async throws -> any ImportingStore,
                    resolver: @escaping @Sendable () async throws -> AddressResolver,
                    classifier: @escaping @Sendable () async throws -> ImportClassifier) {
            (self.store, self.resolver, self.classifier) = (store, resolver, classifier)
        }
    }

    /// Rows read so far and rows accepted in the last batch (a progress display; called from the reading thread).
    public typealias Progress = @Sendable (_ rows: Int, _ accepted: Int) -> Void

    public let sources: Sources
    /// Rows per batch read ahead of the store and written by it.
    static let batchSize = 1_000

    public init(sources: Sources) {
        self.sources = sources
    }

    /// Checks the file and writes nothing (`brain import --dry-run`, `POST /api/imports/check`), off the caller's
    /// threads: a large workbook takes seconds.
    public func check(_ job: ImportJob, progress: Progress? = nil) async throws -> EnterpriseFileCheck.Summary {
        let checker = try await makeCheck(job)
        return try await HeavyWork.run("check of \(job.file.lastPathComponent)") {
            let check = checker.make()
            do {
                try check.start(encoding: job.encoding, sheet: job.sheet)
                while let batch = try check.next(limit: Self.batchSize) { progress?(check.summary.rows, batch.count) }
            } catch let error as EnterpriseFileCheck.FileError {
                throw ImportFailure.unreadable(error)
            }
            return check.summary
        }
    }

    /// Makes the import's audit entry from what the trail keeps of it; the store records it in the import's own
    /// transaction, so an entry that cannot be recorded undoes the import (nil: no entry, as tests and benches do).
    public typealias Audit = @Sendable (ImportAuditRecord) throws -> AuditEntry?

    /// Checks the file and writes its valid rows (all or none with `rejectFile`) under one import header.
    public func write(_ job: ImportJob, progress: Progress? = nil, audit: Audit? = nil) async throws -> ImportResult {
        if case .notBuilt(let reason) = job.kind.pipeline { throw ImportFailure.notImportable(job.kind, reason: reason) }
        let header = ImportHeader(kind: job.kind.rawValue, file: job.file.lastPathComponent, fingerprint: try Self.fingerprint(job.file),
                                  asOf: job.asOf, importedAt: ISO8601DateFormatter().string(from: Date()),
                                  organisation: job.kind.marketKind == nil ? job.organisation : nil)
        let store = try await sources.store()
        switch job.kind.pipeline {
        case .enterprises:
            let check = EnterpriseFileCheck(url: job.file, resolver: try await sources.resolver(), mapping: job.mapping)
            let classification = ClassificationCache(try await sources.classifier())
            return try await pump(check, job, progress, audit, prepare: { $0.map { $0.imported(cache: classification) } }) { header_, entry, next in
                try await store.importEnterprises(header_, audit: entry, next: next)
            }(header)
        case .links(let kind):
            let check = LinkFileCheck(url: job.file, kind: kind, mapping: job.mapping)
            do {
                // The entry counts unresolved rows as rejected, as the summary shown does once `addUnresolved` ran.
                let report = try await pump(check, job, progress, audit, unresolvedRejected: true, prepare: { $0 }) { header_, entry, next in
                    try await store.importLinks(header_, rejectUnresolved: job.rejectFile, audit: entry, next: next)
                }(header)
                check.addUnresolved(report.outcome.unresolved)
                return ImportResult(summary: check.summary, outcome: report.outcome)
            } catch ImportStoreError.unresolved(let rows) {
                check.addUnresolved(rows)
                throw ImportFailure.unresolved(check.summary, rows: rows)
            }
        case .market(let kind):
            guard let organisation = job.organisation else { throw ImportFailure.needsOrganisation(job.kind) }
            let check = MarketFileCheck(url: job.file, kind: kind, taxonomy: try await store.taxonomy(), resolver: try await sources.resolver(),
                                        mapping: job.mapping)
            return try await pump(check, job, progress, audit, prepare: { $0 }) { header_, entry, next in
                var records: [NewMarketRecord] = []
                while let batch = try next() { records += batch.map { NewMarketRecord($0.body, line: $0.line, shared: job.share) } }
                let audit: AuditOf<MarketWrite>? = entry.map { entry in { @Sendable write in try entry(write.outcome) } }
                return try await store.addMarketRecords(records, organisation: organisation, header: header_, audit: audit).outcome
            }(header)
        case .policies:
            let check = PolicyFileCheck(url: job.file, taxonomy: try await store.taxonomy(), resolver: try await sources.resolver(),
                                        mapping: job.mapping)
            return try await pump(check, job, progress, audit, prepare: { $0 }) { _, entry, next in
                try await store.importPolicies(organisation: job.organisation, audit: entry, next: next)
            }(header)
        case .notBuilt(let reason):
            throw ImportFailure.notImportable(job.kind, reason: reason)
        }
    }

    /// Reads `check` a few batches ahead of `write` (the store's transaction) and stops the reader whatever happens:
    /// the check is the reading thread's until it has stopped.
    /// `audit` becomes the store's `AuditOf`: the reader's counts are final once it has handed over its last batch,
    /// which is before the store commits.
    private func pump<Check: RowFileCheck, Item>(
        _ check: Check, _ job: ImportJob, _ progress: Progress?, _ audit: Audit?, unresolvedRejected: Bool = false,
        prepare: @escaping ([Check.Row]) -> [Item],
        write: @escaping (ImportHeader, AuditOf<ImportOutcome>?, @escaping () throws -> [Item]?) async throws -> ImportOutcome
    ) -> (ImportHeader) async throws -> ImportResult {
        { header in
            do {
                try check.start(encoding: job.encoding, sheet: job.sheet)
                let finalSummary = FinalSummary()
                let prefetch = BatchPrefetch { () throws -> [Item]? in
                    guard let batch = try check.next(limit: Self.batchSize) else {
                        if job.rejectFile, check.summary.rejected > 0 { throw RejectedRows(count: check.summary.rejected) }
                        finalSummary.value.withLock { $0 = check.summary }
                        return nil
                    }
                    progress?(check.summary.rows, batch.count)
                    return prepare(batch)
                }
                defer { prefetch.stop() }
                let entry = audit.map { finalSummary.entry($0, job, unresolvedRejected: unresolvedRejected) }
                let outcome = try await write(header, entry, prefetch.next)
                prefetch.stop()
                return ImportResult(summary: check.summary, outcome: outcome)
            } catch let error as EnterpriseFileCheck.FileError {
                throw ImportFailure.unreadable(error)
            } catch let error as RejectedRows {
                throw ImportFailure.rejectedFile(check.summary, rejected: error.count)
            }
        }
    }

    /// A kind's check, made on the thread that runs it (a check is not shared between threads).
    private struct CheckMaker: Sendable {
        let make: @Sendable () -> any RowFileCheck
    }

    private func makeCheck(_ job: ImportJob) async throws -> CheckMaker {
        let (url, mapping) = (job.file, job.mapping)
        switch job.kind.pipeline {
        case .enterprises:
            let resolver = try await sources.resolver()
            return CheckMaker { EnterpriseFileCheck(url: url, resolver: resolver, mapping: mapping) }
        case .links(let kind):
            return CheckMaker { LinkFileCheck(url: url, kind: kind, mapping: mapping) }
        case .market(let kind):
            let taxonomy = try await sources.store().taxonomy(), resolver = try await sources.resolver()
            return CheckMaker { MarketFileCheck(url: url, kind: kind, taxonomy: taxonomy, resolver: resolver, mapping: mapping) }
        case .policies:
            let taxonomy = try await sources.store().taxonomy(), resolver = try await sources.resolver()
            return CheckMaker { PolicyFileCheck(url: url, taxonomy: taxonomy, resolver: resolver, mapping: mapping) }
        case .notBuilt(let reason):
            throw ImportFailure.notImportable(job.kind, reason: reason)
        }
    }

    /// The file's content fingerprint, read in 1 MiB chunks (the same content is the same import).
    public static func fingerprint(_ url: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var fingerprint = Fingerprint()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { fingerprint.add(chunk) }
        return fingerprint.hex
    }

    /// Today's date, YYYY-MM-DD (an upload's as-of date when none is given).
    public static var today: String { String(ISO8601DateFormatter().string(from: Date()).prefix(10)) }

    /// A file's modification date, YYYY-MM-DD (a CLI import's as-of date when none is given).
    public static func modificationDate(_ url: URL) throws -> String {
        let date = try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date ?? Date()
        return String(ISO8601DateFormatter().string(from: date).prefix(10))
    }
}

private struct RejectedRows: Error { let count: Int }

/// The reader's counts once it has handed over its last batch (set on the reading thread, read in the store's
/// transaction), from which the import's entry is made.
private final class FinalSummary: Sendable {
    let value = Mutex<EnterpriseFileCheck.Summary?>(nil)

    func entry(_ audit: @escaping ImportService.Audit, _ job: ImportJob, unresolvedRejected: Bool) -> AuditOf<ImportOutcome> {
        { outcome in
            // A store that asks before the reader reached the end: refused rather than recorded with partial counts.
            guard var summary = self.value.withLock({ $0 }) else { throw ImportAuditUnready() }
            if unresolvedRejected {
                summary.accepted -= outcome.unresolved.count
                summary.rejected += outcome.unresolved.count
            }
            return try audit(ImportAuditRecord(job, ImportResult(summary: summary, outcome: outcome)))
        }
    }
}

private struct ImportAuditUnready: Error {}

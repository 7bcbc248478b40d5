import Foundation
import Hummingbird
import NIOCore
import BrainIngest
import BrainModel
import BrainStore

/// `POST /api/imports?kind=&file=&asOf=`: writes an uploaded file through the same pipeline as `brain import` (one
/// transaction; rejected rows reported, valid rows kept), returns the report and the pending review queue, then drops
/// every cached analysis so pages show the new data. Needs a credential, whatever address the request came from: an
/// admin token (the import is the operator's, listed to everyone) or an organisation's token or signed-in session
/// (the import is recorded as that organisation's and listed only to it).
struct ImportWriter: Sendable {
    let store: any ImportingStore
    let resolver: AddressResolver
    let classifier: ImportClassifier
    let market: MarketImport
    let invalidate: @Sendable () async -> Void

    struct WriteResponse: Encodable {
        let kind: String
        let summary: EnterpriseFileCheck.Summary
        let problemsShown: Int
        let outcome: ImportOutcome
        let pendingReview: [ReviewItem]
    }

    func register(on router: Router<BasicRequestContext>) {
        router.post("/api/imports") { request, _ in try await write(request) }
    }

    func write(_ request: Request) async throws -> Response {
        if let marketKind = MarketImport.kind(request.uri.queryParameters.get("kind") ?? "") {
            return try await market.handle(request, kind: marketKind, write: true)
        }
        let caller = try await market.access.requireWriter(request)
        let query = request.uri.queryParameters
        let kind = query.get("kind") ?? "enterprises"
        let linkKind = LinkFileCheck.Kind(rawValue: kind)
        guard kind == "enterprises" || linkKind != nil else {
            return JSONResponse.error(.badRequest, Reason("api.import-kind"))
        }
        let today = String(ISO8601DateFormatter().string(from: Date()).prefix(10))
        var asOf = today
        if let text = query.get("asOf"), !text.isEmpty {
            guard case .success(let date) = DateValue.parse(text) else { return JSONResponse.error(.badRequest, Reason("api.as-of", ["value": String(text.prefix(40))])) }
            asOf = date
        }
        guard let upload = try await Upload.receive(request) else { return Upload.tooLarge }
        defer { upload.remove() }
        let (data, url) = (upload.data, upload.url)
        var fingerprint = Fingerprint()
        fingerprint.add(data)
        let header = ImportHeader(kind: kind, file: url.lastPathComponent, fingerprint: fingerprint.hex, asOf: asOf,
                                  importedAt: ISO8601DateFormatter().string(from: Date()),
                                  organisation: caller.isAdmin ? nil : caller.organisation?.id)
        var summary: EnterpriseFileCheck.Summary
        let outcome: ImportOutcome
        do {
            if let linkKind {
                let check = LinkFileCheck(url: url, kind: linkKind)
                try check.start(encoding: nil, sheet: nil)
                outcome = try await store.importLinks(header, rejectUnresolved: false) { try check.next(limit: 1_000) }
                check.addUnresolved(outcome.unresolved)
                summary = check.summary
            } else {
                let check = EnterpriseFileCheck(url: url, resolver: resolver)
                try check.start(encoding: nil, sheet: nil)
                // Read, check and classify on a thread of their own while the store writes (as `brain import`).
                let classification = ClassificationCache(classifier)
                let prefetch = BatchPrefetch { try check.next(limit: 1_000)?.map { $0.imported(cache: classification) } }
                defer { prefetch.stop() }
                outcome = try await store.importEnterprises(header, next: prefetch.next)
                prefetch.stop()
                summary = check.summary
            }
        } catch let error as EnterpriseFileCheck.FileError {
            return JSONResponse.error(.unprocessableContent, Reason("api.unreadable-file", ["detail": error.description]))
        }
        if outcome.alreadyImportedAs == nil { await invalidate() }
        ServerMetrics.imported(kind: kind, outcome: outcome, rejected: summary.rejected)
        let shown = min(summary.problems.count, ImportController.maxProblemsReturned)
        summary.problems = summary.problems.prefix(shown).map { $0.rendered(in: RequestLanguage.current) }
        return try JSONResponse.ok(WriteResponse(kind: kind, summary: summary, problemsShown: shown, outcome: outcome,
                                                 pendingReview: try await ImportController.visibleReview(store, status: .pending, to: caller)))
    }
}

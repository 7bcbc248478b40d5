import Foundation
import Hummingbird
import NIOCore
import BrainIngest
import BrainModel
import BrainStore
import BrainUseCases

/// `POST /api/imports?kind=&file=&asOf=&shared=`: writes an uploaded file through the import service, as `brain
/// import` does (one transaction; rejected rows reported, valid rows kept), returns the report and the pending review
/// queue, then drops every cached analysis so pages show the new data. Needs a credential, whatever address the
/// request came from: for demands, offers and talents the organisation's token or signed-in session (the records
/// become its own; an admin token acts for no organisation and is refused); for the other kinds an admin token (the
/// import is the operator's, listed to everyone) or an organisation's (recorded as its import, listed only to it).
struct ImportWriter: Sendable {
    let store: any ImportingStore
    let imports: ImportService
    let access: MarketAccess
    /// Posts the alerts the import raised to the organisations' webhooks, in the background.
    let webhooks: WebhookDispatcher
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
        let query = request.uri.queryParameters
        let kind = ImportKind.importable(query.get("kind"))
        let organisation: String?, caller = try await access.requireWriter(request, for: kind?.marketKind != nil ? .shareDemands : .importData)
        if kind?.marketKind != nil {
            guard let own = caller.organisation else { throw HTTPError(.forbidden, message: MarketAccessMessage.adminNoOrganisation) }
            organisation = own.id
        } else {
            organisation = caller.isAdmin ? nil : caller.organisation?.id
        }
        guard let kind else { return JSONResponse.error(.badRequest, Reason("api.import-kind")) }
        try AuditAccess.require(caller, kind.marketKind == nil ? .importData : .shareDemands)
        var asOf = ImportService.today
        if let text = query.get("asOf"), !text.isEmpty {
            guard case .success(let date) = DateValue.parse(text) else { return JSONResponse.error(.badRequest, Reason("api.as-of", ["value": String(text.prefix(40))])) }
            asOf = date
        }
        guard let upload = try await Upload.receive(request) else { return Upload.tooLarge }
        defer { upload.remove() }
        let job = ImportJob(kind: kind, file: upload.url, asOf: asOf, organisation: organisation,
                            share: kind.marketKind == nil ? nil : MarketAccess.flag(query.get("shared")))
        let report: ImportResult
        // The entry is recorded in the import's own transaction: an entry that cannot be recorded undoes the import.
        let audit: ImportService.Audit = { @Sendable record in
            caller.auditEntry("import.write", target: "import", record.targetId, after: AuditTrail.json(record))
        }
        do { report = try await imports.write(job, audit: audit) } catch ImportFailure.unreadable(let error) {
            return JSONResponse.error(.unprocessableContent, error.reason)
        }
        var summary = report.summary
        // Demands, offers and talents are not in the analytics snapshot, nor are imported policy clauses (read per
        // request, as the caller may see them): only the other kinds rebuild it.
        var pending: [ReviewItem] = []
        if report.outcome.alreadyImportedAs == nil, let importId = report.outcome.importId { webhooks.importFinished(importId) }
        if kind.marketKind == nil {
            if report.outcome.alreadyImportedAs == nil, kind != .policies { await invalidate() }
            ServerMetrics.imported(kind: kind.rawValue, outcome: report.outcome, rejected: summary.rejected)
            pending = try await ImportController.visibleReview(store, status: .pending, to: caller).map { $0.rendered(in: RequestLanguage.current) }
        }
        let shown = ImportController.showProblems(&summary)
        return try JSONResponse.ok(WriteResponse(kind: kind.rawValue, summary: summary, problemsShown: shown, outcome: report.outcome,
                                                 pendingReview: pending), in: RequestLanguage.current)
    }
}

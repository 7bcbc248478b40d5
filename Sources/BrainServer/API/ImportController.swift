import Foundation
import Hummingbird
import NIOCore
import BrainIngest
import BrainModel
import BrainStore
import BrainUseCases

/// Users' imports over HTTP: what was imported, the review queue, a firm's facts with their sources, and a check of
/// an uploaded file (the same pipeline as `brain import --dry-run`; nothing is written).
struct ImportController: Sendable {
    let store: any ImportingStore
    let imports: ImportService
    let access: MarketAccess
    /// Uploads above this are refused with 413 and a message saying the limit.
    static let maxUploadBytes = 20 << 20
    static let maxProblemsReturned = 1_000

    func register(on router: Router<BasicRequestContext>) {
        let api = router.group("api")
        // Lists show the caller's own imports and the operator's; an organisation's imports are private to it.
        api.get("imports") { request, _ in
            let caller = try await access.caller(request)
            return try JSONResponse.ok(try await store.imports().filter(caller.maySee).map(caller.shown))
        }
        api.post("imports/check") { request, _ in try await check(request) }
        api.get("review") { request, _ in try await review(request, caller: try await access.caller(request)) }
        api.get("enterprises/:id/facts") { request, context in
            try await facts(try context.parameters.path("id"), caller: try await access.caller(request))
        }
    }

    /// `GET /api/review?status=pending|accepted|rejected|all&lang=`: items of the imports the caller may see, each
    /// `reason` worded in the request's language (`lang=`, else Accept-Language; Chinese by default), its `reasons`
    /// as data with their text in that language.
    func review(_ request: Request, caller: Caller) async throws -> Response {
        let status = request.uri.queryParameters.get("status") ?? "pending"
        let wanted: ReviewItem.Status?
        if status == "all" { wanted = nil } else {
            guard let parsed = ReviewItem.Status(rawValue: status) else { return JSONResponse.error(.badRequest, Reason("api.review-status")) }
            wanted = parsed
        }
        return try JSONResponse.ok(try await Self.visibleReview(store, status: wanted, to: caller).map { $0.rendered(in: RequestLanguage.current) },
                                   in: RequestLanguage.current)
    }

    /// The review items of the imports whose queue the caller may read; a candidate firm it may no longer see (another
    /// organisation withdrew it since) is left unnamed.
    static func visibleReview(_ store: any ImportingStore, status: ReviewItem.Status?, to caller: Caller) async throws -> [ReviewItem] {
        let queues = Set(try await store.imports().filter(caller.mayReview).map(\.id))
        var items = try await store.reviewItems(status: status).filter { queues.contains($0.importId) }
        let candidates = Set(items.compactMap(\.candidateId))
        guard !candidates.isEmpty else { return items }
        let seen = Set(try await store.enterpriseSummaries(ids: Array(candidates), visibleTo: caller.firmViewer).map(\.id))
        for index in items.indices where items[index].candidateId.map({ !seen.contains($0) }) == true {
            (items[index].candidateId, items[index].candidateName) = (nil, nil)
        }
        return items
    }

    /// `GET /api/enterprises/{id}/facts`: every imported value the caller may see with its import, file, row and date.
    func facts(_ id: String, caller: Caller) async throws -> Response {
        // Another organisation's private firm answers as an unknown id does.
        guard try await store.enterprise(id, visibleTo: caller.firmViewer) != nil else { return JSONResponse.error(.notFound, Reason("api.no-enterprise", ["id": String(id.prefix(64))])) }
        let visible = try await Self.visibleImportIds(store, caller)
        return try JSONResponse.ok(try await store.enterpriseFacts(id).filter { visible.contains($0.importId) })
    }

    /// The imports the caller may see: its own organisation's and the operator's (all of them for an admin).
    static func visibleImportIds(_ store: any ImportingStore, _ caller: Caller) async throws -> Set<Int> {
        Set(try await store.imports().filter(caller.maySee).map(\.id))
    }

    struct CheckResponse: Encodable {
        let kind: String
        let summary: EnterpriseFileCheck.Summary
        let problemsShown: Int
    }

    /// `POST /api/imports/check?kind=enterprises&file=NAME.csv` with the file as the body: any kind of the registry
    /// (demands, offers and talents too), checked as `brain import --dry-run` checks it. Needs no credential.
    func check(_ request: Request) async throws -> Response {
        guard let kind = ImportKind.importable(request.uri.queryParameters.get("kind")) else {
            return JSONResponse.error(.badRequest, Reason("api.import-kind"))
        }
        guard let upload = try await Upload.receive(request) else { return Upload.tooLarge }
        defer { upload.remove() }
        var summary: EnterpriseFileCheck.Summary
        do { summary = try await imports.check(ImportJob(kind: kind, file: upload.url)) } catch ImportFailure.unreadable(let error) {
            return JSONResponse.error(.unprocessableContent, error.reason)
        }
        let shown = Self.showProblems(&summary)
        return try JSONResponse.ok(CheckResponse(kind: kind.rawValue, summary: summary, problemsShown: shown))
    }

    /// Keeps the first `maxProblemsReturned` problems, worded in the request's language; returns how many are kept.
    static func showProblems(_ summary: inout EnterpriseFileCheck.Summary) -> Int {
        let shown = min(summary.problems.count, maxProblemsReturned)
        summary.problems = summary.problems.prefix(shown).map { $0.rendered(in: RequestLanguage.current) }
        return shown
    }

    /// The upload's own name without any folder part; `upload.csv` when none or an unusable one is given.
    static func safeFileName(_ name: String?) -> String {
        let base = (name ?? "").split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let cleaned = base.filter { !$0.isNewline && $0 != "\0" }
        return cleaned.isEmpty || cleaned.hasPrefix(".") || cleaned.utf8.count > 200 ? "upload.csv" : cleaned
    }
}

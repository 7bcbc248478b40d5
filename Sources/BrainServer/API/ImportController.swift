import Foundation
import Hummingbird
import NIOCore
import BrainIngest
import BrainModel
import BrainStore

/// Users' imports over HTTP: what was imported, the review queue, a firm's facts with their sources, and a check of
/// an uploaded file (the same pipeline as `brain import --dry-run`; nothing is written).
struct ImportController: Sendable {
    let store: any ImportingStore
    let resolver: AddressResolver
    let market: MarketImport
    /// Uploads above this are refused with 413 and a message saying the limit.
    static let maxUploadBytes = 20 << 20
    static let maxProblemsReturned = 1_000

    func register(on router: Router<BasicRequestContext>) {
        let api = router.group("api")
        api.get("imports") { _, _ in try JSONResponse.ok(try await store.imports()) }
        api.post("imports/check") { request, _ in try await check(request) }
        api.get("review") { request, _ in try await review(request) }
        api.get("enterprises/:id/facts") { _, context in try await facts(context.parameters.get("id") ?? "") }
    }

    /// `GET /api/review?status=pending|accepted|rejected|all`.
    func review(_ request: Request) async throws -> Response {
        let status = request.uri.queryParameters.get("status") ?? "pending"
        if status == "all" { return try JSONResponse.ok(try await store.reviewItems(status: nil)) }
        guard let wanted = ReviewItem.Status(rawValue: status) else {
            return JSONResponse.error(.badRequest, "status is pending, accepted, rejected or all")
        }
        return try JSONResponse.ok(try await store.reviewItems(status: wanted))
    }

    /// `GET /api/enterprises/{id}/facts`: every imported value with its import, file, row and as-of date.
    func facts(_ id: String) async throws -> Response {
        guard try await store.enterprise(id) != nil else { return JSONResponse.error(.notFound, "no enterprise with id \(id)") }
        return try JSONResponse.ok(try await store.enterpriseFacts(id))
    }

    struct CheckResponse: Encodable {
        let kind: String
        let summary: EnterpriseFileCheck.Summary
        let problemsShown: Int
    }

    /// `POST /api/imports/check?kind=enterprises&file=NAME.csv` with the file as the body.
    func check(_ request: Request) async throws -> Response {
        let kind = request.uri.queryParameters.get("kind") ?? "enterprises"
        if let marketKind = MarketImport.kind(kind) { return try await market.handle(request, kind: marketKind, write: false) }
        let linkKind = LinkFileCheck.Kind(rawValue: kind)
        guard kind == "enterprises" || linkKind != nil else {
            return JSONResponse.error(.badRequest, "kind is enterprises, products, events, relations, demands, offers or talents")
        }
        guard let upload = try await Upload.receive(request) else { return Upload.tooLarge }
        defer { upload.remove() }
        let url = upload.url
        var summary: EnterpriseFileCheck.Summary
        do {
            summary = try linkKind.map { try LinkFileCheck(url: url, kind: $0).run() } ?? EnterpriseFileCheck(url: url, resolver: resolver).run()
        } catch let error as EnterpriseFileCheck.FileError {
            return JSONResponse.error(.unprocessableContent, error.description)
        }
        let shown = min(summary.problems.count, Self.maxProblemsReturned)
        summary.problems = Array(summary.problems.prefix(shown))
        return try JSONResponse.ok(CheckResponse(kind: kind, summary: summary, problemsShown: shown))
    }

    /// The upload's own name without any folder part; `upload.csv` when none or an unusable one is given.
    static func safeFileName(_ name: String?) -> String {
        let base = (name ?? "").split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let cleaned = base.filter { !$0.isNewline && $0 != "\0" }
        return cleaned.isEmpty || cleaned.hasPrefix(".") || cleaned.utf8.count > 200 ? "upload.csv" : cleaned
    }
}

import Foundation
import Hummingbird
import BrainModel
import BrainStore
import BrainUseCases

/// Analysts' curations over HTTP (docs/curation.md). Anyone may read the public ones (portraits show them); an
/// organisation's stay its own until its admin publishes them (PublishRoutes). Adding and revoking
/// need the credential imports need: an organisation's token or signed-in session (with its CSRF token), or an admin
/// token. The author is recorded from that identity, never from the body.
struct CurationController: Sendable {
    let store: any ImportingStore
    let access: MarketAccess
    let invalidate: @Sendable () async -> Void

    struct Problems: Encodable {
        let error: String
        let status: Int
        let problems: [CurationProblem]
    }

    func register(on router: Router<BasicRequestContext>) {
        let api = router.group("api")
        api.get("curations") { request, _ in try await list(request) }
        api.post("curations") { request, _ in try await add(request) }
        api.post("curations/:id/revoke") { request, context in try await revoke(request, id: try context.parameters.path("id")) }
    }

    /// `GET /api/curations?firm=ID`: every curation (one firm's with `firm`), oldest first, with its revocation; but
    /// none of a firm the caller may not see (another organisation's private import's).
    func list(_ request: Request) async throws -> Response {
        let firm: String? = request.uri.queryParameters.get("firm")
        if let firm, firm.count > 64 { return JSONResponse.error(.badRequest, Reason("api.firm-id")) }
        let viewer = try await access.caller(request).firmViewer
        // An organisation's unpublished curations are listed to it (and the operator) alone.
        var curations = try await store.curations(enterprise: firm).filter { $0.isVisible(to: viewer) }
        if try await !store.hiddenImports(from: viewer).layers.isEmpty {
            // The firms that exist but are hidden from the caller (a curation may outlive its firm: those stay listed).
            let ids = Array(Set(curations.map(\.enterpriseId))).sorted()
            let hidden = Set(try await store.enterpriseSummaries(ids: ids, visibleTo: .operator).map(\.id))
                .subtracting(try await store.enterpriseSummaries(ids: ids, visibleTo: viewer).map(\.id))
            curations.removeAll { hidden.contains($0.enterpriseId) }
        }
        return try JSONResponse.ok(CurationRecord.history(curations))
    }

    /// `POST /api/curations` with `{"firm": "688690.SH", "action": "add", "node": "purification-resins", "reason": "…",
    /// "source": "…"}` (move: `fromNode` and `node`; locate: `region`). 201 with the stored curation; 422 with its problems.
    func add(_ request: Request) async throws -> Response {
        let (caller, fields) = try await writer(request)
        guard let action = Curation.Action(rawValue: fields["action"] ?? ""), action != .revoke else {
            return JSONResponse.error(.badRequest, Reason("api.curation-action"))
        }
        try AuditAccess.require(caller, .curate)
        return try await answer {
            try await CurationScope(store: store).check(caller, firm: fields["firm"] ?? "", newRegion: action == .locate ? fields["region"] : nil)
            return try await store.addCuration(enterprise: fields["firm"] ?? "", action: action, node: fields["node"],
                                        fromNode: fields["fromNode"] ?? fields["from_node"], region: fields["region"],
                                        reason: fields["reason"] ?? "", author: Self.author(caller), source: fields["source"],
                                        organisation: Self.owner(caller)) { curation in
                caller.auditEntry("curation.add", target: "curation", curation.id, after: AuditTrail.json(curation))
            }
        }
    }

    /// `POST /api/curations/{id}/revoke` with `{"reason": "…", "source": "…"}`: a new record withdrawing curation `id`.
    func revoke(_ request: Request, id: String) async throws -> Response {
        let (caller, fields) = try await writer(request)
        try AuditAccess.require(caller, .curate)
        let found = try await store.curations(enterprise: nil).first { $0.id == id }
        // Another organisation's unpublished curation is as unknown as no curation.
        let revoked = found.flatMap { $0.isVisible(to: caller.firmViewer) ? $0 : nil }
        return try await answer {
            if found != nil && revoked == nil {
                throw CurationError(problems: [CurationProblem(index: 0, field: "revokes", value: id, code: .unknownCuration)])
            }
            // Withdrawing a correction changes the firm's shared facts as making it did: the same scope.
            if let revoked { try await CurationScope(store: store).check(caller, firm: revoked.enterpriseId, newRegion: nil) }
            // The trail shows the curation withdrawn (before) beside the record that withdraws it (after).
            return try await store.revokeCuration(id, reason: fields["reason"] ?? "", author: Self.author(caller), source: fields["source"],
                                                  organisation: Self.owner(caller)) {
                caller.auditEntry("curation.revoke", target: "curation", $1.revokes ?? $1.id, before: AuditTrail.json($0), after: AuditTrail.json($1))
            }
        }
    }

    /// The caller (refused unless it may write) and the body's fields, JSON or a form.
    func writer(_ request: Request) async throws -> (Caller, [String: String]) {
        let isJSON = request.headers[.contentType]?.lowercased().hasPrefix("application/json") == true
        let fields = isJSON ? try await MarketAccess.jsonFields(request) : try await request.formFields()
        let caller = try await access.requireWriter(request, csrf: fields[SessionCookie.formField], for: .curate)
        return (caller, fields.filter { !$0.value.isEmpty })
    }

    /// The write (which records its audit entry in its own transaction) answered: 201, or 422 with its problems.
    func answer(_ write: () async throws -> Curation) async throws -> Response {
        do {
            let curation = try await write()
            await invalidate()
            return JSONResponse.response(.created, data: try JSONResponse.encoder.encode(curation))
        } catch let error as CurationError {
            let body = Problems(error: error.description, status: 422, problems: error.problems)
            return JSONResponse.response(.unprocessableContent, data: try JSONResponse.encoder.encode(body))
        }
    }

    /// The organisation a new curation is private to until its admin publishes it: the caller's, but none for the
    /// operator, whose curations are public from the start.
    static func owner(_ caller: Caller) -> String? {
        caller.isOperator ? nil : caller.organisation?.id
    }

    /// `admin` for an admin token, `org:ID` for an organisation's token or session.
    static func author(_ caller: Caller) -> String {
        caller.isAdmin ? "admin" : caller.organisation.map { "org:" + $0.id } ?? "anonymous"
    }
}

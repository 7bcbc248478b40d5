import Foundation
import Hummingbird
import BrainModel
import BrainStore
import BrainUseCases

/// Watchlists, alerts and the change feed over HTTP (issue 19 item 4). Watches and alerts belong to an organisation
/// (its token or signed-in session; a session's writes carry the CSRF token) and are never listed, counted or changed
/// for another; the feed shows everyone the public changes and an organisation its own private ones too.
struct WatchController: Sendable {
    let store: any ImportingStore
    let access: MarketAccess

    func register(on router: Router<BasicRequestContext>) {
        let api = router.group("api")
        api.get("watchlist") { request, _ in try await list(request) }
        api.post("watchlist") { request, _ in try await add(request) }
        api.delete("watchlist/:id") { request, context in try await remove(request, id: try context.parameters.path("id")) }
        api.get("alerts") { request, _ in try await alerts(request) }
        api.post("alerts/read") { request, _ in try await markRead(request) }
        api.get("changes") { request, _ in try await changes(request) }
        api.get("watch/status") { request, _ in try await status(request) }
        // Beside the region collection's routes: a literal last segment wins over its `:method`.
        api.get("regions/:code/timeline") { request, context in try await timeline(request, code: try context.parameters.path("code")) }
    }

    /// What every page's script needs to show the inbox link, its unread count and the watch buttons, answered to
    /// everyone (200, so a signed-out page logs no failed request): whether the caller may watch, its unread count and
    /// watches, and a session's CSRF token for the buttons' posts (readable by this origin only).
    struct Status: Encodable {
        var signedIn: Bool
        var mayWatch: Bool
        var unread: Int
        var watches: [WatchItem]
        var csrf: String?
    }

    func status(_ request: Request) async throws -> Response {
        let caller = try await access.caller(request)
        guard let organisation = caller.organisation, caller.may(.watch) else {
            return try JSONResponse.ok(Status(signedIn: caller.organisation != nil || caller.isAdmin, mayWatch: false, unread: 0, watches: []))
        }
        let person = caller.person?.id
        return try JSONResponse.ok(Status(signedIn: true, mayWatch: true, unread: try await store.unreadAlertCount(organisation: organisation.id, person: person),
                                          watches: try await store.watchlist(organisation: organisation.id, person: person), csrf: caller.csrfToken))
    }

    /// The watcher behind a read: an organisation allowed to watch; 401 signed out, 403 for the admin token.
    func reader(_ request: Request) async throws -> (Caller, Organisation) {
        try Self.watcher(try await access.caller(request))
    }

    static func watcher(_ caller: Caller) throws -> (Caller, Organisation) {
        guard caller.organisation != nil || caller.isAdmin else { throw HTTPError(.unauthorized, message: MarketAccessMessage.signIn) }
        guard let organisation = caller.organisation else { throw AppError(status: .forbidden, reason: Reason("watch.organisation")) }
        guard caller.may(.watch) else { throw AppError(status: .forbidden, reason: Reason("watch.forbidden")) }
        return (caller, organisation)
    }

    /// `GET /api/watchlist`: the organisation's watches, oldest first (a person's: the organisation-wide ones and theirs).
    func list(_ request: Request) async throws -> Response {
        let (caller, organisation) = try await reader(request)
        return try JSONResponse.ok(try await store.watchlist(organisation: organisation.id, person: caller.person?.id))
    }

    /// `POST /api/watchlist` with `{"kind": "region", "target": "320500"}` (JSON or a form): 201 with the new watch,
    /// 200 with the same one when it was already there. A signed-in person's watch is theirs alone; a token's, the
    /// organisation's.
    func add(_ request: Request) async throws -> Response {
        let (caller, fields) = try await writer(request)
        let (_, organisation) = try Self.watcher(caller)
        guard let kind = WatchKind(rawValue: fields["kind"] ?? "") else { throw AppError.badRequest(Reason("watch.kind")) }
        let target = (fields["target"] ?? "").trimmingCharacters(in: .whitespaces)
        guard try await exists(kind, target, viewer: caller.firmViewer) else { throw AppError.notFound(Reason("watch.target", ["target": String(target.prefix(64))])) }
        let (item, created) = try await store.addWatch(WatchItem(organisationId: organisation.id, personId: caller.person?.id, kind: kind, targetId: target,
                                                                 createdAt: AuditTrail.now())) { item in
            caller.auditEntry("watch.add", target: "watch", String(item.id), after: AuditTrail.json(item))
        }
        return JSONResponse.response(created ? .created : .ok, data: try JSONResponse.encoder.encode(item))
    }

    /// `DELETE /api/watchlist/{id}`: the removed watch; 404 when the organisation has none such.
    func remove(_ request: Request, id: String) async throws -> Response {
        let (caller, _) = try await writer(request)
        let (_, organisation) = try Self.watcher(caller)
        let audit: AuditOf<WatchItem> = { removed in caller.auditEntry("watch.remove", target: "watch", id, before: AuditTrail.json(removed)) }
        guard let number = Int64(id), number > 0,
              let removed = try await store.removeWatch(number, organisation: organisation.id, person: caller.person?.id, audit: audit) else {
            throw AppError.notFound(Reason("watch.no-such", ["id": String(id.prefix(20))]))
        }
        return try JSONResponse.ok(removed)
    }

    /// `GET /api/alerts?kind=region&unread=1&lang=en`: the organisation's alerts, unread first, and its unread count.
    func alerts(_ request: Request) async throws -> Response {
        let (caller, organisation) = try await reader(request)
        let query = try Self.alertQuery(request, caller: caller, organisation: organisation.id)
        let alerts = try await store.alerts(query)
        let names = try await RegionNames.of(alerts.map(\.change), store: store)
        return try JSONResponse.ok(AlertList(unread: try await store.unreadAlertCount(organisation: organisation.id, person: caller.person?.id),
                                             alerts: alerts.map { AlertJSON($0, names: names) }), for: request)
    }

    static func alertQuery(_ request: Request, caller: Caller, organisation: String) throws -> AlertQuery {
        var query = AlertQuery(organisationId: organisation, personId: caller.person?.id)
        if let kind = request.uri.queryParameters.get("kind"), !kind.isEmpty {
            guard let known = WatchKind(rawValue: kind) else { throw AppError.badRequest(Reason("watch.kind")) }
            query.kind = known
        }
        query.unreadOnly = MarketAccess.flag(request.uri.queryParameters.get("unread")) ?? false
        return query
    }

    /// `POST /api/alerts/read` with `{"ids": "3,4"}` or `{"ids": "all"}`: how many became read.
    func markRead(_ request: Request) async throws -> Response {
        let (caller, fields) = try await writer(request)
        let (_, organisation) = try Self.watcher(caller)
        let text = fields["ids"] ?? "all"
        var ids: [Int64]?
        if text != "all" {
            let parts = text.split(separator: ",").map { Int64($0.trimmingCharacters(in: .whitespaces)) }
            guard !parts.isEmpty, parts.count <= 1_000, parts.allSatisfy({ ($0 ?? 0) > 0 }) else { throw AppError.badRequest(Reason("watch.ids")) }
            ids = parts.compactMap { $0 }
        }
        let marked = try await Self.markRead(ids, caller: caller, organisation: organisation, store: store)
        return try JSONResponse.ok(["marked": marked, "unread": try await store.unreadAlertCount(organisation: organisation.id, person: caller.person?.id)])
    }

    /// Marks the alerts read and records the act (`alert.read`, the ids asked and how many changed) when any did, in
    /// the same transaction.
    static func markRead(_ ids: [Int64]?, caller: Caller, organisation: Organisation, store: any ImportingStore) async throws -> Int {
        let asked = ids.map { $0.map(String.init).joined(separator: ",") } ?? "all"
        return try await store.markAlertsRead(ids, organisation: organisation.id, person: caller.person?.id,
                                              at: AuditTrail.now()) { marked in
            caller.auditEntry("alert.read", target: "alerts", asked, after: AuditTrail.json(["ids": asked, "marked": String(marked)]))
        }
    }

    /// `GET /api/changes?region=320500&node=antibodies&firm=ID&limit=50`: the feed, newest first — public changes
    /// and the caller's organisation's own (the operator: all).
    func changes(_ request: Request) async throws -> Response {
        let caller = try await access.caller(request)
        let parameters = request.uri.queryParameters
        var query = ChangeQuery(organisationId: caller.organisation?.id, everything: caller.isAdmin)
        for (name, value) in [("region", parameters.get("region")), ("node", parameters.get("node")), ("firm", parameters.get("firm"))] {
            guard let value, !value.isEmpty else { continue }
            guard value.count <= 64 else { throw AppError.badRequest(Reason("api.firm-id")) }
            switch name {
            case "region": query.regionCode = value
            case "node": query.nodeId = value
            default: query.enterpriseId = value
            }
        }
        if let limit = parameters.get("limit") {
            guard let n = Int(limit), (1...500).contains(n) else { throw AppError.badRequest(Reason("api.limit", ["max": "500"])) }
            query.limit = n
        }
        let changes = try await store.changes(query)
        let names = try await RegionNames.of(changes, store: store)
        return try JSONResponse.ok(changes.map { ChangeJSON($0, names: names) }, for: request)
    }

    /// `GET /api/regions/{code}/timeline`: the region's firms by year (RegionTimeline), imports' as the caller may see.
    func timeline(_ request: Request, code: String) async throws -> Response {
        try RegionCode.check(code)
        guard try await store.region(code) != nil else { throw RegionCode.unknown(code) }
        let caller = try await access.caller(request)
        return try JSONResponse.ok(try await store.regionTimeline(code, organisation: caller.organisation?.id))
    }

    /// The caller (refused unless it may write) and the body's fields, JSON or a form.
    func writer(_ request: Request) async throws -> (Caller, [String: String]) {
        let isJSON = request.headers[.contentType]?.lowercased().hasPrefix("application/json") == true
        let fields = request.method == .delete ? [:] : isJSON ? try await MarketAccess.jsonFields(request) : try await request.formFields()
        let caller = try await access.requireWriter(request, csrf: fields[SessionCookie.formField], for: .watch)
        return (caller, fields.filter { !$0.value.isEmpty })
    }

    /// A firm another organisation imported privately does not exist for this caller (not inferable by watching it).
    func exists(_ kind: WatchKind, _ target: String, viewer: FirmViewer) async throws -> Bool {
        guard (1...64).contains(target.count) else { return false }
        switch kind {
        case .firm: return try await store.enterprise(target, visibleTo: viewer) != nil
        case .region: return try await store.region(target) != nil
        case .node: return try await store.taxonomy().nodes.contains { $0.id == target }
        }
    }
}

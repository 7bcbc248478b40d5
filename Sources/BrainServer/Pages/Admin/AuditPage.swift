import Foundation
import Hummingbird
import BrainIngest
import BrainModel
import BrainStore
import BrainUseCases

/// The audit trail, read only: `/admin/audit` (newest first, filters, paging back with `before=`, each entry's changes
/// as a diff), `/admin/audit.csv` and `.xlsx` (every entry the filters select), and `GET /api/audit` (JSON). The
/// operator's admin token sees every entry; an organisation's caller with `readAudit` only its organisation's; anyone
/// else is refused before anything is read (401 signed out, 403 without the permission). No route changes an entry.
struct AuditPage: Sendable {
    let store: any ImportingStore
    let access: MarketAccess
    let renderer: PageRenderer
    static let pageSize = 50
    /// An export stops here: a trail larger than this is exported in date ranges.
    static let exportLimit = 100_000

    func register(on router: Router<BasicRequestContext>) {
        router.get("/admin/audit") { request, _ in try await page(request) }
        router.get("/admin/audit.csv") { request, _ in try await export(request, .csv) }
        router.get("/admin/audit.xlsx") { request, _ in try await export(request, .xlsx) }
        router.get("/api/audit") { request, _ in try await api(request) }
    }

    /// The caller's scope and the query it asked for, or the refusal.
    func query(_ request: Request, limit: Int) async throws -> (AuditRouteQuery, AuditQuery) {
        let scope = try AuditAccess.readScope(try await access.caller(request))
        let asked = try request.query(AuditRouteQuery.self)
        // Only the operator may choose an organisation; everyone else reads their own.
        let organisation = scope ?? asked.org.nonBlank
        return (asked, AuditQuery(organisationId: organisation, action: asked.action.nonBlank, actor: asked.actor.nonBlank,
                                  before: asked.before, from: asked.from.nonBlank, to: asked.to.nonBlank, limit: limit))
    }

    func page(_ request: Request) async throws -> Response {
        let (asked, query) = try await self.query(request, limit: Self.pageSize + 1)
        let found = try await store.auditEntries(query)
        let entries = Array(found.prefix(Self.pageSize))
        let next = found.count > Self.pageSize ? entries.last?.id : nil
        let view = AuditView(entries: entries, asked: asked, scope: query.organisationId, next: next)
        return try renderer.render("admin-audit", nav: "audit", view: view, data: [String: String]())
    }

    func export(_ request: Request, _ format: AuditExport.Format) async throws -> Response {
        var (_, query) = try await self.query(request, limit: 5_000)
        var entries: [AuditEntry] = []
        while entries.count < Self.exportLimit {
            let page = try await store.auditEntries(query)
            entries += page
            guard page.count == query.limit, let last = page.last else { break }
            query.before = last.id
        }
        let language = RequestLanguage.current
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("audit-\(UUID().uuidString).\(format.rawValue)")
        defer { try? FileManager.default.removeItem(at: url) }
        try AuditExport.write(entries, to: url, format: format, language: language)
        let type = format == .xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8"
        var response = JSONResponse.response(.ok, data: try Data(contentsOf: url), contentType: type)
        response.headers[.contentDisposition] = ContentDisposition.attachment("audit-\(AuditTrail.now().prefix(10)).\(format.rawValue)")
        return response
    }

    /// One entry as the API gives it: the stored fields, the action in the asked language and the changed fields.
    struct APIEntry: Encodable {
        var id: Int64
        var at: String
        var organisationId: String?
        var actor: String
        var action: String
        var actionText: String
        var targetKind: String
        var targetId: String
        var before: String?
        var after: String?
        var changes: [AuditChange]
    }

    struct APIPage: Encodable {
        var entries: [APIEntry]
        /// The `before=` that asks for the next (older) page; nil on the last page.
        var next: Int64?
    }

    func api(_ request: Request) async throws -> Response {
        let (asked, base) = try await self.query(request, limit: 0)
        var query = base
        let limit = asked.limit ?? 100
        query.limit = limit + 1
        let found = try await store.auditEntries(query)
        let language = RequestLanguage.current
        let entries = found.prefix(limit).map { e in
            APIEntry(id: e.id, at: e.at, organisationId: e.organisationId, actor: e.actor, action: e.action,
                     actionText: AuditActionText.render(e.action, in: language), targetKind: e.targetKind, targetId: e.targetId,
                     before: e.before, after: e.after, changes: AuditDiff.changes(before: e.before, after: e.after))
        }
        return try JSONResponse.ok(APIPage(entries: Array(entries), next: found.count > limit ? entries.last?.id : nil))
    }
}

/// `?action=&actor=&from=&to=&before=&limit=&org=`: the trail's filters. Dates are `YYYY-MM-DD` (a whole day) or an
/// instant `YYYY-MM-DDThh:mm:ssZ`; `org` is the operator's only.
struct AuditRouteQuery: RouteQuery {
    var action: String?
    var actor: String?
    var from: String?
    var to: String?
    var before: Int64?
    var limit: Int?
    var org: String?

    static func badValue(_ parameter: String) -> Reason {
        switch parameter {
        case "before": Reason("audit.bad-before")
        case "limit": Reason("api.limit", ["max": "1000"])
        case "from", "to": Reason("audit.bad-date", ["field": parameter, "value": ""])
        default: Reason("audit.bad-filter", ["field": String(parameter.prefix(20))])
        }
    }

    func validate() throws {
        if let before, before < 1 { throw AppError.badRequest(Reason("audit.bad-before")) }
        if let limit, !(1...1_000).contains(limit) { throw AppError.badRequest(Reason("api.limit", ["max": "1000"])) }
        for (name, value) in [("action", action), ("actor", actor), ("org", org)] where (value?.count ?? 0) > 100 {
            throw AppError.badRequest(Reason("audit.bad-filter", ["field": name]))
        }
        for (name, value) in [("from", from), ("to", to)] {
            if let value = value.nonBlank, !Self.isDate(value) {
                throw AppError.badRequest(Reason("audit.bad-date", ["field": name, "value": String(value.prefix(40))]))
            }
        }
    }

    /// `2026-11-30` or `2026-11-30T03:00:00Z`, the forms `at` is compared in.
    static func isDate(_ text: String) -> Bool {
        let day = #/\d{4}-\d{2}-\d{2}/#, instant = #/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/#
        return text.wholeMatch(of: day) != nil || text.wholeMatch(of: instant) != nil
    }
}

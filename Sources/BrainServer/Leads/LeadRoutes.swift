import Foundation
import Hummingbird
import BrainModel
import BrainStore
import BrainUseCases

/// The 招商 pipeline's JSON API (issue 19 item 3). Everything is private to the caller's organisation; writes need
/// the right to manage leads, the CSRF token when they come with the session cookie, and are audited.
///
///   GET   /api/leads              the organisation's leads: stage, owner, region, node, overdue, q; page, size
///   POST  /api/leads              a new lead → 201 (audit `lead.create`)
///   GET   /api/leads/board        counts per stage and the overdue ones (region: within a region)
///   GET   /api/leads/{id}         one lead with its history
///   PATCH /api/leads/{id}         edit fields; "" clears one; `version` as read, else 409 (audit `lead.update`)
///   POST  /api/leads/{id}/stage   {"stage", "reason"?} (audit `lead.stage`)
struct LeadRoutes: Sendable {
    let leads: LeadAccess

    struct ListQuery: RouteQuery {
        var stage: String?
        var owner: String?
        var region: String?
        var node: String?
        var overdue: Bool?
        var q: String?

        static func badValue(_ parameter: String) -> Reason { Reason("api.bad-request", ["detail": parameter]) }

        func validate() throws {
            if let stage, LeadStage(rawValue: stage) == nil { throw AppError.badRequest(Reason("api.lead-stage")) }
            if let region { try RegionCode.check(region) }
            if [owner, node].contains(where: { ($0?.count ?? 0) > 64 }) || (q?.count ?? 0) > 100 {
                throw AppError.badRequest(Reason("api.query-too-long"))
            }
        }

        func leadQuery(organisation: String, paging: Paging) -> LeadQuery {
            LeadQuery(organisationId: organisation, stage: stage.flatMap(LeadStage.init(rawValue:)), owner: owner.nonBlank, regionCode: region.nonBlank,
                      nodeId: node.nonBlank, overdueBefore: overdue == true ? LeadAccess.today() : nil, text: q.nonBlank,
                      limit: paging.size, offset: paging.offset)
        }
    }

    struct ListAnswer: Encodable {
        var items: [Lead]
        var paging: Paging.Info
    }

    struct BoardAnswer: Encodable {
        var columns: [LeadBoard.Column]
        var total: Int
        var overdue: Int
        var today: String
    }

    struct LeadAnswer: Encodable {
        var lead: Lead
        var overdue: Bool
        var history: [LeadHistoryEntry]
    }

    func register(on router: Router<BasicRequestContext>) {
        router.get("/api/leads") { request, _ in try await list(request) }
        router.post("/api/leads") { request, _ in try await create(request) }
        router.get("/api/leads/board") { request, _ in try await board(request) }
        router.get("/api/leads/:id") { request, context in try await show(request, id: try LeadAccess.id(context.parameters.get("id"))) }
        router.patch("/api/leads/:id") { request, context in try await edit(request, id: try LeadAccess.id(context.parameters.get("id"))) }
        router.post("/api/leads/:id/stage") { request, context in try await move(request, id: try LeadAccess.id(context.parameters.get("id"))) }
    }

    func list(_ request: Request) async throws -> Response {
        let (_, organisation) = try await leads.reader(request)
        let query = try request.query(ListQuery.self)
        try query.validate()
        let paging = try Paging(request.uri.queryParameters, maxSize: 500)
        let list = try await leads.store.leads(query.leadQuery(organisation: organisation.id, paging: paging))
        return try JSONResponse.ok(ListAnswer(items: list.items, paging: paging.info(total: list.total)))
    }

    func board(_ request: Request) async throws -> Response {
        let (_, organisation) = try await leads.reader(request)
        let region = request.uri.queryParameters.get("region")
        if let region { try RegionCode.check(region) }
        let today = LeadAccess.today()
        let board = try await leads.store.leadBoard(organisation: organisation.id, regionCode: region, today: today)
        return try JSONResponse.ok(BoardAnswer(columns: board.columns, total: board.total, overdue: board.overdue, today: today))
    }

    func show(_ request: Request, id: Int64) async throws -> Response {
        let (_, organisation) = try await leads.reader(request)
        guard let lead = try await leads.store.lead(id, organisation: organisation.id) else {
            throw AppError.notFound(Reason("api.not-found", ["detail": "lead \(id)"]))
        }
        let history = try await leads.store.leadHistory(id, organisation: organisation.id)
        return try JSONResponse.ok(LeadAnswer(lead: lead, overdue: lead.isOverdue(today: LeadAccess.today()), history: history))
    }

    func create(_ request: Request) async throws -> Response {
        let (caller, organisation, fields) = try await leads.writer(request)
        let draft = try await leads.newLead(fields, organisation: organisation.id, owner: caller.person?.id)
        let lead = try await leads.create(draft, caller: caller)
        var response = JSONResponse.response(.created, data: try JSONResponse.encoder.encode(lead))
        response.headers[.location] = "/api/leads/\(lead.id)"
        return response
    }

    func edit(_ request: Request, id: Int64) async throws -> Response {
        let (caller, organisation, fields) = try await leads.writer(request)
        let change = try await leads.edit(caller, organisation: organisation, id: id, fields: fields)
        return try JSONResponse.ok(change.after)
    }

    func move(_ request: Request, id: Int64) async throws -> Response {
        let (caller, organisation, fields) = try await leads.writer(request)
        let change = try await leads.move(caller, organisation: organisation, id: id, fields: fields)
        return try JSONResponse.ok(change.after)
    }
}

extension LeadAccess {
    /// An edit of the named fields, audited when something changed. `version` (the `Lead.version` the editor read) is
    /// required: a lead saved by someone else since is refused with 409 rather than overwritten.
    func edit(_ caller: Caller, organisation: Organisation, id: Int64, fields: [String: String]) async throws -> LeadChange {
        // Another organisation's lead stays a 404, whatever the body lacks.
        guard try await store.lead(id, organisation: organisation.id) != nil else {
            throw AppError.notFound(Reason("api.not-found", ["detail": "lead \(id)"]))
        }
        guard let text = fields["version"], let readVersion = Int(text), readVersion >= 0 else {
            throw AppError.badRequest(Reason("api.lead-version"))
        }
        let changes = try Self.changes(fields.filter { $0.key != "version" })
        if case .some(.some(let owner)) = changes[.owner] { try await checkOwner(owner, organisation: organisation.id) }
        if case .some(.some(let firm)) = changes[.enterpriseId], !firm.isEmpty {
            guard firm.count <= 64, try await store.enterprise(firm, visibleTo: caller.firmViewer) != nil else {
                throw AppError.badRequest(Reason("api.lead-enterprise", ["id": String(firm.prefix(64))]))
            }
        }
        let actor = actor(caller)
        return try await Self.translating {
            try await store.updateLead(id, organisation: organisation.id, changes: changes, readVersion: readVersion, by: actor,
                                       audit: audit(caller, "lead.update", at: actor.at))
        }
    }

    /// A stage move (`stage`, and `reason` for 放弃), audited.
    func move(_ caller: Caller, organisation: Organisation, id: Int64, fields: [String: String]) async throws -> LeadChange {
        guard let stage = fields["stage"].flatMap(LeadStage.init(rawValue:)) else { throw AppError.badRequest(Reason("api.lead-stage")) }
        let actor = actor(caller)
        return try await Self.translating {
            try await store.moveLead(id, organisation: organisation.id, to: stage, reason: fields["reason"], by: actor,
                                     audit: audit(caller, "lead.stage", at: actor.at))
        }
    }
}

import Foundation
import Hummingbird
import BrainModel
import BrainStore
import BrainUseCases

/// The 招商 pipeline's pages: `/leads` (the board, or `?view=list` with filters), `/leads/new` (the form the
/// "转为线索" buttons open, prefilled), `/leads/{id}` (history, stage and edit forms), `/leads.xlsx`, and
/// `/leads/nav.json`, which the layout's script reads for the overdue count and the region page's 招商进展 card.
/// Signed out, the pages show a sign-in form and nothing of any lead.
struct LeadsPage: Sendable {
    let leads: LeadAccess
    let renderer: PageRenderer
    /// Cards per board column; the list view pages through the rest.
    static let columnSize = 30

    struct ListQuery: RouteQuery {
        var view: String?
        var stage: String?
        var region: String?
        var node: String?
        var overdue: Bool?
        var q: String?
        var owner: String?

        static func badValue(_ parameter: String) -> Reason { Reason("api.bad-request", ["detail": parameter]) }

        var api: LeadRoutes.ListQuery { .init(stage: stage.nonBlank, owner: owner.nonBlank, region: region.nonBlank, node: node.nonBlank, overdue: overdue, q: q.nonBlank) }
    }

    func register(on router: Router<BasicRequestContext>) {
        router.get("/leads") { request, _ in try await index(request) }
        router.post("/leads") { request, _ in
            let (caller, organisation, fields) = try await leads.writer(request)
            let draft = try await leads.newLead(fields, organisation: organisation.id, owner: caller.person?.id)
            let lead = try await leads.create(draft, caller: caller)
            return Self.redirect("/leads/\(lead.id)")
        }
        router.get("/leads/new") { request, _ in try await newLead(request) }
        router.get("/leads/nav.json") { request, _ in try await navigation(request) }
        router.get("/leads.xlsx") { request, _ in try await export(request) }
        router.get("/leads/:id") { request, context in try await detail(request, id: try LeadAccess.id(context.parameters.get("id"))) }
        router.post("/leads/:id/stage") { request, context in
            let id = try LeadAccess.id(context.parameters.get("id"))
            let (caller, organisation, fields) = try await leads.writer(request)
            _ = try await leads.move(caller, organisation: organisation, id: id, fields: fields)
            return Self.redirect("/leads/\(id)")
        }
        router.post("/leads/:id/edit") { request, context in
            let id = try LeadAccess.id(context.parameters.get("id"))
            let (caller, organisation, fields) = try await leads.writer(request)
            let editable = fields.filter { LeadFields.Name(rawValue: $0.key) != nil || $0.key == "version" }
            do {
                _ = try await leads.edit(caller, organisation: organisation, id: id, fields: editable)
            } catch let error as AppError where error.status == .conflict {
                // Saved by someone else since this form was read: the form again with what the lead holds now.
                return try await detail(caller, organisation, id: id, notice: Reason("lead.edit-conflict"), status: .conflict)
            }
            return Self.redirect("/leads/\(id)")
        }
    }

    static func redirect(_ location: String) -> Response { Response(status: .seeOther, headers: [.location: location]) }

    /// The board (default) or the filtered, paged list.
    func index(_ request: Request) async throws -> Response {
        let caller = try await leads.access.caller(request)
        let query = try request.query(ListQuery.self)
        guard let organisation = caller.organisation else {
            return try renderer.render("leads", nav: "leads", view: Self.empty(board: query.view != "list"), data: [String: String]())
        }
        let api = query.api
        try api.validate()
        let today = LeadAccess.today(), taxonomy = try await leads.store.taxonomy()
        let people = try await leads.store.people(organisation: organisation.id)
        let names = Dictionary(people.map { ($0.id, $0.displayName) }, uniquingKeysWith: { first, _ in first })
        let boardCounts = try await leads.store.leadBoard(organisation: organisation.id, regionCode: api.region, today: today)
        var view = Self.empty(board: query.view != "list")
        (view.organisation, view.csrfToken, view.mayManage) = (.init(id: organisation.id, name: organisation.name), caller.csrfToken, caller.may(.manageLeads))
        (view.total, view.overdue, view.filterRegion, view.filterNode, view.filterQ, view.overdueOnly) =
            (boardCounts.total, boardCounts.overdue > 0 ? boardCounts.overdue : nil, api.region, api.node, api.q, api.overdue == true)
        view.owners = LeadsView.OwnerOption.list(people, chosen: api.owner)
        view.stages = LeadStage.allCases.map { .init(value: $0.rawValue, nameZh: $0.nameZh, nameEn: $0.nameEn, chosen: $0.rawValue == api.stage) }
        view.exportLink = "/leads.xlsx" + (request.uri.query.map { "?" + $0 } ?? "")
        if view.board {
            for column in boardCounts.columns {
                var columnQuery = api.leadQuery(organisation: organisation.id, paging: Paging(page: 1, size: Self.columnSize))
                columnQuery.stage = column.stage
                let cards = column.count == 0 ? [] : try await leads.store.leads(columnQuery).items.map {
                    LeadsView.card($0, today: today, node: taxonomy.node, people: names)
                }
                view.columns.append(.init(stage: column.stage.rawValue, nameZh: column.stage.nameZh, nameEn: column.stage.nameEn,
                                          count: column.count, columnOverdue: column.overdue > 0 ? column.overdue : nil, cards: cards, more: column.count > cards.count))
            }
        } else {
            let paging = try Paging(request.uri.queryParameters, defaultSize: 50, maxSize: 500)
            let list = try await leads.store.leads(api.leadQuery(organisation: organisation.id, paging: paging))
            view.rows = list.items.map { LeadsView.card($0, today: today, node: taxonomy.node, people: names) }
            view.pager = paging.pager(total: list.total, path: "/leads", keep: [("view", "list"), ("stage", api.stage), ("region", api.region),
                                                                               ("node", api.node), ("overdue", api.overdue == true ? "true" : nil), ("q", api.q),
                                                                               ("owner", api.owner)])
        }
        return try renderer.render("leads", nav: "leads", view: view, data: [String: String]())
    }

    static func empty(board: Bool) -> LeadsView {
        LeadsView(organisation: nil, csrfToken: nil, mayManage: false, board: board, columns: [], rows: [], total: 0, overdue: nil, stages: [],
                  filterRegion: nil, filterNode: nil, filterQ: nil, overdueOnly: false, pager: nil, exportLink: "/leads.xlsx")
    }

    func detail(_ request: Request, id: Int64) async throws -> Response {
        let (caller, organisation) = try await leads.reader(request)
        return try await detail(caller, organisation, id: id)
    }

    /// The lead's page; `notice` above its edit form (with `status`) when a save was refused.
    func detail(_ caller: Caller, _ organisation: Organisation, id: Int64, notice: Reason? = nil,
                status: HTTPResponse.Status = .ok) async throws -> Response {
        guard let lead = try await leads.store.lead(id, organisation: organisation.id) else {
            throw AppError.notFound(Reason("api.not-found", ["detail": "lead \(id)"]))
        }
        let history = try await leads.store.leadHistory(id, organisation: organisation.id)
        let source = LeadDetailView.sourceNames[lead.source] ?? ("", "")
        let people = try await leads.store.people(organisation: organisation.id)
        let names = Dictionary(people.map { ($0.id, $0.displayName) }, uniquingKeysWith: { first, _ in first })
        var view = LeadDetailView(csrfToken: caller.csrfToken, mayManage: caller.may(.manageLeads),
                                  card: LeadsView.card(lead, today: LeadAccess.today(), node: try await leads.store.taxonomy().node, people: names),
                                  lead: lead, dropReason: lead.dropReason, sourceZh: source.zh, sourceEn: source.en,
                                  sourceReasonZh: lead.sourceReason.map { ReasonText.render(Reason($0), in: .zh) },
                                  sourceReasonEn: lead.sourceReason.map { ReasonText.render(Reason($0), in: .en) },
                                  moves: LeadDetailView.moves(from: lead.stage), mayDrop: lead.stage.isOpen,
                                  history: history.reversed().map(LeadDetailView.event))
        view.owners = LeadsView.OwnerOption.list(people, chosen: lead.fields.owner)
        view.notice = notice.map { Bilingual(zh: ReasonText.render($0, in: .zh), en: ReasonText.render($0, in: .en)) }
        var response = try renderer.render("lead", nav: "leads", view: view, data: [String: String]())
        response.status = status
        return response
    }

    /// The form a "转为线索 / Track as lead" button opens: firm, region, node and the target's reason from its link.
    func newLead(_ request: Request) async throws -> Response {
        let (caller, organisation) = try await leads.reader(request)
        guard caller.may(.manageLeads) else { throw AppError(status: .forbidden, reason: Reason("api.leads-permission")) }
        let q = request.uri.queryParameters
        func value(_ name: String, _ limit: Int = 200) -> String? { q.get(name).map { String($0.prefix(limit)) }.nonBlank }
        var firm = value("firm")
        let enterprise = value("enterprise", 64)
        if firm == nil, let enterprise { firm = try await leads.store.enterprise(enterprise, visibleTo: caller.firmViewer)?.enterprise.name }
        let reason = value("reason", 100)
        var view = LeadNewView(csrfToken: caller.csrfToken, firmName: firm, enterpriseId: enterprise, regionCode: value("region", 6),
                               nodeId: value("node", 64), source: LeadSource(rawValue: value("source") ?? "")?.rawValue ?? "manual",
                               sourceReason: reason, sourceReasonZh: reason.map { ReasonText.render(Reason($0), in: .zh) },
                               sourceReasonEn: reason.map { ReasonText.render(Reason($0), in: .en) })
        view.owners = LeadsView.OwnerOption.list(try await leads.store.people(organisation: organisation.id), chosen: caller.person?.id)
        return try renderer.render("lead-new", nav: "leads", view: view, data: [String: String]())
    }

    struct Navigation: Encodable {
        var signedIn: Bool
        var mayManage: Bool
        var overdue: Int
        var total: Int
        var columns: [Column]

        struct Column: Encodable {
            var stage: String
            var nameZh: String
            var nameEn: String
            var count: Int
        }
    }

    /// For the layout's script: nothing but `signedIn: false` for callers who may not see leads (a 200, so no page
    /// logs an error for the signed-out); counts within `region` when given.
    func navigation(_ request: Request) async throws -> Response {
        let caller = try await leads.access.caller(request)
        guard let organisation = caller.organisation else {
            return try JSONResponse.ok(Navigation(signedIn: false, mayManage: false, overdue: 0, total: 0, columns: []))
        }
        let region = request.uri.queryParameters.get("region").flatMap { RegionCode.isCode($0) ? $0 : nil }
        let board = try await leads.store.leadBoard(organisation: organisation.id, regionCode: region, today: LeadAccess.today())
        let overdue = region == nil ? board.overdue
            : try await leads.store.leadBoard(organisation: organisation.id, regionCode: nil, today: LeadAccess.today()).overdue
        return try JSONResponse.ok(Navigation(signedIn: true, mayManage: caller.may(.manageLeads), overdue: overdue, total: board.total,
                                              columns: board.columns.map { .init(stage: $0.stage.rawValue, nameZh: $0.stage.nameZh,
                                                                                 nameEn: $0.stage.nameEn, count: $0.count) }))
    }

    /// The list's leads (its filters, up to 10,000) as a workbook: Chinese headers, English with `?lang=en`.
    func export(_ request: Request) async throws -> Response {
        let (_, organisation) = try await leads.reader(request)
        let api = try request.query(ListQuery.self).api
        try api.validate()
        var query = api.leadQuery(organisation: organisation.id, paging: Paging(page: 1, size: 10_000))
        query.limit = 10_000
        let list = try await leads.store.leads(query)
        let language = DisplayLanguage(query: request.uri.queryParameters.get("lang"))
        return try LeadExport.xlsx(list.items, taxonomy: try await leads.store.taxonomy(), today: LeadAccess.today(), language: language,
                                   organisation: organisation.id)
    }
}

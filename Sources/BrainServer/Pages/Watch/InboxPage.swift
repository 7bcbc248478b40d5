import Foundation
import Hummingbird
import BrainModel
import BrainStore

/// `/inbox`: the signed-in organisation's alerts, unread first, filtered by the kind of watch that raised them, each
/// markable read (a form with the session's CSRF token); signed out, the sign-in form that comes back here.
struct InboxPage: Sendable {
    let store: any ImportingStore
    let access: MarketAccess
    let renderer: PageRenderer

    func register(on router: Router<BasicRequestContext>) {
        router.get("/inbox") { request, _ in try await page(request) }
        router.post("/inbox/read") { request, _ in try await markRead(request) }
    }

    func page(_ request: Request) async throws -> Response {
        let caller = try await access.caller(request)
        guard let organisation = caller.organisation, caller.may(.watch) else {
            return try renderer.render("inbox", nav: "inbox", view: InboxView(signedIn: false), data: [String: String]())
        }
        let query = try WatchController.alertQuery(request, caller: caller, organisation: organisation.id)
        let alerts = try await store.alerts(query)
        let names = try await RegionNames.of(alerts.map(\.change), store: store)
        let view = InboxView(signedIn: true, organisation: organisation.name, csrfToken: caller.csrfToken,
                             unread: try await store.unreadAlertCount(organisation: organisation.id, person: caller.person?.id),
                             filters: InboxView.filters(selected: query.kind), alerts: alerts.map { InboxView.Row($0, names: names) },
                             selectedKind: query.kind?.rawValue)
        return try renderer.render("inbox", nav: "inbox", view: view, data: [String: String]())
    }

    /// The form's `ids` (one alert, or `all`), then back to the inbox with the filter it came from.
    func markRead(_ request: Request) async throws -> Response {
        let form = try await request.form(MarkReadForm.self)
        let caller = try await access.requireWriter(request, csrf: form.csrf, for: .watch)
        let (_, organisation) = try WatchController.watcher(caller)
        let ids: [Int64]? = form.ids == "all" ? nil : [Int64(form.ids ?? "") ?? 0]
        _ = try await WatchController.markRead(ids, caller: caller, organisation: organisation, store: store)
        let kind = WatchKind(rawValue: form.kind ?? "").map { "?kind=" + $0.rawValue } ?? ""
        return Response(status: .seeOther, headers: [.location: "/inbox" + kind])
    }
}

/// `POST /inbox/read`: one alert's id or `all`, and the filter to come back to.
struct MarkReadForm: PostedForm { var csrf, ids, kind: String? }

/// What `inbox.mustache` reads.
struct InboxView: PageView {
    struct Filter: Encodable, Sendable {
        var value: String
        var zh: String
        var en: String
        var selected: Bool
        var href: String

        init(value: String, zh: String, en: String, selected: Bool) {
            (self.value, self.zh, self.en, self.selected) = (value, zh, en, selected)
            href = value.isEmpty ? "/inbox" : "/inbox?kind=" + value
        }
    }

    struct Row: Encodable, Sendable {
        var id: Int64
        var zh: String
        var en: String
        var kind: String
        var kindZh: String
        var kindEn: String
        var target: String
        var at: String
        var unread: Bool
        var enterpriseId: String
        var isPrivate: Bool

        init(_ alert: Alert, names: [String: String]) {
            let text = ReasonText.bilingual(RegionNames.reason(alert.change, names))
            (id, zh, en, kind, target) = (alert.id, text.zh, text.en, alert.watchKind.rawValue, alert.watchTarget)
            let watched = alert.watchKind.rawValue
            let label = InboxView.filters(selected: nil).first { $0.value == watched }
            (kindZh, kindEn) = (label?.zh ?? watched, label?.en ?? watched)
            (at, unread, enterpriseId, isPrivate) = (String(alert.createdAt.prefix(10)), alert.readAt == nil, alert.change.enterpriseId,
                                                     alert.change.organisationId != nil)
        }
    }

    var signedIn: Bool
    var organisation: String?
    var csrfToken: String?
    var unread = 0
    var filters: [Filter] = []
    var alerts: [Row] = []
    /// The filter's kind, carried by the mark-read forms so the page comes back filtered.
    var selectedKind: String?

    static func filters(selected: WatchKind?) -> [Filter] {
        [Filter(value: "", zh: "全部", en: "All", selected: selected == nil),
         Filter(value: "firm", zh: "企业", en: "Firms", selected: selected == .firm),
         Filter(value: "region", zh: "区域", en: "Regions", selected: selected == .region),
         Filter(value: "node", zh: "产业链节点", en: "Chain nodes", selected: selected == .node)]
    }
}

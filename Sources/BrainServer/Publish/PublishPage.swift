import Foundation
import Hummingbird
import HTTPTypes
import BrainModel
import BrainStore

/// `/admin/publish` (issue 19): an organisation's admin sees its imports and curations, private ones first, and
/// publishes (or withdraws) each with a button; the operator sees every organisation's. Forms carry the session's
/// CSRF token as /admin's do; each change is in the audit trail (`publish` / `unpublish`, before and after).
struct PublishPage: Sendable {
    let publisher: Publisher
    let access: MarketAccess
    let renderer: PageRenderer
    var form: FormPage {
        FormPage(access: access, renderer: renderer, path: "/admin/publish", template: "publish", nav: "admin", roleRefusal: "publish.needs-admin-role")
    }

    func register(on router: Router<BasicRequestContext>) {
        router.get("/admin/publish") { request, _ in
            let caller = try await access.caller(request)
            if let refusal = refusal(caller) { return refusal }
            return try await page(caller)
        }
        for (path, kind) in [("imports", Publication.Kind.import), ("curations", .curation)] {
            router.post("/admin/publish/\(path)/:id") { request, context in
                try await write(request, kind, try context.parameters.path("id"))
            }
        }
    }

    /// Signed out: to the sign-in form and back; signed in without the right: 403.
    func refusal(_ caller: Caller) -> Response? {
        form.refusal(caller, unless: caller.isOperator || (caller.person != nil && caller.may(.publish)))
    }

    /// A button's post (`publish=0` withdraws): the caller with the CSRF token and the right, the change, then the
    /// page again saying what happened or why not.
    func write(_ request: Request, _ kind: Publication.Kind, _ id: String) async throws -> Response {
        try await form.post(request, PublishForm.self, for: .publish) { caller, form in
            if let refusal = refusal(caller) { return refusal }
            let publish = MarketAccess.flag(form.publish) ?? true
            do {
                let change = try await publisher.set(caller, kind, id, publish: publish)
                let what = kind == .import ? Bilingual(zh: "导入 #\(id)", en: "Import #\(id)") : Bilingual(zh: "校正 \(id)", en: "Curation \(id)")
                let notice = !change.changed ? Bilingual(zh: "\(what.zh) 无需更改", en: "\(what.en) was already so")
                    : publish ? Bilingual(zh: "已发布\(what.zh)，所有人可见", en: "\(what.en) published: everyone sees it")
                    : Bilingual(zh: "已撤回\(what.zh)，仅本机构可见", en: "\(what.en) withdrawn: only its organisation sees it")
                return try await page(caller, notice: notice)
            } catch let error as AppError where error.status == .forbidden && error.reason.code.hasPrefix("scope.") {
                let (zh, en) = ReasonText.bilingual(error.reason)
                return try await page(caller, error: Bilingual(zh: zh, en: en), status: .forbidden)
            } catch let error as AppError {
                return renderer.errorPage(error.status, error.reason)
            }
        }
    }

    func page(_ caller: Caller, notice: Bilingual? = nil, error: Bilingual? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let records = try await access.store.publications(organisation: caller.isOperator ? nil : caller.organisation?.id)
        return try form.render(PublishView(caller: caller, records: records), notice: notice, error: error, status: status)
    }
}

/// A publish button's post: `publish=0` withdraws.
struct PublishForm: PostedForm { var csrf, publish: String? }

/// What `publish.mustache` reads: the caller's organisation's records, private ones and published ones.
struct PublishView: FormPageView {
    struct Row: Encodable, Sendable {
        var kind: String
        var path: String
        var id: String
        var organisation: String
        var title: String
        var detail: String
        var createdAt: String
        var publishedAt: String?
        var publishedBy: String?
        var isImport: Bool
    }

    var csrfToken: String
    var isOperator: Bool
    var unpublished: [Row]
    var published: [Row]
    var notice: Bilingual?
    var error: Bilingual?

    init(caller: Caller, records: [Publication]) {
        csrfToken = caller.csrfToken ?? ""
        isOperator = caller.isOperator
        let rows = records.map { r in
            Row(kind: r.kind.rawValue, path: r.kind == .import ? "imports" : "curations", id: r.id, organisation: r.organisationId,
                title: r.title, detail: r.detail, createdAt: String(r.createdAt.prefix(10)), publishedAt: r.publishedAt.map { String($0.prefix(10)) },
                publishedBy: r.publishedBy, isImport: r.kind == .import)
        }
        unpublished = rows.filter { $0.publishedAt == nil }
        published = rows.filter { $0.publishedAt != nil }
    }
}

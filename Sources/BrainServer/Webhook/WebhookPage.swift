import Foundation
import Hummingbird
import HTTPTypes
import BrainModel
import BrainStore
import BrainUseCases

/// `/admin/webhook` (issue 19 item 4): an organisation's admin sets where its alerts are posted, rotates the signing
/// secret (shown once, never again) or removes the webhook, and reads the delivery log. Only the admin's own
/// organisation's webhook exists for them; every change is on the audit trail (the URL, never the secret).
struct WebhookPage: Sendable {
    let access: MarketAccess
    let renderer: PageRenderer
    let dispatcher: WebhookDispatcher
    var form: FormPage {
        FormPage(access: access, renderer: renderer, path: "/admin/webhook", template: "webhook", nav: "admin", roleRefusal: "api.needs-admin-role")
    }

    func register(on router: Router<BasicRequestContext>) {
        router.get("/admin/webhook") { request, _ in
            let caller = try await access.caller(request)
            guard let organisation = refusalOrOrganisation(caller) else { return form.refused(caller) }
            return try await page(caller, organisation)
        }
        router.post("/admin/webhook") { request, _ in
            try await write(request) { caller, organisation, form in
                let url = try await checked(form.url ?? "")
                let now = AuditTrail.now(), store = access.store
                let before = try await store.webhook(organisation: organisation.id)
                let secret = before?.secret ?? StoreSecret.generate()
                _ = try await store.setWebhook(Webhook(organisationId: organisation.id, url: url, secret: secret,
                                                       createdAt: before?.createdAt ?? now, updatedAt: now)) { replaced in
                    Self.entry(caller, organisation, "webhook.set", before: replaced?.audited, after: ["url": Webhook.redacted(url)])
                }
                guard before == nil else { return Bilingual(zh: "已更新 webhook 网址", en: "Webhook URL updated") }
                return Bilingual(zh: "已设置 webhook。签名密钥只显示这一次：\(secret)", en: "Webhook set. Its signing secret is shown only now: \(secret)")
            }
        }
        router.post("/admin/webhook/rotate") { request, _ in
            try await write(request) { caller, organisation, _ in
                let store = access.store
                guard var webhook = try await store.webhook(organisation: organisation.id) else { throw AdminRefusal.notFound }
                (webhook.secret, webhook.updatedAt) = (StoreSecret.generate(), AuditTrail.now())
                _ = try await store.setWebhook(webhook) { [webhook] _ in Self.entry(caller, organisation, "webhook.rotate", before: nil, after: webhook.audited) }
                return Bilingual(zh: "已更换签名密钥。新密钥只显示这一次：\(webhook.secret)",
                                 en: "Signing secret rotated. The new one is shown only now: \(webhook.secret)")
            }
        }
        router.post("/admin/webhook/remove") { request, _ in
            try await write(request) { caller, organisation, _ in
                guard try await access.store.removeWebhook(organisation: organisation.id, audit: { removed in
                    Self.entry(caller, organisation, "webhook.remove", before: removed.audited, after: nil)
                }) != nil else { throw AdminRefusal.notFound }
                return Bilingual(zh: "已删除 webhook", en: "Webhook removed")
            }
        }
    }

    func checked(_ url: String) async throws -> String {
        do { return try await dispatcher.address.check(url).url.absoluteString } catch {
            throw AdminRefusal.message(error.words)
        }
    }

    /// The organisation whose webhook the caller manages: a signed-in admin's own (the operator's admin token acts for
    /// no organisation, an organisation's token manages no people).
    func refusalOrOrganisation(_ caller: Caller) -> Organisation? {
        guard caller.person != nil, caller.may(.managePeople) else { return nil }
        return caller.organisation
    }

    func write(_ request: Request, _ change: (Caller, Organisation, WebhookForm) async throws -> Bilingual) async throws -> Response {
        try await form.post(request, WebhookForm.self, for: .managePeople) { caller, posted in
            guard let organisation = refusalOrOrganisation(caller) else { return form.refused(caller) }
            do {
                return try await page(caller, organisation, notice: try await change(caller, organisation, posted))
            } catch AdminRefusal.notFound {
                return try await page(caller, organisation, error: Bilingual(zh: "尚未设置 webhook", en: "No webhook is set"), status: .notFound)
            } catch AdminRefusal.message(let message) {
                return try await page(caller, organisation, error: message, status: .badRequest)
            }
        }
    }

    func page(_ caller: Caller, _ organisation: Organisation, notice: Bilingual? = nil, error: Bilingual? = nil,
              status: HTTPResponse.Status = .ok) async throws -> Response {
        let store = access.store
        let view = WebhookView(csrfToken: caller.csrfToken ?? "", organisation: organisation.name,
                               webhook: try await store.webhook(organisation: organisation.id).map { .init(url: $0.url, updatedAt: $0.updatedAt) },
                               deliveries: try await store.deliveries(organisation: organisation.id, limit: 50).map(WebhookView.DeliveryRow.init))
        return try form.render(view, notice: notice, error: error, status: status)
    }

    static func entry(_ caller: Caller, _ organisation: Organisation, _ action: String, before: [String: String]?, after: [String: String]?) -> AuditEntry {
        caller.auditEntry(action, target: "webhook", organisation.id, before: before.flatMap { AuditTrail.json($0) },
                          after: after.flatMap { AuditTrail.json($0) }, of: organisation.id)
    }
}

/// `/admin/webhook`'s forms: the address to post alerts to (rotate and remove send only the CSRF token).
struct WebhookForm: PostedForm { var csrf, url: String? }

/// The `/admin/webhook` page (webhook.mustache).
struct WebhookView: FormPageView {
    struct Current: Encodable, Sendable { var url: String; var updatedAt: String }
    struct DeliveryRow: Encodable, Sendable {
        var deliveryId: String
        var importId: Int?
        var alertCount: Int
        var status: String
        var statusZh: String
        var httpStatus: Int?
        var attempts: Int
        var lastError: String?
        var createdAt: String
        var updatedAt: String

        init(_ d: WebhookDelivery) {
            (deliveryId, importId, alertCount, status, httpStatus, attempts) = (d.deliveryId, d.importId, d.alertCount, d.status.rawValue, d.httpStatus, d.attempts)
            statusZh = switch d.status { case .pending: "发送中"; case .delivered: "已送达"; case .failed: "失败" }
            (lastError, createdAt, updatedAt) = (d.lastError, d.createdAt, d.updatedAt)
        }
    }

    var csrfToken: String
    var organisation: String
    var webhook: Current?
    var deliveries: [DeliveryRow]
    var notice: Bilingual?
    var error: Bilingual?
}

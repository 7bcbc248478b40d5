import BrainModel

/// An organisation's webhook for its alerts (issue 19 item 4), the log of deliveries to it, and people's own API
/// tokens (issue 19 item 1). Every read and write is keyed by the organisation or the person: one organisation never
/// reads, lists or changes another's webhook or deliveries; a person only their own tokens.
public protocol WebhookStore: Store {
    func webhook(organisation: String) async throws -> Webhook?
    /// Sets (or replaces) the organisation's webhook; returns the one before, if any. `audit` makes the write's entry
    /// from the one before, recorded in the same transaction (see `AuditOf`).
    func setWebhook(_ webhook: Webhook, audit: AuditOf<Webhook?>?) async throws -> Webhook?
    /// Removes it; returns what was removed (nil when there was none, and nothing is recorded).
    func removeWebhook(organisation: String, audit: AuditOf<Webhook>?) async throws -> Webhook?
    /// The alerts an import raised, every organisation's (the server sends each organisation only its own).
    func alerts(importId: Int) async throws -> [Alert]
    /// Records a delivery about to be sent (attempts 0, status pending); returns its row id.
    func queueDelivery(_ delivery: WebhookDelivery) async throws -> Int64
    /// The delivery's outcome after an attempt.
    func updateDelivery(_ id: Int64, status: WebhookDelivery.Status, httpStatus: Int?, attempts: Int, lastError: String?, at: String) async throws
    /// The organisation's latest deliveries, newest first.
    func deliveries(organisation: String, limit: Int) async throws -> [WebhookDelivery]

    /// The outbox (`WebhookOutboxSQL`): organisations whose webhook has alerts not yet posted, whoever raised them.
    func webhookBacklog() async throws -> [String]
    /// Holds the organisation's outbox for `holder` until `until` and returns its webhook and oldest unposted alerts
    /// (at most `limit`, in id order); nil when another holder's hold has not run out at `now` (or there is no webhook).
    func claimWebhookOutbox(organisation: String, holder: String, now: String, until: String, limit: Int) async throws -> WebhookOutbox?
    /// Marks `sent` (the organisation's alerts) posted at `at`, and lets go of the holder's hold.
    func finishWebhookOutbox(organisation: String, holder: String, sent: [Int64], at: String) async throws

    /// A new named token for the person (only its SHA-256 digest is kept); returns the token's row.
    func createPersonToken(person: String, name: String, digest: String, at: String, audit: AuditOf<PersonToken>?) async throws -> PersonToken
    /// The person's tokens, revoked ones too, newest first.
    func personTokens(person: String) async throws -> [PersonToken]
    /// Revokes the person's token `id`; nil when the person has no such live token (or it is another's).
    func revokePersonToken(_ id: Int64, person: String, at: String, audit: AuditOf<PersonToken>?) async throws -> PersonToken?
    /// The person a live token (by digest) belongs to, with their organisation, stamping its last use; nil when
    /// unknown, revoked, or its person is disabled. The stamp is written at most once a minute.
    func tokenHolder(digest: String, at: String) async throws -> SessionHolder?
}

/// Where an organisation's alerts are posted and the secret they are signed with. The secret is kept as it is (it
/// signs every body), shown to the admin once when made and never again.
/// The writes without an audit entry (tests, the CLI's own records).
extension WebhookStore {
    public func setWebhook(_ webhook: Webhook) async throws -> Webhook? { try await setWebhook(webhook, audit: nil) }
    public func removeWebhook(organisation: String) async throws -> Webhook? { try await removeWebhook(organisation: organisation, audit: nil) }
    public func createPersonToken(person: String, name: String, digest: String, at: String) async throws -> PersonToken {
        try await createPersonToken(person: person, name: name, digest: digest, at: at, audit: nil)
    }
    public func revokePersonToken(_ id: Int64, person: String, at: String) async throws -> PersonToken? {
        try await revokePersonToken(id, person: person, at: at, audit: nil)
    }
}

public struct Webhook: Sendable, Equatable, Codable {
    public var organisationId: String
    public var url: String
    public var secret: String
    public var createdAt: String
    public var updatedAt: String

    public init(organisationId: String, url: String, secret: String, createdAt: String, updatedAt: String) {
        (self.organisationId, self.url, self.secret, self.createdAt, self.updatedAt) = (organisationId, url, secret, createdAt, updatedAt)
    }

    /// The webhook as the audit trail records it: never the secret, only that it changed.
    /// What the audit trail keeps of it: the address without its path and query, where receivers often put a secret.
    public var audited: [String: String] { ["url": Self.redacted(url), "updatedAt": updatedAt] }

    /// `https://hooks.example.org/T0/secret?k=v` → `https://hooks.example.org/…`.
    public static func redacted(_ url: String) -> String {
        guard let scheme = url.range(of: "://") else { return "…" }
        let rest = url[scheme.upperBound...]
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return String(url[..<scheme.upperBound]) + host + (host.count < rest.count ? "/…" : "")
    }
}

/// An organisation's held outbox: where to post and what is waiting.
public struct WebhookOutbox: Sendable {
    public var webhook: Webhook
    public var alerts: [Alert]

    public init(webhook: Webhook, alerts: [Alert]) { (self.webhook, self.alerts) = (webhook, alerts) }
}

/// One post of an import's alerts to an organisation's webhook, and how it went.
public struct WebhookDelivery: Sendable, Equatable, Codable {
    public enum Status: String, Sendable, Codable { case pending, delivered, failed }

    public var id: Int64 = 0
    public var organisationId: String
    /// The `X-Brain-Delivery` header: a random id the receiver can de-duplicate retries with.
    public var deliveryId: String
    public var importId: Int?
    public var url: String
    public var alertCount: Int
    public var status: Status = .pending
    public var httpStatus: Int?
    public var attempts = 0
    public var lastError: String?
    public var createdAt: String
    public var updatedAt: String

    public init(organisationId: String, deliveryId: String, importId: Int?, url: String, alertCount: Int, createdAt: String) {
        (self.organisationId, self.deliveryId, self.importId, self.url, self.alertCount) = (organisationId, deliveryId, importId, url, alertCount)
        (self.createdAt, self.updatedAt) = (createdAt, createdAt)
    }
}

/// A person's named API token: `Authorization: Bearer` with it acts as the person, with their role.
public struct PersonToken: Sendable, Equatable, Codable {
    public var id: Int64
    public var personId: String
    public var name: String
    public var createdAt: String
    public var lastUsedAt: String?
    public var revokedAt: String?

    public init(id: Int64, personId: String, name: String, createdAt: String, lastUsedAt: String? = nil, revokedAt: String? = nil) {
        (self.id, self.personId, self.name, self.createdAt, self.lastUsedAt, self.revokedAt) = (id, personId, name, createdAt, lastUsedAt, revokedAt)
    }
}

/// A fresh random secret or token (64 hex digits) and the digest tokens are kept as.
public enum StoreSecret {
    public static func generate() -> String { MarketToken.generate() }
    public static func digest(_ token: String) -> String { MarketToken.digest(token) }
}

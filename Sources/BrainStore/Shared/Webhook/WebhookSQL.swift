import BrainModel

/// Organisations' webhooks, their delivery log and people's API tokens: the same tables and statements on both
/// engines but for the identity column.
enum WebhookSQL {
    static func schema(text: String, integer: String, identity: String) -> [String] {
        [
            """
            CREATE TABLE webhooks (organisation_id \(text) PRIMARY KEY REFERENCES organisations ON DELETE CASCADE,
              url \(text) NOT NULL, secret \(text) NOT NULL, created_at \(text) NOT NULL, updated_at \(text) NOT NULL)
            """,
            // No reference to the organisation: the log outlives a webhook removed and set again.
            """
            CREATE TABLE webhook_deliveries (id \(identity), organisation_id \(text) NOT NULL, delivery_id \(text) NOT NULL,
              import_id \(integer), url \(text) NOT NULL, alert_count INTEGER NOT NULL, status \(text) NOT NULL,
              http_status INTEGER, attempts INTEGER NOT NULL, last_error \(text), created_at \(text) NOT NULL, updated_at \(text) NOT NULL)
            """,
            "CREATE INDEX webhook_deliveries_on_organisation ON webhook_deliveries (organisation_id, id)",
            """
            CREATE TABLE person_tokens (id \(identity), person_id \(text) NOT NULL REFERENCES people ON DELETE CASCADE,
              name \(text) NOT NULL, token_sha256 \(text) NOT NULL UNIQUE, created_at \(text) NOT NULL, last_used_at \(text),
              revoked_at \(text))
            """,
            "CREATE INDEX person_tokens_on_person ON person_tokens (person_id, id)",
        ]
    }

    // MARK: Webhooks

    static let webhook = "SELECT * FROM webhooks WHERE organisation_id = ?"
    static let insertWebhook = "INSERT INTO webhooks (organisation_id, url, secret, created_at, updated_at) VALUES (?, ?, ?, ?, ?)"
    static let updateWebhook = "UPDATE webhooks SET url = ?, secret = ?, updated_at = ? WHERE organisation_id = ?"
    static let deleteWebhook = "DELETE FROM webhooks WHERE organisation_id = ?"

    static func webhook(_ row: some ColumnReader) throws -> Webhook {
        Webhook(organisationId: try row.text("organisation_id"), url: try row.text("url"), secret: try row.text("secret"),
                createdAt: try row.text("created_at"), updatedAt: try row.text("updated_at"))
    }

    /// The alerts whose changes an import wrote, with the columns `WatchSQL.alert` reads.
    static let alertsOfImport = """
        SELECT a.id AS alert_id, a.organisation_id AS alert_organisation, a.person_id AS alert_person, a.watch_kind, a.watch_target,
          a.created_at AS alert_created, a.read_at, c.* FROM alerts a JOIN changes c ON c.id = a.change_id
        WHERE c.import_id = ? ORDER BY a.id
        """

    // MARK: Deliveries

    static let insertDelivery = """
        INSERT INTO webhook_deliveries (organisation_id, delivery_id, import_id, url, alert_count, status, http_status, attempts,
          last_error, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, NULL, 0, NULL, ?, ?) RETURNING id AS n
        """
    static let updateDelivery = """
        UPDATE webhook_deliveries SET status = ?, http_status = ?, attempts = ?, last_error = ?, updated_at = ? WHERE id = ?
        """
    static let deliveries = "SELECT * FROM webhook_deliveries WHERE organisation_id = ? ORDER BY id DESC LIMIT ?"

    static func delivery(_ row: some ColumnReader) throws -> WebhookDelivery {
        let status = try row.text("status")
        guard let known = WebhookDelivery.Status(rawValue: status) else { throw MarketStoreError.corrupt("webhook delivery of unknown status \"\(status)\"") }
        var delivery = WebhookDelivery(organisationId: try row.text("organisation_id"), deliveryId: try row.text("delivery_id"),
                                       importId: try row.optionalInt("import_id"), url: try row.text("url"),
                                       alertCount: try row.int("alert_count"), createdAt: try row.text("created_at"))
        delivery.id = Int64(try row.int("id"))
        (delivery.status, delivery.httpStatus, delivery.attempts) = (known, try row.optionalInt("http_status"), try row.int("attempts"))
        (delivery.lastError, delivery.updatedAt) = (try row.optionalText("last_error"), try row.text("updated_at"))
        return delivery
    }

    // MARK: People's tokens

    static let insertToken = """
        INSERT INTO person_tokens (person_id, name, token_sha256, created_at) VALUES (?, ?, ?, ?) RETURNING id AS n
        """
    static let tokensOfPerson = "SELECT * FROM person_tokens WHERE person_id = ? ORDER BY id DESC"
    static let liveToken = "SELECT * FROM person_tokens WHERE id = ? AND person_id = ? AND revoked_at IS NULL"
    static let revokeToken = "UPDATE person_tokens SET revoked_at = ? WHERE id = ?"
    static let tokenById = "SELECT * FROM person_tokens WHERE id = ?"
    /// The holder columns `AccountSQL.sessionHolder` reads, for a live token of a person not disabled.
    static let tokenHolder = """
        SELECT o.id, o.name, o.created_at, o.kind, o.region_code, t.id AS token_id, t.last_used_at,
          p.id AS person_login, p.organisation_id AS person_organisation, p.display_name, p.role, p.disabled,
          p.created_at AS person_created
        FROM person_tokens t JOIN people p ON p.id = t.person_id JOIN organisations o ON o.id = p.organisation_id
        WHERE t.token_sha256 = ? AND t.revoked_at IS NULL AND p.disabled = FALSE
        """
    static let touchToken = "UPDATE person_tokens SET last_used_at = ? WHERE id = ?"

    static func token(_ row: some ColumnReader) throws -> PersonToken {
        PersonToken(id: Int64(try row.int("id")), personId: try row.text("person_id"), name: try row.text("name"),
                    createdAt: try row.text("created_at"), lastUsedAt: try row.optionalText("last_used_at"),
                    revokedAt: try row.optionalText("revoked_at"))
    }
}

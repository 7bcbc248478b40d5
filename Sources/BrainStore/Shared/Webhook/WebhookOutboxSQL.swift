import BrainModel

/// The webhook outbox (issue 19): every alert an organisation with a webhook is raised — by an import over HTTP, by
/// `brain import` on the command line, by a later review decision — is posted by a running server. Each alert keeps
/// when it was posted (`webhook_sent_at`); each webhook keeps the alert id it started after (`since_alert`: the
/// organisation's latest alert when the webhook was set, so setting one does not post the past) and who is posting its
/// alerts now (`claimed_by` until `claimed_until`: two servers on one database do not post the same alerts at once).
enum WebhookOutboxSQL {
    static func migration(integer: String) -> [String] {
        [
            "ALTER TABLE alerts ADD COLUMN webhook_sent_at TEXT",
            // The outbox's look-up: an organisation's unposted alerts in order, a small index as posted ones leave it.
            "CREATE INDEX alerts_webhook_unsent ON alerts (organisation_id, id) WHERE webhook_sent_at IS NULL",
            "ALTER TABLE webhooks ADD COLUMN since_alert \(integer) NOT NULL DEFAULT 0",
            "ALTER TABLE webhooks ADD COLUMN claimed_by TEXT",
            "ALTER TABLE webhooks ADD COLUMN claimed_until TEXT",
            // Webhooks set before the outbox already had their web imports' alerts posted: they start from now.
            "UPDATE webhooks SET since_alert = COALESCE((SELECT MAX(a.id) FROM alerts a WHERE a.organisation_id = webhooks.organisation_id), 0)",
        ]
    }

    /// A new webhook starts after the organisation's latest alert.
    static let startAfterLatest = """
        UPDATE webhooks SET since_alert = COALESCE((SELECT MAX(a.id) FROM alerts a WHERE a.organisation_id = webhooks.organisation_id), 0)
        WHERE organisation_id = ?
        """

    /// Organisations whose webhook has alerts waiting.
    static let backlog = """
        SELECT w.organisation_id FROM webhooks w WHERE EXISTS (SELECT 1 FROM alerts a WHERE a.organisation_id = w.organisation_id
          AND a.id > w.since_alert AND a.webhook_sent_at IS NULL AND \(WatchSQL.visibleChange)) ORDER BY w.organisation_id
        """

    /// Takes the organisation's outbox when nobody holds it (or their hold ran out, or it is the holder's already): one
    /// conditional update, so of two servers only one gets it.
    static let claim = """
        UPDATE webhooks SET claimed_by = ?, claimed_until = ?
        WHERE organisation_id = ? AND (claimed_until IS NULL OR claimed_until < ? OR claimed_by = ?)
        RETURNING organisation_id, url, secret, created_at, updated_at, since_alert
        """

    /// The organisation's oldest unposted alerts, with the columns `WatchSQL.alert` reads.
    static let unsent = """
        SELECT a.id AS alert_id, a.organisation_id AS alert_organisation, a.person_id AS alert_person, a.watch_kind, a.watch_target,
          a.created_at AS alert_created, a.read_at, c.* FROM alerts a JOIN changes c ON c.id = a.change_id
        WHERE a.organisation_id = ? AND a.id > ? AND a.webhook_sent_at IS NULL AND \(WatchSQL.visibleChange) ORDER BY a.id LIMIT ?
        """

    static func markSent(_ count: Int) -> String {
        "UPDATE alerts SET webhook_sent_at = ? WHERE organisation_id = ? AND webhook_sent_at IS NULL AND id IN (\(StoreSQL.marks(count)))"
    }

    static let release = "UPDATE webhooks SET claimed_by = NULL, claimed_until = NULL WHERE organisation_id = ? AND claimed_by = ?"
}

import BrainModel

/// The webhook outbox on both engines (`WebhookOutboxSQL`).
extension SQLStore {
    public func webhookBacklog() async throws -> [String] {
        try await driver.read { s in try await s.rows(WebhookOutboxSQL.backlog, []) { try $0.text("organisation_id") } }
    }

    public func claimWebhookOutbox(organisation: String, holder: String, now: String, until: String, limit: Int) async throws -> WebhookOutbox? {
        try await driver.transaction { s in
            guard let (webhook, since) = try await s.first(WebhookOutboxSQL.claim, [.text(holder), .text(until), .text(organisation), .text(now), .text(holder)], {
                (try WebhookSQL.webhook($0), try $0.int("since_alert"))
            }) else { return nil }
            let alerts = try await s.rows(WebhookOutboxSQL.unsent, [.text(organisation), .int(since), .int(max(1, min(limit, 10_000)))]) {
                try WatchSQL.alert($0)
            }
            return WebhookOutbox(webhook: webhook, alerts: alerts)
        }
    }

    public func finishWebhookOutbox(organisation: String, holder: String, sent: [Int64], at: String) async throws {
        try await driver.transaction { s in
            for start in stride(from: 0, to: sent.count, by: 500) {
                let part = sent[start..<min(start + 500, sent.count)]
                try await s.execute(WebhookOutboxSQL.markSent(part.count), [.text(at), .text(organisation)] + part.map { .int(Int($0)) })
            }
            try await s.execute(WebhookOutboxSQL.release, [.text(organisation), .text(holder)])
        }
    }
}

import BrainModel

extension SQLStore: WebhookStore {
    public func webhook(organisation: String) async throws -> Webhook? {
        try await driver.read { s in try await s.first(WebhookSQL.webhook, [.text(organisation)]) { try WebhookSQL.webhook($0) } }
    }

    public func setWebhook(_ webhook: Webhook, audit: AuditOf<Webhook?>?) async throws -> Webhook? {
        try await driver.transaction { s in
            let before = try await s.first(WebhookSQL.webhook, [.text(webhook.organisationId)]) { try WebhookSQL.webhook($0) }
            if before == nil {
                try await s.execute(WebhookSQL.insertWebhook, [.text(webhook.organisationId), .text(webhook.url), .text(webhook.secret),
                                                               .text(webhook.createdAt), .text(webhook.updatedAt)])
                try await s.execute(WebhookOutboxSQL.startAfterLatest, [.text(webhook.organisationId)])
            } else {
                try await s.execute(WebhookSQL.updateWebhook, [.text(webhook.url), .text(webhook.secret), .text(webhook.updatedAt),
                                                               .text(webhook.organisationId)])
            }
            try await Self.append(audit, of: before, in: s)
            return before
        }
    }

    public func removeWebhook(organisation: String, audit: AuditOf<Webhook>?) async throws -> Webhook? {
        try await driver.transaction { s in
            guard let before = try await s.first(WebhookSQL.webhook, [.text(organisation)], { try WebhookSQL.webhook($0) }) else { return nil }
            try await s.execute(WebhookSQL.deleteWebhook, [.text(organisation)])
            try await Self.append(audit, of: before, in: s)
            return before
        }
    }

    public func alerts(importId: Int) async throws -> [Alert] {
        try await driver.read { s in try await s.rows(WebhookSQL.alertsOfImport, [.int(importId)]) { try WatchSQL.alert($0) } }
    }

    public func queueDelivery(_ d: WebhookDelivery) async throws -> Int64 {
        try await driver.transaction { s in
            Int64(try await s.count(WebhookSQL.insertDelivery, [.text(d.organisationId), .text(d.deliveryId), .int(d.importId), .text(d.url),
                                                               .int(d.alertCount), .text(d.status.rawValue), .text(d.createdAt), .text(d.updatedAt)]))
        }
    }

    public func updateDelivery(_ id: Int64, status: WebhookDelivery.Status, httpStatus: Int?, attempts: Int, lastError: String?,
                               at: String) async throws {
        try await driver.transaction { s in
            try await s.execute(WebhookSQL.updateDelivery, [.text(status.rawValue), .int(httpStatus), .int(attempts), .text(lastError),
                                                            .text(at), .int(Int(id))])
        }
    }

    public func deliveries(organisation: String, limit: Int) async throws -> [WebhookDelivery] {
        try await driver.read { s in
            try await s.rows(WebhookSQL.deliveries, [.text(organisation), .int(max(0, min(limit, 1_000)))]) { try WebhookSQL.delivery($0) }
        }
    }

    public func createPersonToken(person: String, name: String, digest: String, at: String, audit: AuditOf<PersonToken>?) async throws -> PersonToken {
        try await driver.transaction { s in
            let id = try await s.count(WebhookSQL.insertToken, [.text(person), .text(name), .text(digest), .text(at)])
            let token = PersonToken(id: Int64(id), personId: person, name: name, createdAt: at)
            try await Self.append(audit, of: token, in: s)
            return token
        }
    }

    public func personTokens(person: String) async throws -> [PersonToken] {
        try await driver.read { s in try await s.rows(WebhookSQL.tokensOfPerson, [.text(person)]) { try WebhookSQL.token($0) } }
    }

    public func revokePersonToken(_ id: Int64, person: String, at: String, audit: AuditOf<PersonToken>?) async throws -> PersonToken? {
        try await driver.transaction { s in
            guard var token = try await s.first(WebhookSQL.liveToken, [.int(Int(id)), .text(person)], { try WebhookSQL.token($0) }) else {
                return nil
            }
            try await s.execute(WebhookSQL.revokeToken, [.text(at), .int(Int(id))])
            token.revokedAt = at
            try await Self.append(audit, of: token, in: s)
            return token
        }
    }

    public func tokenHolder(digest: String, at: String) async throws -> SessionHolder? {
        let found = try await driver.read { s in
            try await s.first(WebhookSQL.tokenHolder, [.text(digest)]) {
                (id: try $0.int("token_id"), lastUsed: try $0.optionalText("last_used_at"),
                 holder: SessionHolder(organisation: try MarketRowMapping.organisation($0), person: try AccountSQL.sessionPerson($0)))
            }
        }
        guard let found else { return nil }
        // Stamped at most once a minute (ISO 8601 times share their first 16 characters within one), so a busy API
        // client does not write on every request; a read-only store (a copy, a standby) records nothing. The stamp is
        // a convenience: when it cannot be written (a long import holding the write lock) the request goes on without it.
        if !isReadOnly, found.lastUsed?.prefix(16) != at.prefix(16) {
            try? await driver.transaction { s in try await s.execute(WebhookSQL.touchToken, [.text(at), .int(found.id)]) }
        }
        return found.holder
    }
}

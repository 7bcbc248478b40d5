import PostgresNIO
import BrainModel

extension PostgresStore: AccessStore {
    public func createSession(organisation: String, policy: SessionPolicy, now: Int) async throws -> String {
        let session = AccessSQL.newSecret()
        try await location.withTransaction { c in
            guard try await !PostgresSQL.rows(c, MarketSQL.organisationById, [.text(organisation)]).isEmpty else {
                throw MarketStoreError.noSuchOrganisation(organisation)
            }
            try await c.query(PostgresSQL.query(AccessSQL.sweepSessions, [.text(organisation), .int(now - policy.idleSeconds), .int(now - policy.absoluteSeconds)]),
                              logger: PostgresSQL.logger)
            try await c.query(PostgresSQL.query(AccessSQL.insertSession, [.text(AccessSQL.digest(session)), .text(organisation), .int(now), .int(now)]),
                              logger: PostgresSQL.logger)
        }
        return session
    }

    public func sessionOrganisation(_ session: String, policy: SessionPolicy, now: Int) async throws -> Organisation? {
        let digest = AccessSQL.digest(session)
        guard let row = try await withConnection({ c in try await PostgresSQL.rows(c, AccessSQL.session, [.text(digest)]).first }) else {
            return nil
        }
        let createdAt = try row.int("session_created"), seenAt = try row.int("seen_at")
        // A read-only store (a copy, a standby) checks sessions but records nothing about them.
        guard policy.isLive(createdAt: createdAt, seenAt: seenAt, now: now) else {
            if !isReadOnly { try await deleteSession(session) }
            return nil
        }
        if now - seenAt >= policy.touchEverySeconds, !isReadOnly {
            try await withConnection { c in
                try await c.query(PostgresSQL.query(AccessSQL.touchSession, [.int(now), .text(digest)]), logger: PostgresSQL.logger)
            }
        }
        return try MarketRowMapping.organisation(row)
    }

    public func deleteSession(_ session: String) async throws {
        try await withConnection { c in
            try await c.query(PostgresSQL.query(AccessSQL.deleteSession, [.text(AccessSQL.digest(session))]), logger: PostgresSQL.logger)
        }
    }

    public func createAdminToken() async throws -> String {
        let token = AccessSQL.newSecret()
        try await withConnection { c in
            try await c.query(PostgresSQL.query(AccessSQL.insertAdminToken, [AccessSQL.digest(token), MarketSQL.now()].textArguments),
                              logger: PostgresSQL.logger)
        }
        return token
    }

    public func isAdminToken(_ token: String) async throws -> Bool {
        try await withConnection { c in try await !PostgresSQL.rows(c, AccessSQL.adminToken, [.text(AccessSQL.digest(token))]).isEmpty }
    }
}

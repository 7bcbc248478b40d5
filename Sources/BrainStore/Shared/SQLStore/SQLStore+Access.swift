import BrainModel

extension SQLStore: AccessStore {
    public func createSession(organisation: String, policy: SessionPolicy, now: Int, audit: AuditOf<String>?) async throws -> String {
        let session = AccessSQL.newSecret()
        try await driver.transaction { s in
            guard try await s.first(MarketSQL.organisationById, [.text(organisation)], { _ in true }) != nil else {
                throw MarketStoreError.noSuchOrganisation(organisation)
            }
            try await s.execute(AccessSQL.sweepSessions, [.text(organisation), .int(now - policy.idleSeconds), .int(now - policy.absoluteSeconds)])
            try await s.execute(AccessSQL.insertSession, [.text(AccessSQL.digest(session)), .text(organisation), .int(now), .int(now)])
            try await Self.append(audit, of: organisation, in: s)
        }
        return session
    }

    public func sessionOrganisation(_ session: String, policy: SessionPolicy, now: Int) async throws -> Organisation? {
        let digest = AccessSQL.digest(session)
        let found = try await driver.read { s in
            try await s.first(AccessSQL.session, [.text(digest)]) {
                (createdAt: try $0.int("session_created"), seenAt: try $0.int("seen_at"), organisation: try MarketRowMapping.organisation($0))
            }
        }
        guard let (createdAt, seenAt, organisation) = found else { return nil }
        // A read-only store (a copy, a standby) checks sessions but records nothing about them.
        guard policy.isLive(createdAt: createdAt, seenAt: seenAt, now: now) else {
            if !isReadOnly { try await deleteSession(session) }
            return nil
        }
        if now - seenAt >= policy.touchEverySeconds, !isReadOnly {
            try await driver.transaction { s in try await s.execute(AccessSQL.touchSession, [.int(now), .text(digest)]) }
        }
        return organisation
    }

    public func deleteSession(_ session: String) async throws {
        try await driver.transaction { s in try await s.execute(AccessSQL.deleteSession, [.text(AccessSQL.digest(session))]) }
    }

    public func createAdminToken() async throws -> String {
        let token = AccessSQL.newSecret()
        try await driver.transaction { s in try await s.execute(AccessSQL.insertAdminToken, [AccessSQL.digest(token), MarketSQL.now()].textArguments) }
        return token
    }

    public func isAdminToken(_ token: String) async throws -> Bool {
        try await driver.read { s in try await s.first(AccessSQL.adminToken, [.text(AccessSQL.digest(token))], { _ in true }) != nil }
    }
}

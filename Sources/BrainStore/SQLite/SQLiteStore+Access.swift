import GRDB
import BrainModel

extension SQLiteStore: AccessStore {
    public func createSession(organisation: String, policy: SessionPolicy, now: Int) async throws -> String {
        let session = AccessSQL.newSecret()
        try await pool.write { db in
            guard try Row.fetchOne(db, sql: MarketSQL.organisationById, arguments: [organisation]) != nil else {
                throw MarketStoreError.noSuchOrganisation(organisation)
            }
            try db.execute(sql: AccessSQL.sweepSessions, arguments: [organisation, now - policy.idleSeconds, now - policy.absoluteSeconds])
            try db.execute(sql: AccessSQL.insertSession, arguments: [AccessSQL.digest(session), organisation, now, now])
        }
        return session
    }

    public func sessionOrganisation(_ session: String, policy: SessionPolicy, now: Int) async throws -> Organisation? {
        let digest = AccessSQL.digest(session)
        guard let row = try await pool.read({ db in try Row.fetchOne(db, sql: AccessSQL.session, arguments: [digest]) }) else { return nil }
        let createdAt = try row.int("session_created"), seenAt = try row.int("seen_at")
        guard policy.isLive(createdAt: createdAt, seenAt: seenAt, now: now) else {
            try await deleteSession(session)
            return nil
        }
        if now - seenAt >= policy.touchEverySeconds {
            try await pool.write { db in try db.execute(sql: AccessSQL.touchSession, arguments: [now, digest]) }
        }
        return try MarketRowMapping.organisation(row)
    }

    public func deleteSession(_ session: String) async throws {
        try await pool.write { db in try db.execute(sql: AccessSQL.deleteSession, arguments: [AccessSQL.digest(session)]) }
    }

    public func createAdminToken() async throws -> String {
        let token = AccessSQL.newSecret()
        try await pool.write { db in try db.execute(sql: AccessSQL.insertAdminToken, arguments: [AccessSQL.digest(token), MarketSQL.now()]) }
        return token
    }

    public func isAdminToken(_ token: String) async throws -> Bool {
        try await pool.read { db in try Row.fetchOne(db, sql: AccessSQL.adminToken, arguments: [AccessSQL.digest(token)]) != nil }
    }
}

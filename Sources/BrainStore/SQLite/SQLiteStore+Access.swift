import GRDB
import BrainModel

extension SQLiteStore: AccessStore {
    public func createSession(organisation: String, policy: SessionPolicy, now: Int) async throws -> String {
        let session = AccessSQL.newSecret()
        try await writer.write { db in
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
        // Sendable values out of the closure: returning the Row picked GRDB's blocking read, which on the two-thread
        // cooperative pool deadlocked against the async reads holding the connections.
        let found: (createdAt: Int, seenAt: Int, organisation: Organisation)? = try await writer.read { db in
            guard let row = try Row.fetchOne(db, sql: AccessSQL.session, arguments: [digest]) else { return nil }
            return (try row.int("session_created"), try row.int("seen_at"), try MarketRowMapping.organisation(row))
        }
        guard let (createdAt, seenAt, organisation) = found else { return nil }
        // A read-only store (a copy, a standby) checks sessions but records nothing about them.
        guard policy.isLive(createdAt: createdAt, seenAt: seenAt, now: now) else {
            if !isReadOnly { try await deleteSession(session) }
            return nil
        }
        if now - seenAt >= policy.touchEverySeconds, !isReadOnly {
            try await writer.write { db in try db.execute(sql: AccessSQL.touchSession, arguments: [now, digest]) }
        }
        return organisation
    }

    public func deleteSession(_ session: String) async throws {
        try await writer.write { db in try db.execute(sql: AccessSQL.deleteSession, arguments: [AccessSQL.digest(session)]) }
    }

    public func createAdminToken() async throws -> String {
        let token = AccessSQL.newSecret()
        try await writer.write { db in try db.execute(sql: AccessSQL.insertAdminToken, arguments: [AccessSQL.digest(token), MarketSQL.now()]) }
        return token
    }

    public func isAdminToken(_ token: String) async throws -> Bool {
        try await writer.read { db in try Row.fetchOne(db, sql: AccessSQL.adminToken, arguments: [AccessSQL.digest(token)]) != nil }
    }
}

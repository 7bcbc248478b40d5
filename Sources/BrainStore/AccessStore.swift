import BrainModel

/// Who may act over HTTP: organisations' sign-in sessions and the operator's admin tokens. Like organisation tokens,
/// only SHA-256 digests are stored, so a copy of the database hands out no session and no admin right.
public protocol AccessStore: Store {
    /// A new session for the organisation; returns its id (shown to the browser once, as a cookie). The
    /// organisation's sessions past the policy's limits are swept at the same time. `audit` (the sign-in's entry, from
    /// the organisation's id) is recorded in the same transaction: a refused entry leaves no session.
    func createSession(organisation: String, policy: SessionPolicy, now: Int, audit: AuditOf<String>?) async throws -> String
    /// The organisation a live session belongs to, refreshing its last use; nil (and the session removed) once it
    /// has been idle or alive too long, or its organisation's token was rotated.
    func sessionOrganisation(_ session: String, policy: SessionPolicy, now: Int) async throws -> Organisation?
    func deleteSession(_ session: String) async throws
    /// A new admin token (shown once); earlier admin tokens keep working.
    func createAdminToken() async throws -> String
    func isAdminToken(_ token: String) async throws -> Bool
}

extension AccessStore {
    public func createSession(organisation: String, policy: SessionPolicy, now: Int) async throws -> String {
        try await createSession(organisation: organisation, policy: policy, now: now, audit: nil)
    }
}

/// How long a sign-in lasts: ended after `idleSeconds` without a request or `absoluteSeconds` after sign-in,
/// whichever comes first. Times are Unix seconds.
public struct SessionPolicy: Sendable {
    public var idleSeconds: Int
    public var absoluteSeconds: Int
    /// Last use is written at most this often, so reads do not each write.
    public var touchEverySeconds: Int

    /// 8 hours idle, 7 days at most: a working day without signing in again, and a lost cookie dies within a week.
    public static let standard = SessionPolicy(idleSeconds: 8 * 3600, absoluteSeconds: 7 * 86400)

    public init(idleSeconds: Int, absoluteSeconds: Int, touchEverySeconds: Int = 60) {
        (self.idleSeconds, self.absoluteSeconds, self.touchEverySeconds) = (idleSeconds, absoluteSeconds, touchEverySeconds)
    }

    func isLive(createdAt: Int, seenAt: Int, now: Int) -> Bool {
        now - seenAt < idleSeconds && now - createdAt < absoluteSeconds
    }
}

/// The CSRF token of a sign-in session: a digest of its id, so the server derives it again on every request and
/// stores nothing more; only a page the session was shown can know it.
public enum SessionToken {
    public static func csrf(session: String) -> String { MarketToken.digest("csrf:" + session) }
}

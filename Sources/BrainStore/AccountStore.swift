import BrainModel

/// People, their passwords and sessions, and organisations' kind and region scope (issue 19 item 1). Passwords are
/// kept only as `PasswordHash` digests; a person's session is an ordinary sign-in session that also names them.
public protocol AccountStore: AccessStore {
    /// A new organisation of `kind` answering for `regionCode` (nil: national), and its token (shown once). Every
    /// write here that takes `audit` records its entry in the write's own transaction (see `AuditOf`).
    func createOrganisation(id: String, name: String, kind: OrganisationKind, regionCode: String?,
                            audit: AuditOf<Organisation>?) async throws -> OrganisationCredentials
    /// A new person with a first password; the password must meet `PasswordPolicy`.
    func createPerson(_ person: Person, password: String, audit: AuditOf<Person>?) async throws -> Person
    func person(_ login: String) async throws -> Person?
    /// The organisation's people, or everyone's (nil), by login.
    func people(organisation: String?) async throws -> [Person]
    /// Returns the person as they were before and after.
    func setRole(_ login: String, role: Role, audit: AuditOf<PersonChange>?) async throws -> PersonChange
    /// A new password; the person's sessions end (a stolen session dies with the old password) and a lock is lifted.
    func setPassword(_ login: String, password: String, audit: AuditOf<PersonChange>?) async throws
    /// Disables (or enables again) the person; disabling ends their sessions at once.
    func setDisabled(_ login: String, disabled: Bool, audit: AuditOf<PersonChange>?) async throws -> PersonChange
    /// Checks the password, counting failures: `lockout.maxFailures` wrong ones in a row lock the person for
    /// `lockout.seconds`. An unknown login costs the same hashing time as a known one.
    func verifyPassword(login: String, password: String, lockout: LockoutPolicy, now: Int) async throws -> SignInResult
    /// A new session for the person (their organisation's session naming them); returns its id, shown once. `audit`
    /// (the sign-in's entry, from the person) is recorded in the same transaction: a refused entry leaves no session.
    func createPersonSession(login: String, policy: SessionPolicy, now: Int, audit: AuditOf<Person>?) async throws -> String
    /// Who holds a live session: the organisation, and the person when it was a person's sign-in (nil for the
    /// organisation's token sign-in on /match). Nil once the session ended or its person was disabled.
    func sessionHolder(_ session: String, policy: SessionPolicy, now: Int) async throws -> SessionHolder?
}

/// A person before and after a change.
public typealias PersonChange = (before: Person, after: Person)

/// The writes without an audit entry (the command line records its own; the store's tests).
extension AccountStore {
    public func createOrganisation(id: String, name: String, kind: OrganisationKind, regionCode: String?) async throws -> OrganisationCredentials {
        try await createOrganisation(id: id, name: name, kind: kind, regionCode: regionCode, audit: nil)
    }
    public func createPerson(_ person: Person, password: String) async throws -> Person { try await createPerson(person, password: password, audit: nil) }
    public func setRole(_ login: String, role: Role) async throws -> PersonChange { try await setRole(login, role: role, audit: nil) }
    public func setPassword(_ login: String, password: String) async throws { try await setPassword(login, password: password, audit: nil) }
    public func setDisabled(_ login: String, disabled: Bool) async throws -> PersonChange {
        try await setDisabled(login, disabled: disabled, audit: nil)
    }
    public func createPersonSession(login: String, policy: SessionPolicy, now: Int) async throws -> String {
        try await createPersonSession(login: login, policy: policy, now: now, audit: nil)
    }
}

public struct SessionHolder: Sendable, Equatable {
    public var organisation: Organisation
    public var person: Person?

    public init(organisation: Organisation, person: Person?) { (self.organisation, self.person) = (organisation, person) }
}

/// How many wrong passwords in a row lock a person, and for how long (Unix seconds).
public struct LockoutPolicy: Sendable {
    public var maxFailures: Int
    public var seconds: Int

    /// 5 wrong passwords → 15 minutes: a person who mistypes is barely slowed, a guesser gets 20 tries an hour.
    public static let standard = LockoutPolicy(maxFailures: 5, seconds: 15 * 60)

    public init(maxFailures: Int, seconds: Int) { (self.maxFailures, self.seconds) = (maxFailures, seconds) }
}

public enum AccountStoreError: Error, CustomStringConvertible, Equatable {
    case invalidLogin(String)
    case personExists(String)
    case noSuchPerson(String)
    /// The policy's words (Chinese, English).
    case weakPassword(zh: String, en: String)
    case invalidRegion(String)

    public var zh: String {
        switch self {
        case .invalidLogin(let login): "登录名“\(login)”无效：请用 2–64 个小写字母、数字或 . - _ @"
        case .personExists(let login): "登录名 \(login) 已存在"
        case .noSuchPerson(let login): "没有用户 \(login)"
        case .weakPassword(let zh, _): zh
        case .invalidRegion(let code): "地区代码“\(code)”无效：请用 6 位行政区划代码"
        }
    }

    public var en: String {
        switch self {
        case .invalidLogin(let login): "Login \"\(login)\" is not valid: use 2–64 lower-case letters, digits, . - _ @"
        case .personExists(let login): "Login \(login) already exists"
        case .noSuchPerson(let login): "No person \(login)"
        case .weakPassword(_, let en): en
        case .invalidRegion(let code): "Region \"\(code)\" is not valid: use a 6-digit division code"
        }
    }

    public var description: String { "\(zh) (\(en))" }
}

/// A person who signs in (issue 19 item 1): one login, one organisation, one role there. The store keeps a hash of
/// the password made for passwords (PBKDF2), never the password.
public struct Person: Codable, Sendable, Hashable {
    /// The login, also the id the audit trail and per-person records (lead owner, watchlist) name.
    public var id: String
    public var organisationId: String
    public var displayName: String
    public var role: Role
    /// A disabled person cannot sign in, and their sessions end at once; the record stays for the audit trail.
    public var disabled: Bool
    public var createdAt: String

    public init(id: String, organisationId: String, displayName: String, role: Role, disabled: Bool = false, createdAt: String) {
        (self.id, self.organisationId, self.displayName, self.role, self.disabled, self.createdAt) =
            (id, organisationId, displayName, role, disabled, createdAt)
    }
}

/// What an organisation is: it decides nothing about rights (roles do), but tells people who they deal with.
public enum OrganisationKind: String, Codable, Sendable, CaseIterable {
    /// 主管部门: a bureau of a district, city, province or the nation (the organisations of earlier releases).
    case bureau
    case park
    case enterprise
    /// 平台: the operator of the brain itself, and only that: its admins administer every organisation, so such an
    /// organisation is made on the command line (`brain org add --kind platform`), never through /admin.
    case platform

    /// The kinds /admin may create.
    public static let creatableOnline: [OrganisationKind] = [.bureau, .park, .enterprise]

    public var nameZh: String {
        switch self {
        case .bureau: "主管部门"
        case .park: "园区"
        case .enterprise: "企业"
        case .platform: "平台"
        }
    }

    public var nameEn: String {
        switch self {
        case .bureau: "Bureau"
        case .park: "Park"
        case .enterprise: "Enterprise"
        case .platform: "Platform"
        }
    }
}

/// Why a sign-in was refused, as the code the audit trail records. The page shows the same words for an unknown
/// login and a wrong password, so a stranger cannot learn which logins exist.
public enum SignInRefusal: String, Codable, Sendable {
    case unknownLogin = "unknown-login"
    case wrongPassword = "wrong-password"
    /// Too many wrong passwords: refused without checking until the lock ends.
    case locked
    case disabled
    /// Too many attempts from one address or for one login in a short time (the server's limiter, not the store).
    case rateLimited = "rate-limited"
}

/// The outcome of checking a login and password.
public enum SignInResult: Sendable, Equatable {
    case signedIn(Person)
    /// `lockedUntil` (Unix seconds) when the refusal locked the person or they were locked already.
    case refused(SignInRefusal, lockedUntil: Int?)
}

/// The rules a new password must meet: long enough to resist guessing, short enough that hashing it is cheap.
public enum PasswordPolicy {
    public static let minimumLength = 10
    public static let maximumLength = 256

    /// What is wrong, in Chinese and English, or nil when the password is acceptable.
    public static func problem(_ password: String) -> (zh: String, en: String)? {
        if password.count < minimumLength {
            return ("密码太短：至少需要 \(minimumLength) 个字符", "The password is too short: use at least \(minimumLength) characters")
        }
        if password.count > maximumLength {
            return ("密码太长：最多 \(maximumLength) 个字符", "The password is too long: use at most \(maximumLength) characters")
        }
        return nil
    }
}

/// Logins appear in URLs, the audit trail and commands: 2–64 lower-case letters, digits and `.`, `-`, `_`, `@`.
public enum LoginRule {
    public static func isValid(_ login: String) -> Bool {
        (2...64).contains(login.count)
            && login.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || ".-_@".contains($0) }
    }
}

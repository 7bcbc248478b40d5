import Foundation
import Hummingbird
import HTTPTypes
import BrainModel
import BrainStore
import BrainUseCases

/// Who sent a request: an organisation (by its token as `Authorization: Bearer`, or by its sign-in session cookie),
/// a person of an organisation (by their password sign-in's session cookie), the operator (an admin token from
/// `brain admin token`), or nobody.
struct Caller: Sendable {
    var organisation: Organisation?
    /// The person signed in, whose role decides what they may do; nil for an organisation's token and the operator.
    var person: Person?
    var isAdmin = false
    /// The sign-in session's id when the caller came with the cookie: such a request's writes must also carry the
    /// session's CSRF token, which another site cannot read.
    var session: String?

    static let anonymous = Caller()

    var csrfToken: String? { session.map(SessionCookie.csrfToken) }

    /// Whether the caller may do `permission`: the operator anything, an organisation's callers what their rights
    /// allow, nobody signed in only public reads.
    func may(_ permission: Permission) -> Bool {
        if isAdmin { return true }
        if let person { return !person.disabled && person.role.allows(permission) }
        guard organisation != nil else { return permission == .read }
        return Role.organisationClientAllows(permission)
    }

    /// How the audit trail names the caller.
    var auditActor: String {
        if isAdmin { return "admin-token" }
        if let person { return person.id }
        return organisation.map { "org-token:\($0.id)" } ?? "anonymous"
    }

    /// An audit entry for an act of this caller, stamped now, on the trail of the organisation it concerns (`of`: the
    /// caller's own unless named, as the operator's acts on another organisation's people are).
    func auditEntry(_ action: String, target kind: String, _ id: String, before: String? = nil, after: String? = nil,
                    of concerned: String? = nil, at: String = AuditTrail.now()) -> AuditEntry {
        AuditEntry(at: at, organisationId: concerned ?? organisation?.id, personId: person?.id, actor: auditActor, action: action,
                   targetKind: kind, targetId: id, before: before, after: after)
    }

    /// The operator: the admin token, or an admin person of a platform organisation (the operator's own, made with
    /// `brain org add ID --kind platform` and `brain user add LOGIN --org ID --role admin`). Sees and creates every
    /// organisation.
    var isOperator: Bool {
        isAdmin || (person?.role == .admin && person?.disabled == false && organisation?.kind == .platform)
    }

    /// Whether the caller may manage the people of `organisation`: the operator any organisation's, an admin person
    /// only their own.
    func mayManagePeople(of organisation: String) -> Bool {
        isOperator || (person != nil && may(.managePeople) && self.organisation?.id == organisation)
    }

    /// Whose firms it may read: the operator every firm; anyone else the public ones and its organisation's imports'.
    var firmViewer: FirmViewer { isOperator ? .operator : .organisation(organisation?.id) }

    /// Which imports it may see: the operator's (no organisation), published ones and its own; the admin sees all.
    func maySee(_ batch: ImportBatch) -> Bool {
        isAdmin || batch.layerEntry.isVisible(to: firmViewer)
    }

    /// Whose review queue it may read: the operator's imports' and its own organisation's (the admin every one). A
    /// published import's queue stays its organisation's: its rows name firms the public may not see.
    func mayReview(_ batch: ImportBatch) -> Bool {
        isAdmin || batch.organisationId == nil || batch.organisationId == organisation?.id
    }

    /// An import as this caller may read it: who published another organisation's import is that organisation's to know.
    func shown(_ batch: ImportBatch) -> ImportBatch {
        guard !isAdmin, batch.organisationId != nil, batch.organisationId != organisation?.id else { return batch }
        var shown = batch
        shown.publishedBy = nil
        return shown
    }
}

/// The sign-in session cookie: a random id (the store keeps only its digest) that ends after the session policy's
/// idle or absolute limit, with sign-out, or when the organisation's token is rotated.
enum SessionCookie {
    static let name = "brain_session"
    /// Form field and header the CSRF token travels in.
    static let formField = "csrf", header = HTTPField.Name("X-CSRF-Token")!

    /// Bound to the session and derivable only from its id: a synchroniser token that needs no storage.
    static func csrfToken(_ session: String) -> String { SessionToken.csrf(session: session) }

    static func value(_ request: Request) -> String? { request.cookies[name]?.value }

    /// The session's cookie: sent only to this site's own requests (SameSite=Strict), never readable by scripts.
    static func set(_ session: String, maxAge: Int, secure: Bool) -> Cookie {
        Cookie(name: name, value: session, maxAge: maxAge, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }

    /// The same cookie emptied and expired (sign-out).
    static func clear(secure: Bool) -> Cookie { set("", maxAge: 0, secure: secure) }

    /// Equal strings in time independent of where they differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

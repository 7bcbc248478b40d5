/// One recorded write (issue 19 item 2): who did what to which record, when, and the record before and after. The
/// trail is append-only: the store refuses to change or remove an entry.
public struct AuditEntry: Codable, Sendable, Hashable {
    /// Assigned by the store, increasing in the order entries were recorded; 0 before that.
    public var id: Int64
    /// UTC, ISO 8601 to the second.
    public var at: String
    /// The organisation the act was made for; nil for the operator's own acts (admin token, CLI).
    public var organisationId: String?
    /// The person who acted, when a person signed in; nil for tokens and the CLI.
    public var personId: String?
    /// How the actor is shown: a person's login, "org-token:ID", "admin-token" or "cli".
    public var actor: String
    /// What was done, as a stable code (`import.write`, `curation.add`, `lead.stage`, `session.sign-in`, …); pages
    /// render it per language.
    public var action: String
    /// The kind and id of the record acted on (`import`/42, `enterprise`/ID, `lead`/7, `person`/login).
    public var targetKind: String
    public var targetId: String
    /// The record as JSON before and after the act; nil where there was none (a creation, a deletion, a sign-in).
    public var before: String?
    public var after: String?

    public init(id: Int64 = 0, at: String, organisationId: String?, personId: String?, actor: String, action: String,
                targetKind: String, targetId: String, before: String? = nil, after: String? = nil) {
        (self.id, self.at, self.organisationId, self.personId, self.actor, self.action) = (id, at, organisationId, personId, actor, action)
        (self.targetKind, self.targetId, self.before, self.after) = (targetKind, targetId, before, after)
    }
}

/// Which entries to list, newest first.
public struct AuditQuery: Sendable {
    /// Only this organisation's entries; nil: all (the operator).
    public var organisationId: String?
    public var action: String?
    public var actor: String?
    /// Entries with `id` below this (paging back through the trail).
    public var before: Int64?
    /// Entries recorded on or after this day or instant, and before the end of this day or at this instant (ISO 8601,
    /// compared as `at` is stored: `2026-11-30` or `2026-11-30T03:00:00Z`).
    public var from: String?
    public var to: String?
    public var limit: Int

    public init(organisationId: String? = nil, action: String? = nil, actor: String? = nil, before: Int64? = nil,
                from: String? = nil, to: String? = nil, limit: Int = 100) {
        (self.organisationId, self.action, self.actor, self.before, self.limit) = (organisationId, action, actor, before, limit)
        (self.from, self.to) = (from, to)
    }
}

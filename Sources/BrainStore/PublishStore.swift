import BrainModel

/// Publishing (issue 19): an organisation's imports and curations are private to it until its admin (or the
/// operator) publishes them; from then on they are public as the operator's are, and still that organisation's. The
/// one decision of who sees what stays `ImportLayer.isVisible(to:)` / `Curation.isVisible(to:)` (FirmViewer.swift);
/// this store only records the flag (`published_at`, `published_by`).
public protocol PublishStore: Store {
    /// Publishes (or withdraws the publication of) import `id`. `organisation`: the caller's own organisation, whose
    /// imports alone it may touch; nil for the operator (any organisation's). `scope`: the caller's region scope, which
    /// every located firm the import created must lie in. `audit`'s entry is recorded in the same transaction.
    func setImportPublished(_ id: Int, _ published: Bool, organisation: String?, scope: String?, by actor: String, at: String,
                            audit: AuditOf<PublicationChange>?) async throws -> PublicationChange
    /// The same for curation `id`; the firm's stored placement is recomputed in the transaction.
    func setCurationPublished(_ id: String, _ published: Bool, organisation: String?, by actor: String, at: String,
                              audit: AuditOf<PublicationChange>?) async throws -> PublicationChange
    /// The imports and curations of `organisation` (nil: of every organisation) with whether each is published, newest
    /// first; the operator's own records are public from the start and never listed.
    func publications(organisation: String?) async throws -> [Publication]
}

/// One organisation's import or curation and its publication.
public struct Publication: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable { case `import`, curation }
    public var kind: Kind
    public var id: String
    public var organisationId: String
    /// What a person recognises it by: the import's file, the curation's firm.
    public var title: String
    /// The import's kind and date; the curation's action and reason.
    public var detail: String
    public var createdAt: String
    public var publishedAt: String?
    public var publishedBy: String?

    public var isPublished: Bool { publishedAt != nil }

    public init(kind: Kind, id: String, organisationId: String, title: String, detail: String, createdAt: String,
                publishedAt: String?, publishedBy: String?) {
        (self.kind, self.id, self.organisationId, self.title, self.detail) = (kind, id, organisationId, title, detail)
        (self.createdAt, self.publishedAt, self.publishedBy) = (createdAt, publishedAt, publishedBy)
    }
}

/// A publication before and after a publish or unpublish (equal when it was already so: nothing is written then).
public struct PublicationChange: Sendable, Equatable {
    public var before: Publication
    public var after: Publication
    public var changed: Bool { before != after }
}

/// Why a publication was refused.
public enum PublishError: Error, Equatable, Sendable {
    /// No such import or curation, another organisation's (not disclosed), or the operator's own (public already).
    case unknown
    /// `outside` of the import's located firms lie outside the caller's region scope.
    case outsideScope(outside: Int, located: Int, scope: String)
}

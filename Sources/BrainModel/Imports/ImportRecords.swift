/// What an import is: the file it came from and the date its facts describe.
public struct ImportHeader: Sendable, Codable {
    public var kind: String
    public var file: String
    /// Content fingerprint of the file: the same bytes imported again change nothing.
    public var fingerprint: String
    /// The date the file's facts describe (given, or the file's modification date).
    public var asOf: String
    public var importedAt: String
    /// The organisation that imported it over HTTP or for itself (market files); nil for the operator's own imports
    /// (`brain import`, an admin token), which everyone may see.
    public var organisation: String?
    /// The layer the firms it creates belong to: nil for its own, `import:<id>`; a bundled register names its own
    /// (`nmpa-2019`), counted apart from users' imports.
    public var layer: String?
    /// A row whose normalised name is a listed firm's is that firm: its facts and nodes are linked to it (counted only
    /// where this import's layer is), not a second firm nor a review item. For registers of whole legal names.
    public var linksListedByName = false
    /// Whether the import writes the change feed (issue 19 item 4) and raises alerts: always, but for `brain bench
    /// changes`, which measures the import without it.
    public var recordsChanges = true

    public init(kind: String, file: String, fingerprint: String, asOf: String, importedAt: String, organisation: String? = nil,
                layer: String? = nil) {
        self.layer = layer
        self.kind = kind
        self.file = file
        self.fingerprint = fingerprint
        self.asOf = asOf
        self.importedAt = importedAt
        self.organisation = organisation
    }
}

/// What an import did to the store.
public struct ImportOutcome: Sendable, Codable, Equatable {
    public var importId: Int?
    /// Set when the same file (same bytes) was imported before: nothing was written.
    public var alreadyImportedAs: Int?
    public var created = 0
    public var updated = 0
    public var unchanged = 0
    /// Rows older than what the store holds: kept as history, current values untouched.
    public var history = 0
    public var review = 0
    public var branchesLinked = 0
    /// Rows linked to a listed firm of the same name (`ImportHeader.linksListedByName`) or named by one of its names
    /// with a code that agrees (`ImportNameLinking`); counted in `updated` too, not stored with the import.
    public var linkedToListed = 0
    /// Rows of products, events or relations whose firm the store does not hold (or holds several of).
    public var unresolved: [UnresolvedRow] = []

    public init(importId: Int? = nil, alreadyImportedAs: Int? = nil) {
        self.importId = importId
        self.alreadyImportedAs = alreadyImportedAs
    }
}

/// One finished import, as `brain import --list` shows it.
public struct ImportBatch: Sendable, Codable, Equatable {
    public var id: Int
    public var kind: String
    public var file: String
    public var fingerprint: String
    public var asOf: String
    public var importedAt: String
    public var outcome: ImportOutcome
    /// Whose import it is: nil for the operator's, which everyone may see; otherwise private to that organisation.
    public var organisationId: String?
    /// The layer it names (`nmpa-2019`); nil: its firms form the layer `import:<id>`.
    public var layer: String?
    /// When and by whom (an audit actor) the organisation's admin published it; nil while private.
    public var publishedAt: String?
    public var publishedBy: String?

    public init(id: Int, kind: String, file: String, fingerprint: String, asOf: String, importedAt: String, outcome: ImportOutcome,
                organisationId: String? = nil, layer: String? = nil, publishedAt: String? = nil, publishedBy: String? = nil) {
        (self.layer, self.publishedAt, self.publishedBy) = (layer, publishedAt, publishedBy)
        (self.id, self.kind, self.file, self.fingerprint, self.asOf, self.importedAt, self.outcome) = (id, kind, file, fingerprint, asOf, importedAt, outcome)
        self.organisationId = organisationId
    }
}

extension ImportBatch {
    /// Its layer and owner as visibility decides on them (`ImportLayer.isVisible(to:)`).
    public var layerEntry: ImportLayer {
        ImportLayer(importId: id, layer: layer ?? Layer.of(importId: id), organisationId: organisationId, published: publishedAt != nil)
    }
}

/// A row a person must decide on: a possible same firm (merge or keep apart) or a location the address did not decide.
public struct ReviewItem: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable { case sameEntity = "same-entity", location }
    public enum Status: String, Sendable, Codable, CaseIterable { case pending, accepted, rejected }
    public var id: Int
    public var importId: Int
    public var file: String
    public var row: Int
    public var kind: Kind
    public var name: String
    /// The imported firm (location items; same-entity items once decided).
    public var enterpriseId: String?
    /// The firm it may be (same-entity items).
    public var candidateId: String?
    public var candidateName: String?
    /// Why, as shown: Chinese as stored, or the language `rendered(in:)` asked for.
    public var reason: String
    /// Why, as data (`ReasonCatalogue+Review`, and the file check's address reasons); an item stored before reasons
    /// were data has its text only, as `review.note`.
    public var reasons: [Reason]
    public var status: Status
    public var decidedAt: String?

    public init(id: Int, importId: Int, file: String, row: Int, kind: Kind, name: String, enterpriseId: String?, candidateId: String?,
                candidateName: String?, reasons: [Reason], status: Status, decidedAt: String?) {
        (self.id, self.importId, self.file, self.row, self.kind, self.name) = (id, importId, file, row, kind, name)
        (self.enterpriseId, self.candidateId, self.candidateName, self.status, self.decidedAt) =
            (enterpriseId, candidateId, candidateName, status, decidedAt)
        self.reasons = reasons
        reason = ReasonText.render(reasons, in: .zh)
    }

    /// The item with its reason worded in `language`.
    public func rendered(in language: DisplayLanguage) -> ReviewItem {
        var copy = self
        copy.reason = ReasonText.render(reasons, in: language)
        return copy
    }
}

/// One value of an enterprise with where it came from; older values stay as history.
public struct EnterpriseFact: Sendable, Codable, Equatable {
    public var field: String
    public var value: String
    public var importId: Int
    public var file: String
    public var row: Int
    public var asOf: String
    /// False for a value a newer import replaced.
    public var current: Bool

    public init(field: String, value: String, importId: Int, file: String, row: Int, asOf: String, current: Bool) {
        (self.field, self.value, self.importId, self.file, self.row, self.asOf, self.current) = (field, value, importId, file, row, asOf, current)
    }
}

extension ReviewItem.Status {
    /// How a person reads the status (`review.status.*`).
    public func word(in language: DisplayLanguage) -> String { ReasonText.render(Reason("review.status." + rawValue), in: language) }
}

extension ReviewItem.Kind {
    /// How a person reads the kind (`review.kind.*`).
    public func word(in language: DisplayLanguage) -> String { ReasonText.render(Reason("review.kind." + rawValue), in: language) }
}

extension Reason {
    /// A reason kept as text only (an item stored before reasons were data, a reader's own message): shown as written
    /// in every language.
    public static func note(_ text: String) -> Reason { Reason("review.note", ["text": text, "text.en": text]) }
}

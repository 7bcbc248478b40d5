import BrainModel

/// Organisations and their market records (demands, offers, talents). A record is seen by its organisation and,
/// once shared, by everyone; only its organisation may share, withdraw or delete it.
public protocol MarketStore: AccessStore {
    /// A new organisation and its token, which the store does not keep (only its digest): show it once.
    func createOrganisation(id: String, name: String) async throws -> OrganisationCredentials
    /// A new token for the organisation; the old one stops working at once, and so do its sign-in sessions.
    func rotateToken(organisation id: String) async throws -> OrganisationCredentials
    func organisations() async throws -> [Organisation]
    func organisation(id: String) async throws -> Organisation?
    func organisation(token: String) async throws -> Organisation?
    /// Adds records in one transaction. With an import header (kind "demands", "offers" or "talents") the file is
    /// recorded as an import of the organisation, its kind scoped to it ("talents:ID"): the same content again from the
    /// same organisation writes nothing and returns the earlier import. `audit`'s entry is recorded in the same
    /// transaction (none when the file was imported before); without a header the records come back in the write.
    func addMarketRecords(_ records: [NewMarketRecord], organisation: String, header: ImportHeader?,
                          audit: AuditOf<MarketWrite>?) async throws -> MarketWrite
    /// Records of a kind the organisation may see, newest first; nil sees shared records only.
    func marketRecords(_ kind: MarketKind, visibleTo organisation: String?) async throws -> [MarketRecord]
    func marketRecord(_ id: Int, visibleTo organisation: String?) async throws -> MarketRecord?
    /// Shares or withdraws the record; `audit` gets it as it now is, in the same transaction.
    func setShared(_ id: Int, shared: Bool, by organisation: String, audit: AuditOf<MarketRecord>?) async throws -> MarketRecord
    /// Deletes the record; `audit` gets its id, in the same transaction.
    func deleteMarketRecord(_ id: Int, by organisation: String, audit: AuditOf<Int>?) async throws
}

extension MarketStore {
    /// Market writes with no entry on the trail (tests, benches).
    public func addMarketRecords(_ records: [NewMarketRecord], organisation: String, header: ImportHeader?) async throws -> MarketWrite {
        try await addMarketRecords(records, organisation: organisation, header: header, audit: nil)
    }

    public func setShared(_ id: Int, shared: Bool, by organisation: String) async throws -> MarketRecord {
        try await setShared(id, shared: shared, by: organisation, audit: nil)
    }

    public func deleteMarketRecord(_ id: Int, by organisation: String) async throws {
        try await deleteMarketRecord(id, by: organisation, audit: nil)
    }
}

public struct NewMarketRecord: Sendable {
    public var body: MarketBody
    /// The file row it came from, for imports.
    public var line: Int?
    public var shared: Bool

    public init(_ body: MarketBody, line: Int? = nil, shared: Bool? = nil) {
        (self.body, self.line, self.shared) = (body, line, shared ?? body.kind.sharedByDefault)
    }
}

public struct MarketWrite: Codable, Sendable {
    public var ids: [Int]
    public var importId: Int?
    public var alreadyImportedAs: Int?
    /// The records written, read back in the write's transaction when there is no import header (a single post).
    public var records: [MarketRecord] = []

    /// As an import's outcome: every record written is created.
    public var outcome: ImportOutcome {
        var outcome = ImportOutcome(importId: importId, alreadyImportedAs: alreadyImportedAs)
        outcome.created = ids.count
        return outcome
    }
}

public enum MarketStoreError: ReasonedError, Equatable {
    case invalidOrganisationId(String)
    case organisationExists(String)
    case noSuchOrganisation(String)
    /// Also when the record exists but is not the caller's to see or change: existence is not disclosed.
    case noSuchRecord(Int)
    case corrupt(String)

    /// Why, as a code with values: pages and the API word it in the reader's language.
    public var reason: Reason {
        switch self {
        case .invalidOrganisationId(let id): Reason("market.invalid-organisation-id", ["id": id])
        case .organisationExists(let id): Reason("market.organisation-exists", ["id": id])
        case .noSuchOrganisation(let id): Reason("market.no-organisation", ["id": id])
        case .noSuchRecord(let id): Reason("market.no-record", ["id": "\(id)"])
        case .corrupt(let what): Reason("market.corrupt", ["detail": what])
        }
    }
}

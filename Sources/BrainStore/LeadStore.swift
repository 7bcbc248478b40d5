import BrainModel

/// The 招商 pipeline (issue 19 item 3): each organisation's leads, their stage moves and edits with a history. Every
/// method names the organisation; another organisation's lead is answered as if it did not exist.
public protocol LeadStore: Store {
    /// Stores a new lead (its fields checked, its stage any but 放弃) with its creation in the history, and `audit`'s
    /// entry in the same transaction.
    func createLead(_ lead: Lead, by: LeadActor, audit: AuditOf<Lead>?) async throws -> Lead
    /// Applies `changes` (nil clears a field) and records the changed fields in the history (and `audit`'s entry, when
    /// something changed). `readVersion`, when given, is the `Lead.version` the editor saw: a lead changed since is
    /// refused (`LeadError.changedMeanwhile`) rather than overwritten.
    func updateLead(_ id: Int64, organisation: String, changes: [LeadFields.Name: String?], readVersion: Int?, by: LeadActor,
                    audit: AuditOf<LeadChange>?) async throws -> LeadChange
    /// Moves the lead if `LeadStage.refusal` allows it; `reason` is required for 放弃.
    func moveLead(_ id: Int64, organisation: String, to stage: LeadStage, reason: String?, by: LeadActor,
                  audit: AuditOf<LeadChange>?) async throws -> LeadChange
    func lead(_ id: Int64, organisation: String) async throws -> Lead?
    func leads(_ query: LeadQuery) async throws -> LeadList
    /// Counts per stage (in a region and the regions inside it, when given) and the open leads due before `today`.
    func leadBoard(organisation: String, regionCode: String?, today: String) async throws -> LeadBoard
    /// Oldest first; empty for another organisation's lead.
    func leadHistory(_ id: Int64, organisation: String) async throws -> [LeadHistoryEntry]
}

/// The writes without an audit entry (the CLI's benches and the store's own tests).
extension LeadStore {
    public func createLead(_ lead: Lead, by actor: LeadActor) async throws -> Lead { try await createLead(lead, by: actor, audit: nil) }
    public func updateLead(_ id: Int64, organisation: String, changes: [LeadFields.Name: String?], by actor: LeadActor) async throws -> LeadChange {
        try await updateLead(id, organisation: organisation, changes: changes, readVersion: nil, by: actor, audit: nil)
    }
    public func moveLead(_ id: Int64, organisation: String, to stage: LeadStage, reason: String?, by actor: LeadActor) async throws -> LeadChange {
        try await moveLead(id, organisation: organisation, to: stage, reason: reason, by: actor, audit: nil)
    }
}

/// A write's lead before and after.
public struct LeadChange: Sendable {
    public var before: Lead
    public var after: Lead

    public init(before: Lead, after: Lead) { (self.before, self.after) = (before, after) }
}

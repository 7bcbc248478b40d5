import BrainModel

/// The 招商 pipeline (issue 19 item 3): each organisation's leads, their stage moves and edits with a history. Every
/// method names the organisation; another organisation's lead is answered as if it did not exist.
public protocol LeadStore: Store {
    /// Stores a new lead (its fields checked, its stage any but 放弃) with its creation in the history.
    func createLead(_ lead: Lead, by: LeadActor) async throws -> Lead
    /// Applies `changes` (nil clears a field) and records the changed fields in the history.
    func updateLead(_ id: Int64, organisation: String, changes: [LeadFields.Name: String?], by: LeadActor) async throws -> LeadChange
    /// Moves the lead if `LeadStage.refusal` allows it; `reason` is required for 放弃.
    func moveLead(_ id: Int64, organisation: String, to stage: LeadStage, reason: String?, by: LeadActor) async throws -> LeadChange
    func lead(_ id: Int64, organisation: String) async throws -> Lead?
    func leads(_ query: LeadQuery) async throws -> LeadList
    /// Counts per stage (in a region and the regions inside it, when given) and the open leads due before `today`.
    func leadBoard(organisation: String, regionCode: String?, today: String) async throws -> LeadBoard
    /// Oldest first; empty for another organisation's lead.
    func leadHistory(_ id: Int64, organisation: String) async throws -> [LeadHistoryEntry]
}

/// A write's lead before and after.
public struct LeadChange: Sendable {
    public var before: Lead
    public var after: Lead

    public init(before: Lead, after: Lead) { (self.before, self.after) = (before, after) }
}

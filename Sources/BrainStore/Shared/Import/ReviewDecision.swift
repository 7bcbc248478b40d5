import BrainModel

/// What deciding a review item writes, the same on both backends.
struct ReviewDecision {
    enum Plan { case mergeInto(String), separate, keep, remove(String) }
    let item: ReviewItem
    let accept: Bool

    var plan: Plan {
        switch (item.kind, accept) {
        case (.sameEntity, true): .mergeInto(item.candidateId ?? "")
        case (.sameEntity, false): .separate
        case (.location, true): .keep
        case (.location, false): .remove(item.enterpriseId ?? "")
        }
    }

    var status: ReviewItem.Status { accept ? .accepted : .rejected }

    func writes(_ planner: inout ImportPlanner, _ record: ImportedEnterprise) throws -> [ImportPlanner.Write] {
        switch plan {
        case .mergeInto(let id): try planner.plan(record, decision: .mergeInto(id))
        case .separate: try planner.plan(record, decision: .separate)
        case .keep: []
        case .remove(let id): planner.remove(id)
        }
    }

    /// The firm the row became, recorded on the item.
    func enterpriseId(_ record: ImportedEnterprise, _ planner: ImportPlanner) -> String? {
        switch plan {
        case .mergeInto(let id): id
        case .separate: planner.ownId(record)
        case .keep, .remove: nil
        }
    }
}

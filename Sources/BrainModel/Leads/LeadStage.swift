import Foundation

/// Where a lead of the 招商 pipeline stands (issue 19 item 3): 线索 → 接洽 → 考察 → 谈判 → 签约 → 落地, or 放弃 with a
/// reason. The order of the cases is the pipeline's order; `dropped` stands outside it.
public enum LeadStage: String, Codable, Sendable, CaseIterable {
    case lead, contact, visit, negotiation, signed, landed, dropped

    public var nameZh: String {
        switch self {
        case .lead: "线索"
        case .contact: "接洽"
        case .visit: "考察"
        case .negotiation: "谈判"
        case .signed: "签约"
        case .landed: "落地"
        case .dropped: "放弃"
        }
    }

    public var nameEn: String {
        switch self {
        case .lead: "Lead"
        case .contact: "Contact"
        case .visit: "Visit"
        case .negotiation: "Negotiation"
        case .signed: "Signed"
        case .landed: "Landed"
        case .dropped: "Dropped"
        }
    }

    /// The pipeline's stages in order (without 放弃).
    public static let pipeline: [LeadStage] = [.lead, .contact, .visit, .negotiation, .signed, .landed]

    /// Still being worked on: it can move forward, be dropped, and be overdue. 落地 and 放弃 are closed.
    public var isOpen: Bool { self != .landed && self != .dropped }

    /// Why a move from `self` to `target` is refused (a reason code of the catalogue), or nil when it is legal:
    /// forward by one or more stages, back by one, to 放弃 from any open stage with a reason, and from 放弃 back to
    /// any stage before 落地 (reopening).
    public func refusal(movingTo target: LeadStage, reason: String?) -> String? {
        if target == self { return "lead.same-stage" }
        if target == .dropped {
            guard isOpen else { return "lead.drop-closed" }
            return (reason?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true) ? "lead.drop-reason" : nil
        }
        if self == .dropped { return target == .landed ? "lead.reopen-to-landed" : nil }
        guard let from = Self.pipeline.firstIndex(of: self), let to = Self.pipeline.firstIndex(of: target) else { return "lead.same-stage" }
        return to > from || to == from - 1 ? nil : "lead.back-one-only"
    }
}

/// Where a lead was opened: a region's 招商 targets (with the target's reason code), an enterprise page, or by hand.
public enum LeadSource: String, Codable, Sendable, CaseIterable {
    case regionTargets = "region-targets"
    case enterprise
    case manual
}

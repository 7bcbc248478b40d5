import BrainModel
import BrainUseCases

/// What the /leads pages read: the board's columns, the list's rows, one lead with its history and forms. Every label
/// comes in both languages; stage names from `LeadStage`.
struct LeadsView: PageView {
    struct Organisation: Encodable, Sendable {
        var id: String
        var name: String
    }

    /// A lead as a card on the board or a row of the list.
    struct Card: Encodable, Sendable {
        var id: Int64
        var firm: String
        var enterpriseId: String?
        var region: String?
        var nodeZh: String?
        var nodeEn: String?
        var stage: String
        var stageZh: String
        var stageEn: String
        var due: String?
        var overdue: Bool
        var nextStep: String?
        var owner: String?
        /// The owner's display name when they are one of the organisation's people, else the owner as written.
        var ownerName: String?
    }

    /// One of the organisation's active people as an owner choice.
    struct OwnerOption: Encodable, Sendable {
        var login: String
        var name: String
        var chosen: Bool

        /// The active people, by login, `chosen` marked; an owner who is not among them (written before people
        /// existed, or since disabled) stays a choice so saving the form does not lose it.
        static func list(_ people: [Person], chosen: String?) -> [OwnerOption] {
            var options = people.filter { !$0.disabled }.sorted { $0.id < $1.id }
                .map { OwnerOption(login: $0.id, name: $0.displayName, chosen: $0.id == chosen) }
            if let chosen, !chosen.isEmpty, !options.contains(where: { $0.login == chosen }) {
                options.append(OwnerOption(login: chosen, name: chosen, chosen: true))
            }
            return options
        }
    }

    struct Column: Encodable, Sendable {
        var stage: String
        var nameZh: String
        var nameEn: String
        var count: Int
        /// nil when none, so the template's section hides (its own name: a nil falls back to an outer name).
        var columnOverdue: Int?
        var cards: [Card]
        /// More leads than the column shows.
        var more: Bool
    }

    struct StageOption: Encodable, Sendable {
        var value: String
        var nameZh: String
        var nameEn: String
        var chosen: Bool
    }

    var organisation: Organisation?
    var csrfToken: String?
    var mayManage: Bool
    var board: Bool
    var columns: [Column]
    var rows: [Card]
    var total: Int
    /// nil when none.
    var overdue: Int?
    var stages: [StageOption]
    /// The filters as given (names of their own: a card's nil region must not fall back to the filter's).
    var filterRegion: String?
    var filterNode: String?
    var filterQ: String?
    /// The people the owner filter offers, the filtered one chosen.
    var owners: [OwnerOption] = [] { didSet { hasOwners = !owners.isEmpty } }
    /// Whether to show the owner select (a template cannot ask whether a list is empty).
    var hasOwners = false
    var overdueOnly: Bool
    var pager: Paging.Pager?
    var exportLink: String

    /// `node` names a chain node (the taxonomy's `node(_:)`).
    static func card(_ lead: Lead, today: String, node named: (String) -> ChainNode?, people: [String: String] = [:]) -> Card {
        let node = lead.fields.nodeId.flatMap(named)
        return Card(id: lead.id, firm: lead.fields.firmName, enterpriseId: lead.fields.enterpriseId, region: lead.fields.regionCode,
                    nodeZh: node?.nameZh ?? lead.fields.nodeId, nodeEn: node?.nameEn ?? lead.fields.nodeId, stage: lead.stage.rawValue,
                    stageZh: lead.stage.nameZh, stageEn: lead.stage.nameEn, due: lead.fields.dueDate, overdue: lead.isOverdue(today: today),
                    nextStep: lead.fields.nextStep, owner: lead.fields.owner, ownerName: lead.fields.owner.map { people[$0] ?? $0 })
    }
}

/// One lead's page: its fields, history and the forms that move and edit it.
struct LeadDetailView: PageView {
    struct Move: Encodable, Sendable {
        var value: String
        var nameZh: String
        var nameEn: String
    }

    struct Event: Encodable, Sendable {
        var at: String
        var actor: String
        var zh: String
        var en: String
        var reason: String?
    }

    var csrfToken: String?
    var mayManage: Bool
    var card: LeadsView.Card
    var lead: Lead
    var dropReason: String?
    var sourceZh: String
    var sourceEn: String
    var sourceReasonZh: String?
    var sourceReasonEn: String?
    var moves: [Move]
    var mayDrop: Bool
    var owners: [LeadsView.OwnerOption] = [] { didSet { hasOwners = !owners.isEmpty } }
    var hasOwners = false
    var history: [Event]
    /// Why the last save was refused (a colleague saved first), shown above the edit form.
    var notice: Bilingual?

    static func moves(from stage: LeadStage) -> [Move] {
        LeadStage.allCases.filter { $0 != .dropped && stage.refusal(movingTo: $0, reason: nil) == nil }
            .map { Move(value: $0.rawValue, nameZh: $0.nameZh, nameEn: $0.nameEn) }
    }

    static func event(_ entry: LeadHistoryEntry) -> Event {
        func stage(_ code: String?) -> LeadStage? { code.flatMap(LeadStage.init(rawValue:)) }
        let (zh, en): (String, String)
        switch entry.kind {
        case .create:
            (zh, en) = ("新建线索（\(stage(entry.to)?.nameZh ?? "")）", "Opened (\(stage(entry.to)?.nameEn ?? ""))")
        case .stage:
            (zh, en) = ("\(stage(entry.from)?.nameZh ?? "") → \(stage(entry.to)?.nameZh ?? "")", "\(stage(entry.from)?.nameEn ?? "") → \(stage(entry.to)?.nameEn ?? "")")
        case .update:
            (zh, en) = ("修改 \(entry.from ?? "") → \(entry.to ?? "")", "Edited \(entry.from ?? "") → \(entry.to ?? "")")
        }
        return Event(at: entry.at, actor: entry.actor, zh: zh, en: en, reason: entry.reason)
    }

    static let sourceNames: [LeadSource: (zh: String, en: String)] = [
        .regionTargets: ("区域招商目标", "Region targets"), .enterprise: ("企业页面", "Enterprise page"), .manual: ("手工录入", "Entered by hand"),
    ]
}

/// The form that opens a lead, prefilled from the button that led here (a region's target, an enterprise page).
struct LeadNewView: PageView {
    var csrfToken: String?
    var firmName: String?
    var enterpriseId: String?
    var regionCode: String?
    var nodeId: String?
    var source: String
    var sourceReason: String?
    var sourceReasonZh: String?
    var sourceReasonEn: String?
    /// The owner select: the organisation's active people, the signed-in person chosen.
    var owners: [LeadsView.OwnerOption] = [] { didSet { hasOwners = !owners.isEmpty } }
    var hasOwners = false
}

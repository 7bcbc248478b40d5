import Foundation
import Testing
import BrainModel
@testable import BrainServer
import BrainUseCases

/// The 招商 pages from fixed models: the board with an overdue card, the list, one lead with its forms and history.
extension PageSnapshotTests {
    static let lead = Lead(id: 7, organisationId: "org-1",
                           fields: LeadFields(enterpriseId: "600276.SH", firmName: "恒瑞医药 <测试>", regionCode: "320506", nodeId: "cro",
                                              nextStep: "约见董事长", dueDate: "2026-11-01", notes: "=1+1"),
                           stage: .visit, source: .regionTargets, sourceReason: "target.gap-node",
                           createdAt: "2026-11-30T03:00:00Z", updatedAt: "2026-11-30T03:10:00Z")

    static func leadsView(board: Bool) -> LeadsView {
        let card = LeadsView.card(lead, today: "2026-11-30", node: { _ in nil })
        var view = LeadsPage.empty(board: board)
        (view.organisation, view.csrfToken, view.mayManage, view.total, view.overdue) = (.init(id: "org-1", name: "苏州市工信局"), "token-123", true, 1, 1)
        view.stages = LeadStage.allCases.map { .init(value: $0.rawValue, nameZh: $0.nameZh, nameEn: $0.nameEn, chosen: $0 == .visit) }
        if board {
            view.columns = LeadStage.allCases.map { stage in
                .init(stage: stage.rawValue, nameZh: stage.nameZh, nameEn: stage.nameEn, count: stage == .visit ? 1 : 0,
                      columnOverdue: stage == .visit ? 1 : nil, cards: stage == .visit ? [card] : [], more: false)
            }
        } else {
            view.rows = [card]
            view.pager = Paging(page: 1, size: 50).pager(total: 1, path: "/leads", keep: [("view", "list")])
        }
        return view
    }

    @Test func leadsPages() async throws {
        let renderer = try await Self.renderer()
        try expectSnapshot("leads-board", try renderer.html("leads", nav: "leads", view: Self.leadsView(board: true), data: [String: String]()))
        try expectSnapshot("leads-list", try renderer.html("leads", nav: "leads", view: Self.leadsView(board: false), data: [String: String]()))
        try expectSnapshot("leads-signed-out", try renderer.html("leads", nav: "leads", view: LeadsPage.empty(board: true), data: [String: String]()))
        let history = [LeadHistoryEntry(leadId: 7, at: "2026-11-30T03:00:00Z", actor: "org-token:org-1", kind: .create, to: "lead"),
                       LeadHistoryEntry(leadId: 7, at: "2026-11-30T03:10:00Z", actor: "org-token:org-1", kind: .stage, from: "lead", to: "visit")]
        let detail = LeadDetailView(csrfToken: "token-123", mayManage: true, card: LeadsView.card(Self.lead, today: "2026-11-30", node: { _ in nil }),
                                    lead: Self.lead, dropReason: nil, sourceZh: "区域招商目标", sourceEn: "Region targets",
                                    sourceReasonZh: nil, sourceReasonEn: nil, moves: LeadDetailView.moves(from: .visit), mayDrop: true,
                                    history: history.reversed().map(LeadDetailView.event))
        try expectSnapshot("lead", try renderer.html("lead", nav: "leads", view: detail, data: [String: String]()))
    }
}

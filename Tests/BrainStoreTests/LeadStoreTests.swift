import Foundation
import Testing
import BrainModel
import BrainStore

/// The 招商 pipeline on both backends: legal and illegal stage moves, edits with their history, filters, the board's
/// counts and overdue leads, and one organisation never seeing another's leads.
@Suite struct LeadStoreTests {
    static let actor = LeadActor(actor: "org-token:bureau", at: "2026-11-30T03:00:00Z")

    static func lead(_ firm: String, organisation: String = "bureau", region: String? = "320506", node: String? = "cro",
                     due: String? = nil, stage: LeadStage = .lead, owner: String? = nil) -> Lead {
        Lead(organisationId: organisation, fields: LeadFields(firmName: firm, regionCode: region, nodeId: node, owner: owner, dueDate: due),
             stage: stage, source: .regionTargets, sourceReason: "target.gap-node", createdAt: "", updatedAt: "")
    }

    @Test func stageRulesAllowForwardBackOneDropAndReopen() {
        #expect(LeadStage.lead.refusal(movingTo: .visit, reason: nil) == nil)
        #expect(LeadStage.visit.refusal(movingTo: .contact, reason: nil) == nil)
        #expect(LeadStage.visit.refusal(movingTo: .lead, reason: nil) == "lead.back-one-only")
        #expect(LeadStage.visit.refusal(movingTo: .visit, reason: nil) == "lead.same-stage")
        #expect(LeadStage.negotiation.refusal(movingTo: .dropped, reason: " ") == "lead.drop-reason")
        #expect(LeadStage.negotiation.refusal(movingTo: .dropped, reason: "选址他处") == nil)
        #expect(LeadStage.landed.refusal(movingTo: .dropped, reason: "x") == "lead.drop-closed")
        #expect(LeadStage.dropped.refusal(movingTo: .contact, reason: nil) == nil)
        #expect(LeadStage.dropped.refusal(movingTo: .landed, reason: nil) == "lead.reopen-to-landed")
    }

    @Test func fieldsAreChecked() {
        #expect(LeadFields(firmName: " ").problem()?.code == "lead.firm-required")
        #expect(LeadFields(firmName: "甲", regionCode: "3205").problem()?.code == "lead.region-code")
        #expect(LeadFields(firmName: "甲", dueDate: "2026-02-30").problem()?.code == "lead.due-date")
        #expect(LeadFields(firmName: "甲", dueDate: "2028-02-29").problem() == nil)
        #expect(LeadFields(firmName: "甲", notes: String(repeating: "长", count: 4001)).problem()?.field == .notes)
    }

    @Test(arguments: Backend.allCases) func movesFollowTheRulesAndAreRecorded(_ backend: Backend) async throws {
        let store = try await MarketStoreTests().store(backend, "leads_moves")
        let created = try await store.createLead(Self.lead("甲生物"), by: Self.actor)
        #expect(created.id > 0 && created.createdAt == Self.actor.at)
        let moved = try await store.moveLead(created.id, organisation: "bureau", to: .negotiation, reason: nil, by: Self.actor)
        #expect(moved.before.stage == .lead && moved.after.stage == .negotiation)
        await #expect(throws: LeadError.illegalMove(from: .negotiation, to: .contact, code: "lead.back-one-only")) {
            try await store.moveLead(created.id, organisation: "bureau", to: .contact, reason: nil, by: Self.actor)
        }
        await #expect(throws: LeadError.illegalMove(from: .negotiation, to: .dropped, code: "lead.drop-reason")) {
            try await store.moveLead(created.id, organisation: "bureau", to: .dropped, reason: nil, by: Self.actor)
        }
        let dropped = try await store.moveLead(created.id, organisation: "bureau", to: .dropped, reason: "选址他处", by: Self.actor)
        #expect(dropped.after.dropReason == "选址他处")
        let reopened = try await store.moveLead(created.id, organisation: "bureau", to: .visit, reason: nil, by: Self.actor)
        #expect(reopened.after.stage == .visit && reopened.after.dropReason == nil)
        #expect(try await store.lead(created.id, organisation: "bureau") == reopened.after)
        let history = try await store.leadHistory(created.id, organisation: "bureau")
        #expect(history.map(\.kind) == [.create, .stage, .stage, .stage])
        #expect(history.map(\.to) == ["lead", "negotiation", "dropped", "visit"])
        #expect(history[2].reason == "选址他处" && history[2].from == "negotiation" && history[2].actor == "org-token:bureau")
    }

    @Test(arguments: Backend.allCases) func editsChangeOnlyWhatTheyNameAndKeepTheirHistory(_ backend: Backend) async throws {
        let store = try await MarketStoreTests().store(backend, "leads_edits")
        let created = try await store.createLead(Self.lead("乙医药"), by: Self.actor)
        let edited = try await store.updateLead(created.id, organisation: "bureau",
                                                changes: [.nextStep: "约见董事长", .dueDate: "2026-12-15", .nodeId: nil], by: Self.actor)
        #expect(edited.after.fields.nextStep == "约见董事长" && edited.after.fields.nodeId == nil && edited.after.fields.firmName == "乙医药")
        let history = try await store.leadHistory(created.id, organisation: "bureau")
        #expect(history.last?.kind == .update)
        #expect(history.last?.from == #"{"dueDate":null,"nextStep":null,"nodeId":"cro"}"#)
        #expect(history.last?.to == #"{"dueDate":"2026-12-15","nextStep":"约见董事长","nodeId":null}"#)
        await #expect(throws: LeadError.invalid(field: "dueDate", code: "lead.due-date")) {
            try await store.updateLead(created.id, organisation: "bureau", changes: [.dueDate: "明天"], by: Self.actor)
        }
        #expect(try await store.leadHistory(created.id, organisation: "bureau").count == 2)
    }

    @Test(arguments: Backend.allCases) func filtersBoardAndOverdue(_ backend: Backend) async throws {
        let store = try await MarketStoreTests().store(backend, "leads_filters")
        let a = try await store.createLead(Self.lead("丙抗体", due: "2026-11-01", owner: "li"), by: Self.actor)
        _ = try await store.createLead(Self.lead("丁试剂", region: "310115", node: "reagents", due: "2026-12-31"), by: Self.actor)
        let c = try await store.createLead(Self.lead("戊 100%_纯化", due: "2026-10-01"), by: Self.actor)
        _ = try await store.moveLead(c.id, organisation: "bureau", to: .landed, reason: nil, by: Self.actor)
        let all = try await store.leads(LeadQuery(organisationId: "bureau"))
        #expect(all.total == 3 && all.items.count == 3 && all.items.first?.fields.firmName == "戊 100%_纯化")
        #expect(try await store.leads(LeadQuery(organisationId: "bureau", regionCode: "320500")).total == 2)
        #expect(try await store.leads(LeadQuery(organisationId: "bureau", regionCode: "310000")).items.map(\.fields.firmName) == ["丁试剂"])
        #expect(try await store.leads(LeadQuery(organisationId: "bureau", nodeId: "cro", text: "抗体")).items.map(\.id) == [a.id])
        #expect(try await store.leads(LeadQuery(organisationId: "bureau", text: "%_")).total == 1)
        #expect(try await store.leads(LeadQuery(organisationId: "bureau", owner: "li")).total == 1)
        #expect(try await store.leads(LeadQuery(organisationId: "bureau", stage: .landed)).total == 1)
        // The landed lead is past its date but closed: only 丙抗体 is overdue.
        #expect(try await store.leads(LeadQuery(organisationId: "bureau", overdueBefore: "2026-11-30")).items.map(\.id) == [a.id])
        let page = try await store.leads(LeadQuery(organisationId: "bureau", limit: 1, offset: 1))
        #expect(page.total == 3 && page.items.count == 1)
        let board = try await store.leadBoard(organisation: "bureau", regionCode: nil, today: "2026-11-30")
        #expect(board.count(.lead) == 2 && board.count(.landed) == 1 && board.count(.signed) == 0 && board.overdue == 1)
        #expect(board.columns.map(\.stage) == LeadStage.allCases)
        #expect(try await store.leadBoard(organisation: "bureau", regionCode: "310000", today: "2026-11-30").total == 1)
    }

    @Test(arguments: Backend.allCases) func anotherOrganisationSeesAndChangesNothing(_ backend: Backend) async throws {
        let store = try await MarketStoreTests().store(backend, "leads_private")
        let mine = try await store.createLead(Self.lead("己制药"), by: Self.actor)
        #expect(try await store.lead(mine.id, organisation: "park") == nil)
        #expect(try await store.leads(LeadQuery(organisationId: "park")).total == 0)
        #expect(try await store.leadBoard(organisation: "park", regionCode: nil, today: "2026-11-30").total == 0)
        #expect(try await store.leadHistory(mine.id, organisation: "park").isEmpty)
        await #expect(throws: LeadError.noSuchLead(mine.id)) {
            try await store.moveLead(mine.id, organisation: "park", to: .contact, reason: nil, by: Self.actor)
        }
        await #expect(throws: LeadError.noSuchLead(mine.id)) {
            try await store.updateLead(mine.id, organisation: "park", changes: [.notes: "x"], by: Self.actor)
        }
        #expect(try await store.lead(mine.id, organisation: "bureau")?.stage == .lead)
    }
}

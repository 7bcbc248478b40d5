import Foundation
import Testing
import BrainModel
import BrainStore

/// A write and its audit entry are one transaction on both backends: with the entry recorded the write stands, and
/// when the trail refuses the entry (a trigger here) the write is undone too, so no change is ever left unaudited.
@Suite struct AuditedWriteTests {
    static let actor = LeadStoreTests.actor

    static func entry(_ action: String, _ id: String) -> AuditEntry {
        AuditEntry(at: "2026-11-30T03:00:00Z", organisationId: "bureau", personId: nil, actor: "test", action: action,
                   targetKind: "test", targetId: id, before: nil, after: nil)
    }

    /// A store with a lead, a watch, an organisation and a person written before the trail breaks.
    func store(_ backend: Backend, _ name: String) async throws -> (StoreLocation, any ImportingStore) {
        let location = try await DatabaseFixture.emptyLocation(backend, name)
        try await location.build(try ImportStoreTests.smallBundle.get())
        return (location, try await location.open())
    }

    @Test(arguments: Backend.allCases) func eachWriteRecordsItsEntryWithIt(_ backend: Backend) async throws {
        let (_, store) = try await store(backend, "audited_writes")
        let lead = try await store.createLead(LeadStoreTests.lead("甲生物"), by: Self.actor) { Self.entry("lead.create", String($0.id)) }
        _ = try await store.updateLead(lead.id, organisation: "bureau", changes: [.notes: "约见"], readVersion: lead.version, by: Self.actor) {
            Self.entry("lead.update", String($0.after.id))
        }
        let watch = try await store.addWatch(WatchlistTests.watch("bureau", .region, "320000")) { Self.entry("watch.add", String($0.id)) }
        // Nothing written, nothing recorded: the same watch again, an unknown one removed.
        _ = try await store.addWatch(WatchlistTests.watch("bureau", .region, "320000")) { Self.entry("watch.again", String($0.id)) }
        _ = try await store.removeWatch(watch.item.id + 100, organisation: "bureau", person: nil) { Self.entry("watch.none", String($0.id)) }
        let actions = try await store.auditEntries(AuditQuery()).map(\.action)
        #expect(actions == ["watch.add", "lead.update", "lead.create"])
        _ = try await store.createOrganisation(id: "bureau", name: "示例局", kind: .bureau, regionCode: "320500")
        _ = try await store.createPerson(Person(id: "ana", organisationId: "bureau", displayName: "安娜", role: .viewer, createdAt: ""),
                                         password: AccountStoreTests.password)
        let session = try await store.createPersonSession(login: "ana", policy: .standard, now: 1000) { Self.entry("session.sign-in", $0.id) }
        #expect(try await store.sessionHolder(session, policy: .standard, now: 1001)?.person?.id == "ana")
        #expect(try await store.auditEntries(AuditQuery(action: "session.sign-in")).first?.targetId == "ana")
        #expect(try await store.auditEntries(AuditQuery(action: "lead.create")).first?.targetId == String(lead.id))
    }

    @Test(arguments: Backend.allCases) func aRefusedEntryUndoesItsWrite(_ backend: Backend) async throws {
        let (location, store) = try await store(backend, "audited_refused")
        let lead = try await store.createLead(LeadStoreTests.lead("甲生物"), by: Self.actor)
        let watch = try await store.addWatch(WatchlistTests.watch("bureau", .node, "antibodies")).item
        _ = try await store.createOrganisation(id: "bureau", name: "示例局", kind: .bureau, regionCode: "320500")
        _ = try await store.createPerson(Person(id: "ana", organisationId: "bureau", displayName: "安娜", role: .viewer, createdAt: ""),
                                         password: AccountStoreTests.password)
        try await RawSQL.refuseAuditEntries(location)

        await #expect(throws: (any Error).self) {
            try await store.createLead(LeadStoreTests.lead("乙生物"), by: Self.actor) { Self.entry("lead.create", String($0.id)) }
        }
        await #expect(throws: (any Error).self) {
            try await store.updateLead(lead.id, organisation: "bureau", changes: [.notes: "约见"], readVersion: nil, by: Self.actor) {
                Self.entry("lead.update", String($0.after.id))
            }
        }
        await #expect(throws: (any Error).self) {
            try await store.moveLead(lead.id, organisation: "bureau", to: .contact, reason: nil, by: Self.actor) { Self.entry("lead.stage", String($0.after.id)) }
        }
        #expect(try await store.leads(LeadQuery(organisationId: "bureau")).items == [lead])
        #expect(try await store.leadHistory(lead.id, organisation: "bureau").count == 1)

        await #expect(throws: (any Error).self) {
            try await store.addWatch(WatchlistTests.watch("bureau", .region, "320000")) { Self.entry("watch.add", String($0.id)) }
        }
        await #expect(throws: (any Error).self) {
            try await store.removeWatch(watch.id, organisation: "bureau", person: nil) { Self.entry("watch.remove", String($0.id)) }
        }
        #expect(try await store.watchlist(organisation: "bureau") == [watch])

        await #expect(throws: (any Error).self) {
            try await store.createOrganisation(id: "park", name: "示例园区", kind: .park, regionCode: nil) { Self.entry("organisation.create", $0.id) }
        }
        await #expect(throws: (any Error).self) {
            try await store.createPerson(Person(id: "bob", organisationId: "bureau", displayName: "鲍勃", role: .viewer, createdAt: ""),
                                         password: AccountStoreTests.password) { Self.entry("person.create", $0.id) }
        }
        await #expect(throws: (any Error).self) {
            try await store.setRole("ana", role: .admin) { Self.entry("person.role", $0.after.id) }
        }
        await #expect(throws: (any Error).self) {
            try await store.setDisabled("ana", disabled: true) { Self.entry("person.disable", $0.after.id) }
        }
        // The workplace's own settings: a webhook, a person's API token, a password.
        let hook = Webhook(organisationId: "bureau", url: "https://example.org/hook", secret: "s", createdAt: "", updatedAt: "")
        await #expect(throws: (any Error).self) { try await store.setWebhook(hook) { _ in Self.entry("webhook.set", "bureau") } }
        #expect(try await store.webhook(organisation: "bureau") == nil)
        await #expect(throws: (any Error).self) {
            try await store.createPersonToken(person: "ana", name: "脚本", digest: "d", at: "") { Self.entry("token.create", String($0.id)) }
        }
        #expect(try await store.personTokens(person: "ana").isEmpty)
        await #expect(throws: (any Error).self) {
            try await store.setPassword("ana", password: "另一个足够长的密码-battery-staple") { Self.entry("person.password", $0.after.id) }
        }
        let stillOld = try await store.verifyPassword(login: "ana", password: AccountStoreTests.password, lockout: .standard, now: 0)
        guard case .signedIn = stillOld else { Issue.record("the old password no longer works: \(stillOld)"); return }

        // Signing in (a person, an organisation's token on /match): no entry, no session.
        await #expect(throws: (any Error).self) {
            try await store.createPersonSession(login: "ana", policy: .standard, now: 1000) { Self.entry("session.sign-in", $0.id) }
        }
        await #expect(throws: (any Error).self) {
            try await store.createSession(organisation: "bureau", policy: .standard, now: 1000) { Self.entry("session.sign-in", $0) }
        }
        #expect(try await RawSQL.integer(location, "SELECT COUNT(*) FROM sessions") == 0)

        #expect(try await store.organisations().map(\.id) == ["bureau"])
        let people = try await store.people(organisation: "bureau")
        #expect(people.map(\.id) == ["ana"] && people.first?.role == .viewer && people.first?.disabled == false)
        #expect(try await store.auditEntries(AuditQuery()).isEmpty)
    }
}

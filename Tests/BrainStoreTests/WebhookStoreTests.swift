import Foundation
import Testing
import BrainModel
import BrainStore

/// Webhooks, their delivery log and people's API tokens on both backends: each keyed by its organisation or person,
/// so one never reads or changes another's; a revoked token, or a disabled person's, names nobody.
@Suite struct WebhookStoreTests {
    static let at = "2026-11-30T06:00:00Z"

    func store(_ backend: Backend, _ name: String) async throws -> any ImportingStore {
        let store = try await ImportStoreTests().store(backend, name)
        _ = try await store.createOrganisation(id: "bureau", name: "苏州市工信局", kind: .bureau, regionCode: "320500")
        _ = try await store.createOrganisation(id: "park", name: "示例园区", kind: .park, regionCode: nil)
        return store
    }

    @Test(arguments: Backend.allCases) func webhooksAndDeliveriesStayWithTheirOrganisation(_ backend: Backend) async throws {
        let store = try await store(backend, "webhooks")
        let hook = Webhook(organisationId: "bureau", url: "https://example.gov.cn/a", secret: "s1", createdAt: Self.at, updatedAt: Self.at)
        #expect(try await store.setWebhook(hook) == nil)
        var moved = hook
        (moved.url, moved.updatedAt) = ("https://example.gov.cn/b", "2026-11-30T07:00:00Z")
        #expect(try await store.setWebhook(moved) == hook)
        #expect(try await store.webhook(organisation: "bureau") == moved)
        #expect(try await store.webhook(organisation: "park") == nil)
        #expect(try await store.removeWebhook(organisation: "park") == nil)

        let first = try await store.queueDelivery(WebhookDelivery(organisationId: "bureau", deliveryId: "d1", importId: 7, url: moved.url,
                                                                  alertCount: 2, createdAt: Self.at))
        let second = try await store.queueDelivery(WebhookDelivery(organisationId: "bureau", deliveryId: "d2", importId: nil, url: moved.url,
                                                                   alertCount: 1, createdAt: Self.at))
        #expect(second > first)
        try await store.updateDelivery(first, status: .failed, httpStatus: 500, attempts: 3, lastError: "HTTP 500", at: "2026-11-30T06:01:00Z")
        let log = try await store.deliveries(organisation: "bureau", limit: 10)
        #expect(log.map(\.deliveryId) == ["d2", "d1"])
        #expect(log[0].status == .pending && log[0].attempts == 0 && log[0].importId == nil && log[0].httpStatus == nil)
        #expect(log[1].status == .failed && log[1].httpStatus == 500 && log[1].attempts == 3 && log[1].lastError == "HTTP 500"
                && log[1].importId == 7 && log[1].updatedAt == "2026-11-30T06:01:00Z")
        #expect(try await store.deliveries(organisation: "park", limit: 10).isEmpty)
        #expect(try await store.removeWebhook(organisation: "bureau") == moved)
        #expect(try await store.webhook(organisation: "bureau") == nil)
        // The log outlives the webhook.
        #expect(try await store.deliveries(organisation: "bureau", limit: 10).count == 2)
    }

    @Test(arguments: Backend.allCases) func theAlertsOfAnImportAreEveryOrganisations(_ backend: Backend) async throws {
        let store = try await store(backend, "webhook_alerts")
        _ = try await store.addWatch(WatchlistTests.watch("bureau", .region, "320000"))
        _ = try await store.addWatch(WatchlistTests.watch("park", .region, "320500"))
        let outcome = try await ImportStoreTests().run(store, ImportStoreTests.header("a.csv"), [ImportStoreTests.firm(2, "苏州甲抗体生物科技有限公司")])
        let importId = try #require(outcome.importId)
        let alerts = try await store.alerts(importId: importId)
        #expect(alerts.map(\.organisationId).sorted() == ["bureau", "park"])
        #expect(alerts.allSatisfy { $0.change.importId == importId && $0.change.code == .firmNew })
        #expect(try await store.alerts(importId: importId + 1).isEmpty)
    }

    /// The outbox: a webhook starts after its organisation's latest alert; its unposted alerts come in id order and
    /// only its own; one holder at a time (a second server gets nothing until the hold is let go or runs out); alerts
    /// not marked posted (a failed round) stay for the next round.
    @Test(arguments: Backend.allCases) func theOutboxHoldsEachOrganisationsUnpostedAlertsForOneHolder(_ backend: Backend) async throws {
        let store = try await store(backend, "webhook_outbox")
        _ = try await store.addWatch(WatchlistTests.watch("bureau", .region, "320000"))
        _ = try await store.addWatch(WatchlistTests.watch("park", .region, "320500"))
        let runner = ImportStoreTests()
        // Raised before either webhook was set: never posted.
        _ = try await runner.run(store, ImportStoreTests.header("old.csv"), [ImportStoreTests.firm(2, "苏州旧事生物科技有限公司")])
        _ = try await store.setWebhook(Webhook(organisationId: "bureau", url: "https://example.gov.cn/a", secret: "s", createdAt: Self.at, updatedAt: Self.at))
        #expect(try await store.webhookBacklog().isEmpty)

        let outcome = try await runner.run(store, ImportStoreTests.header("new.csv"), [ImportStoreTests.firm(2, "苏州新事甲生物科技有限公司"),
                                                                                     ImportStoreTests.firm(3, "苏州新事乙生物科技有限公司")])
        // The park has alerts too, but no webhook: only the bureau's outbox has work.
        #expect(try await store.webhookBacklog() == ["bureau"])
        let (now, until, later) = ("2026-11-30T06:00:00Z", "2026-11-30T06:02:00Z", "2026-11-30T06:05:00Z")
        let held = try #require(try await store.claimWebhookOutbox(organisation: "bureau", holder: "one", now: now, until: until, limit: 10))
        #expect(held.webhook.url == "https://example.gov.cn/a" && held.alerts.count == 2)
        #expect(held.alerts.allSatisfy { $0.organisationId == "bureau" && $0.change.importId == outcome.importId })
        #expect(held.alerts.map(\.id) == held.alerts.map(\.id).sorted())
        // Held: a second server gets nothing; at most `limit` alerts a claim.
        #expect(try await store.claimWebhookOutbox(organisation: "bureau", holder: "two", now: now, until: until, limit: 10) == nil)
        #expect(try await store.claimWebhookOutbox(organisation: "bureau", holder: "one", now: now, until: until, limit: 1)?.alerts.map(\.id)
                == [held.alerts[0].id])
        #expect(try await store.claimWebhookOutbox(organisation: "park", holder: "one", now: now, until: until, limit: 10) == nil)

        // A failed round lets go and marks nothing: the alerts wait for the next holder.
        try await store.finishWebhookOutbox(organisation: "bureau", holder: "one", sent: [], at: now)
        let again = try #require(try await store.claimWebhookOutbox(organisation: "bureau", holder: "two", now: now, until: until, limit: 10))
        #expect(again.alerts.map(\.id) == held.alerts.map(\.id))
        // A hold that ran out is taken over.
        let taken = try #require(try await store.claimWebhookOutbox(organisation: "bureau", holder: "one", now: later, until: "2026-11-30T06:07:00Z", limit: 10))
        // Posted: marked, let go, nothing left; another organisation's alert ids are never marked through this one.
        let parkAlerts = try await store.alerts(importId: try #require(outcome.importId)).filter { $0.organisationId == "park" }.map(\.id)
        try await store.finishWebhookOutbox(organisation: "bureau", holder: "one", sent: taken.alerts.map(\.id) + parkAlerts, at: later)
        #expect(try await store.webhookBacklog().isEmpty)
        #expect(try await store.claimWebhookOutbox(organisation: "bureau", holder: "two", now: later, until: until, limit: 10)?.alerts.isEmpty == true)

        // A webhook set later starts from then; removing and setting again does not post what was raised between.
        _ = try await store.setWebhook(Webhook(organisationId: "park", url: "https://example.gov.cn/p", secret: "s", createdAt: Self.at, updatedAt: Self.at))
        #expect(try await store.webhookBacklog().isEmpty)
        _ = try await store.removeWebhook(organisation: "bureau")
        _ = try await runner.run(store, ImportStoreTests.header("third.csv"), [ImportStoreTests.firm(2, "苏州三事生物科技有限公司")])
        #expect(try await store.webhookBacklog() == ["park"])
        _ = try await store.setWebhook(Webhook(organisationId: "bureau", url: "https://example.gov.cn/a", secret: "s", createdAt: Self.at, updatedAt: Self.at))
        #expect(try await store.webhookBacklog() == ["park"])
    }

    @Test(arguments: Backend.allCases) func tokensActAsTheirPersonUntilRevoked(_ backend: Backend) async throws {
        let store = try await store(backend, "person_tokens")
        let ana = try await store.createPerson(AccountStoreTests.person("ana", organisation: "bureau"), password: AccountStoreTests.password)
        _ = try await store.createPerson(AccountStoreTests.person("bob", organisation: "park"), password: AccountStoreTests.password)
        let made = try await store.createPersonToken(person: "ana", name: "报表同步", digest: StoreSecret.digest("bp_one"), at: Self.at)
        let other = try await store.createPersonToken(person: "ana", name: "second", digest: StoreSecret.digest("bp_two"), at: Self.at)
        #expect(made.name == "报表同步" && other.id > made.id)

        let holder = try #require(try await store.tokenHolder(digest: StoreSecret.digest("bp_one"), at: "2026-11-30T06:05:00Z"))
        #expect(holder.person == ana && holder.organisation.id == "bureau")
        #expect(try await store.tokenHolder(digest: StoreSecret.digest("bp_nothing"), at: Self.at) == nil)
        let listed = try await store.personTokens(person: "ana")
        #expect(listed.map(\.id) == [other.id, made.id] && listed[1].lastUsedAt == "2026-11-30T06:05:00Z" && listed[0].lastUsedAt == nil)
        #expect(try await store.personTokens(person: "bob").isEmpty)

        // Another person cannot revoke it; its own person can, once.
        #expect(try await store.revokePersonToken(made.id, person: "bob", at: Self.at) == nil)
        #expect(try await store.revokePersonToken(made.id, person: "ana", at: Self.at)?.revokedAt == Self.at)
        #expect(try await store.revokePersonToken(made.id, person: "ana", at: Self.at) == nil)
        #expect(try await store.tokenHolder(digest: StoreSecret.digest("bp_one"), at: Self.at) == nil)
        // A disabled person's tokens name nobody.
        #expect(try await store.tokenHolder(digest: StoreSecret.digest("bp_two"), at: Self.at) != nil)
        _ = try await store.setDisabled("ana", disabled: true)
        #expect(try await store.tokenHolder(digest: StoreSecret.digest("bp_two"), at: Self.at) == nil)
    }
}

import Foundation
import Testing
import BrainIngest
import BrainModel
import BrainStore

/// Issue 19: publishing an import makes its change-feed rows public, so other organisations' watchers hear of them
/// then, in the publication's transaction; the owner's watchers, alerted at import time, are not alerted twice, and
/// withdrawing the publication hides (but keeps) the alerts already raised. The webhook outbox drains every unposted alert, so
/// the new ones reach the watcher's webhook too.
@Suite struct PublishAlertTests {
    static let at = "2026-11-30T09:00:00Z"

    static func watch(_ organisation: String) -> WatchItem {
        WatchItem(organisationId: organisation, kind: .region, targetId: "320500", createdAt: "2026-11-30T03:00:00Z")
    }

    @Test(arguments: Backend.allCases) func publishingRaisesOtherOrganisationsAlertsOnce(_ backend: Backend) async throws {
        let fixture = PrivateFirmStoreTests()
        let store = try await fixture.store(backend, "publish_alerts")
        _ = try await store.createOrganisation(id: "org-a", name: "甲")
        _ = try await store.createOrganisation(id: "org-b", name: "乙")
        _ = try await store.addWatch(Self.watch("org-a"))
        _ = try await store.addWatch(Self.watch("org-b"))
        _ = try await store.setWebhook(Webhook(organisationId: "org-b", url: "https://hooks.example.org/b", secret: "s",
                                               createdAt: Self.at, updatedAt: Self.at))
        let outcome = try await fixture.importPrivately(store, "org-a", "a.csv", [
            ImportStoreTests.firm(2, "苏州告警一号生物科技有限公司", city: "320500", employees: 10),
        ])
        let importId = try #require(outcome.importId)
        let ownAlerts = try await store.alerts(AlertQuery(organisationId: "org-a"))
        #expect(!ownAlerts.isEmpty && ownAlerts.allSatisfy { $0.change.importId == importId })
        #expect(try await store.alerts(AlertQuery(organisationId: "org-b")).isEmpty, "private: B hears nothing yet")

        _ = try await store.setImportPublished(importId, true, organisation: "org-a", scope: nil, by: "a-admin", at: Self.at, audit: nil)
        let other = try await store.alerts(AlertQuery(organisationId: "org-b"))
        #expect(!other.isEmpty && other.allSatisfy { $0.change.importId == importId && $0.watchTarget == "320500" })
        #expect(try await store.alerts(AlertQuery(organisationId: "org-a")).map(\.id) == ownAlerts.map(\.id), "A's are not raised twice")
        // The outbox drains every unposted alert: B's webhook now has them waiting.
        let held = try #require(try await store.claimWebhookOutbox(organisation: "org-b", holder: "test", now: Self.at,
                                                                   until: "2026-11-30T09:01:00Z", limit: 50))
        #expect(Set(held.alerts.map(\.id)) == Set(other.map(\.id)))

        // Withdrawn: B's alerts stay stored but are no longer B's to read, count or be posted; published again they are
        // readable again, and none is raised twice.
        _ = try await store.setImportPublished(importId, false, organisation: "org-a", scope: nil, by: "a-admin", at: Self.at, audit: nil)
        #expect(try await store.alerts(AlertQuery(organisationId: "org-b")).isEmpty)
        #expect(try await store.unreadAlertCount(organisation: "org-b") == 0)
        #expect(try await store.claimWebhookOutbox(organisation: "org-b", holder: "test", now: "2026-11-30T09:02:00Z",
                                                   until: "2026-11-30T09:03:00Z", limit: 50)?.alerts.isEmpty ?? true)
        _ = try await store.setImportPublished(importId, true, organisation: "org-a", scope: nil, by: "a-admin", at: Self.at, audit: nil)
        #expect(try await store.alerts(AlertQuery(organisationId: "org-b")).map(\.id) == other.map(\.id))
    }
}

import Foundation
import Testing
import BrainModel
import BrainStore

/// Watchlists and alerts on both backends: an import's changes raise alerts only for the watches they touch (a
/// region's watchers for firms in it and its districts, a node's, a firm's), private changes only for their own
/// organisation's watchers, and one organisation never sees, counts or changes another's.
@Suite struct WatchlistTests {
    static func watch(_ organisation: String, _ kind: WatchKind, _ target: String) -> WatchItem {
        WatchItem(organisationId: organisation, kind: kind, targetId: target, createdAt: "2026-11-30T03:00:00Z")
    }

    @Test(arguments: Backend.allCases) func alertsAreRaisedOnlyForWatchers(_ backend: Backend) async throws {
        let store = try await ImportStoreTests().store(backend, "watch-alerts")
        let province = try await store.addWatch(Self.watch("bureau", .region, "320000")).item
        _ = try await store.addWatch(Self.watch("bureau", .node, "antibodies"))
        _ = try await store.addWatch(Self.watch("park", .region, "310000"))
        _ = try await store.addWatch(Self.watch("lab", .node, "cro"))
        let again = try await store.addWatch(Self.watch("bureau", .region, "320000"))
        #expect(!again.created && again.item.id == province.id)
        #expect(try await store.watchlist(organisation: "bureau").count == 2)

        _ = try await ImportStoreTests().run(store, ImportStoreTests.header("a.csv"), [ImportStoreTests.firm(2, "苏州甲抗体生物科技有限公司")])
        let bureau = try await store.alerts(AlertQuery(organisationId: "bureau"))
        #expect(bureau.count == 2 && Set(bureau.map(\.watchKind)) == [.region, .node])
        #expect(bureau.allSatisfy { $0.change.code == .firmNew && $0.readAt == nil })
        #expect(try await store.alerts(AlertQuery(organisationId: "bureau", kind: .node)).count == 1)
        #expect(try await store.alerts(AlertQuery(organisationId: "park")).isEmpty)
        #expect(try await store.alerts(AlertQuery(organisationId: "lab")).isEmpty)
        #expect(try await store.unreadAlertCount(organisation: "bureau") == 2)
        #expect(try await store.unreadAlertCount(organisation: "park") == 0)

        // Another organisation cannot mark them read nor remove the watch.
        let ids = bureau.map(\.id)
        #expect(try await store.markAlertsRead(ids, organisation: "park", at: "2026-11-30T04:00:00Z") == 0)
        #expect(try await store.removeWatch(province.id, organisation: "park") == nil)
        #expect(try await store.markAlertsRead([ids[0]], organisation: "bureau", at: "2026-11-30T04:00:00Z") == 1)
        let listed = try await store.alerts(AlertQuery(organisationId: "bureau"))
        #expect(listed.first?.readAt == nil && listed.last?.readAt == "2026-11-30T04:00:00Z")
        #expect(try await store.alerts(AlertQuery(organisationId: "bureau", unreadOnly: true)).count == 1)
        #expect(try await store.removeWatch(province.id, organisation: "bureau")?.targetId == "320000")
        #expect(try await store.watchlist(organisation: "bureau").map(\.kind) == [.node])
        // An alert outlives its watch.
        #expect(try await store.alerts(AlertQuery(organisationId: "bureau")).count == 2)
    }

    @Test(arguments: Backend.allCases) func privateChangesAlertOnlyTheirOwnOrganisation(_ backend: Backend) async throws {
        let store = try await ImportStoreTests().store(backend, "watch-private")
        _ = try await store.addWatch(Self.watch("park", .region, "320500"))
        _ = try await store.addWatch(Self.watch("bureau", .region, "320500"))
        var header = ImportStoreTests.header("private.csv")
        header.organisation = "park"
        _ = try await ImportStoreTests().run(store, header, [ImportStoreTests.firm(2, "苏州乙抗体药业有限公司")])
        #expect(try await store.alerts(AlertQuery(organisationId: "park")).count == 1)
        #expect(try await store.alerts(AlertQuery(organisationId: "bureau")).isEmpty)
        #expect(try await store.unreadAlertCount(organisation: "bureau") == 0)
        #expect(try await store.markAlertsRead(nil, organisation: "park", at: "2026-11-30T04:00:00Z") == 1)
        #expect(try await store.unreadAlertCount(organisation: "park") == 0)
    }

    /// A person's watches are theirs: they see, count, mark and remove the organisation-wide watches and alerts and
    /// their own, never a colleague's personal ones; the organisation's token covers them all.
    @Test(arguments: Backend.allCases) func personalWatchesStayWithTheirPerson(_ backend: Backend) async throws {
        let store = try await ImportStoreTests().store(backend, "watch-person")
        _ = try await store.addWatch(Self.watch("bureau", .node, "antibodies"))
        var ana = Self.watch("bureau", .region, "320000"), bob = ana
        ana.personId = "ana"
        bob.personId = "bob"
        let anas = try await store.addWatch(ana).item
        let bobs = try await store.addWatch(bob)
        #expect(bobs.created && bobs.item.id != anas.id)
        #expect(try await store.watchlist(organisation: "bureau", person: "ana").map(\.id).contains(bobs.item.id) == false)
        #expect(try await store.watchlist(organisation: "bureau", person: "ana").count == 2)
        #expect(try await store.watchlist(organisation: "bureau").count == 3)

        _ = try await ImportStoreTests().run(store, ImportStoreTests.header("a.csv"), [ImportStoreTests.firm(2, "苏州甲抗体生物科技有限公司")])
        let anasAlerts = try await store.alerts(AlertQuery(organisationId: "bureau", personId: "ana"))
        #expect(anasAlerts.count == 2 && anasAlerts.allSatisfy { $0.personId == nil || $0.personId == "ana" })
        #expect(try await store.alerts(AlertQuery(organisationId: "bureau")).count == 3)
        #expect(try await store.unreadAlertCount(organisation: "bureau", person: "bob") == 2)

        // Ana cannot mark Bob's alert read nor remove his watch; her "all" leaves his own alert unread.
        let bobsAlert = try #require(try await store.alerts(AlertQuery(organisationId: "bureau", personId: "bob")).first { $0.personId == "bob" })
        #expect(try await store.markAlertsRead([bobsAlert.id], organisation: "bureau", person: "ana", at: "2026-11-30T04:00:00Z") == 0)
        #expect(try await store.removeWatch(bobs.item.id, organisation: "bureau", person: "ana") == nil)
        #expect(try await store.markAlertsRead(nil, organisation: "bureau", person: "ana", at: "2026-11-30T04:00:00Z") == 2)
        #expect(try await store.unreadAlertCount(organisation: "bureau", person: "bob") == 1)
        #expect(try await store.removeWatch(anas.id, organisation: "bureau", person: "ana")?.personId == "ana")
        #expect(try await store.removeWatch(bobs.item.id, organisation: "bureau")?.personId == "bob")
    }
}

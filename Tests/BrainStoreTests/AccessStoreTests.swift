import Foundation
import Testing
import BrainModel
import BrainStore

/// Sign-in sessions and admin tokens on both backends: only digests stored, idle and absolute ends, sign-out and
/// token rotation; and each import's organisation.
@Suite struct AccessStoreTests {
    func store(_ backend: Backend, _ name: String) async throws -> any ImportingStore {
        let location = try await DatabaseFixture.emptyLocation(backend, name)
        try await location.build(try ImportStoreTests.smallBundle.get())
        return try await location.open()
    }

    @Test(arguments: Backend.allCases) func sessionsEndWhenIdleOldSignedOutOrRotated(_ backend: Backend) async throws {
        let store = try await store(backend, "access_sessions")
        _ = try await store.createOrganisation(id: "bureau", name: "局")
        let policy = SessionPolicy(idleSeconds: 100, absoluteSeconds: 1_000, touchEverySeconds: 10)
        let t = 1_800_000_000
        let session = try await store.createSession(organisation: "bureau", policy: policy, now: t)
        #expect(session.count == 64)
        #expect(try await store.sessionOrganisation(session, policy: policy, now: t + 50)?.id == "bureau")
        #expect(try await store.sessionOrganisation(session, policy: policy, now: t + 140)?.id == "bureau", "the use at +50 kept it alive")
        #expect(try await store.sessionOrganisation(session, policy: policy, now: t + 240) == nil, "idle for 100 s")
        #expect(try await store.sessionOrganisation(session, policy: policy, now: t + 150) == nil, "an ended session is removed")
        // Used every 90 s it still ends 1,000 s after sign-in.
        let old = try await store.createSession(organisation: "bureau", policy: policy, now: t)
        for step in 1...11 { #expect(try await store.sessionOrganisation(old, policy: policy, now: t + 90 * step)?.id == "bureau") }
        #expect(try await store.sessionOrganisation(old, policy: policy, now: t + 1_000) == nil)
        let signedOut = try await store.createSession(organisation: "bureau", policy: policy, now: t)
        try await store.deleteSession(signedOut)
        #expect(try await store.sessionOrganisation(signedOut, policy: policy, now: t) == nil)
        let rotated = try await store.createSession(organisation: "bureau", policy: policy, now: t)
        _ = try await store.rotateToken(organisation: "bureau")
        #expect(try await store.sessionOrganisation(rotated, policy: policy, now: t) == nil)
        #expect(try await store.sessionOrganisation("nonsense", policy: policy, now: t) == nil)
        await #expect(throws: MarketStoreError.noSuchOrganisation("nobody")) {
            try await store.createSession(organisation: "nobody", policy: policy, now: t)
        }
    }

    @Test(arguments: Backend.allCases) func adminTokensAndImportOwners(_ backend: Backend) async throws {
        let store = try await store(backend, "access_admin")
        let token = try await store.createAdminToken()
        let another = try await store.createAdminToken()
        #expect(token.count == 64 && token != another)
        #expect(try await store.isAdminToken(token))
        #expect(try await !store.isAdminToken(String(token.reversed())))
        _ = try await store.createOrganisation(id: "park", name: "园区")
        let header = ImportHeader(kind: "offers", file: "offers.csv", fingerprint: "f1", asOf: "2026-11-01", importedAt: "2026-11-23T00:00:00Z")
        let offer = MarketBody.offer(ServiceOffer(provider: "示例 CRO", nodeId: "cro", regionCode: "320500"))
        _ = try await store.addMarketRecords([NewMarketRecord(offer)], organisation: "park", header: header)
        #expect(try await store.imports().map(\.organisationId) == ["park"])
    }
}

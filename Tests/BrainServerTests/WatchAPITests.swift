import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import BrainServer
import BrainModel
import BrainStore

/// Watches and alerts over HTTP: only an organisation watches (401 signed out, 403 without the session's CSRF token),
/// each sees and changes only its own watches and alerts, its private import alerts it alone, and the inbox lists
/// and marks its alerts.
@Suite struct WatchAPITests {
    func json(_ buffer: ByteBuffer) throws -> [String: Any] { try ServerFixture.jsonObject(buffer) }
    func array(_ buffer: ByteBuffer) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: buffer)) as? [[String: Any]])
    }
    static let region = ByteBuffer(string: #"{"kind": "region", "target": "320500"}"#)

    @Test func signedOutCallersCannotWatchOrReadAlerts() async throws {
        let store = try SQLiteStore(path: try ServerFixture.databaseCopy())
        try await ServerFixture.withApp(store: store) { client in
            try await client.execute(uri: "/api/watchlist", method: .get) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/api/alerts", method: .get) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/api/watchlist", method: .post, headers: [.contentType: "application/json"], body: Self.region) {
                #expect($0.status == .unauthorized)
            }
            try await client.execute(uri: "/api/watch/status", method: .get) { response in
                #expect(response.status == .ok)
                let body = try json(response.body)
                #expect(body["signedIn"] as? Bool == false && body["mayWatch"] as? Bool == false && body["csrf"] == nil)
            }
            try await client.execute(uri: "/inbox", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(response.status == .ok && html.contains("id=\"signin\"") && html.contains("value=\"/inbox\""))
            }
        }
        #expect(try await store.watchlist(organisation: "anyone").isEmpty)
    }

    @Test func organisationsWatchAndAreAlertedOfTheirOwnPrivateImportOnly() async throws {
        let store = try SQLiteStore(path: try ServerFixture.databaseCopy())
        let a = try await store.createOrganisation(id: "bureau", name: "苏州市工信局")
        let b = try await store.createOrganisation(id: "park", name: "示例园区")
        try await ServerFixture.withApp(store: store) { client in
            let watchId = try await client.execute(uri: "/api/watchlist", method: .post, headers: MarketAPITests.bearer(a.token), body: Self.region) { response in
                #expect(response.status == .created)
                return try #require(try json(response.body)["id"] as? Int)
            }
            try await client.execute(uri: "/api/watchlist", method: .post, headers: MarketAPITests.bearer(a.token), body: Self.region) {
                #expect($0.status == .ok)
            }
            try await client.execute(uri: "/api/watchlist", method: .post, headers: MarketAPITests.bearer(a.token),
                                     body: ByteBuffer(string: #"{"kind": "planet", "target": "320500"}"#)) { #expect($0.status == .badRequest) }
            try await client.execute(uri: "/api/watchlist", method: .post, headers: MarketAPITests.bearer(a.token),
                                     body: ByteBuffer(string: #"{"kind": "node", "target": "rockets"}"#)) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/api/watchlist", method: .post, headers: MarketAPITests.bearer(b.token), body: Self.region) {
                #expect($0.status == .created)
            }
            // B neither sees nor removes A's watch.
            try await client.execute(uri: "/api/watchlist", method: .get, headers: MarketAPITests.bearer(b.token)) { response in
                let owners = try array(response.body).map { $0["organisationId"] as? String }
                #expect(owners == ["park"])
            }
            try await client.execute(uri: "/api/watchlist/\(watchId)", method: .delete, headers: MarketAPITests.bearer(b.token)) {
                #expect($0.status == .notFound)
            }
            // A session's write without its CSRF token is refused.
            let (session, csrf) = try await ServerFixture.signIn(client, token: a.token)
            try await client.execute(uri: "/api/watchlist", method: .post, headers: ServerFixture.browser(session, contentType: "application/json"),
                                     body: ByteBuffer(string: #"{"kind": "node", "target": "antibodies"}"#)) { #expect($0.status == .forbidden) }

            // A imports a firm in 苏州 (private to A): A is alerted, B (watching the same region) is not.
            try await client.execute(uri: "/api/imports?kind=enterprises&file=watch.csv", method: .post, headers: MarketAPITests.bearer(a.token),
                                     body: AccessTests.csv("苏州关注测试")) { #expect($0.status == .ok) }
            let alertId = try await client.execute(uri: "/api/alerts?lang=en", method: .get, headers: MarketAPITests.bearer(a.token)) { response in
                let body = try json(response.body)
                #expect(body["unread"] as? Int == 1)
                let alerts = try #require(body["alerts"] as? [[String: Any]])
                let change = try #require(alerts.first?["change"] as? [String: Any])
                #expect(change["code"] as? String == "firm.new" && change["cityCode"] as? String == "320500" && change["isPrivate"] as? Bool == true)
                let text = try #require((change["reason"] as? [String: Any])?["text"] as? String)
                #expect(text.hasPrefix("new firm: “苏州关注测试生物有限公司”") && text.contains("苏州"), "\(text)")
                return try #require(alerts.first?["id"] as? Int)
            }
            try await client.execute(uri: "/api/alerts", method: .get, headers: MarketAPITests.bearer(b.token)) { response in
                let body = try json(response.body)
                #expect(body["unread"] as? Int == 0 && (body["alerts"] as? [Any])?.isEmpty == true)
            }
            try await client.execute(uri: "/api/changes?region=320500", method: .get) { response in
                let changes = try array(response.body)
                #expect(changes.isEmpty, "a private import's changes are not public")
            }
            try await client.execute(uri: "/api/changes?region=320500", method: .get, headers: MarketAPITests.bearer(a.token)) { response in
                let changes = try array(response.body)
                #expect(changes.count == 1)
            }

            // The inbox lists it for the session; the form marks it read with the CSRF token, not without.
            try await client.execute(uri: "/inbox", method: .get, headers: ServerFixture.browser(session)) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("data-alert=\"\(alertId)\"") && html.contains("新增企业：苏州关注测试生物有限公司"))
            }
            try await client.execute(uri: "/inbox/read", method: .post, headers: ServerFixture.browser(session),
                                     body: ByteBuffer(string: "ids=\(alertId)")) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "/inbox/read", method: .post, headers: ServerFixture.browser(session),
                                     body: ByteBuffer(string: "ids=\(alertId)&csrf=\(csrf)")) { #expect($0.status == .seeOther) }
            try await client.execute(uri: "/api/watch/status", method: .get, headers: ServerFixture.browser(session)) { response in
                let body = try json(response.body)
                #expect(body["mayWatch"] as? Bool == true && body["unread"] as? Int == 0 && body["csrf"] as? String == csrf)
            }
            try await client.execute(uri: "/api/watchlist/\(watchId)", method: .delete, headers: MarketAPITests.bearer(a.token)) {
                #expect($0.status == .ok)
            }
        }
        let audit = try await store.auditEntries(AuditQuery(organisationId: "bureau"))
        // The sign-in and the import are recorded too (docs/audit.md); here only the watch's own acts count.
        let watching = audit.filter { $0.action.hasPrefix("watch.") || $0.action.hasPrefix("alert.") }
        #expect(watching.map(\.action) == ["watch.remove", "alert.read", "watch.add"])
        #expect(watching.first?.before?.contains("320500") == true && watching.last?.after?.contains("320500") == true)
    }
}

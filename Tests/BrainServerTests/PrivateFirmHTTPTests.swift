import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import Testing
@testable import BrainServer
import BrainModel
import BrainStore

/// Issue 19: the firm of organisation A's private import is found, counted and shown to A (its token, its viewer)
/// and to the operator, and to nobody else: the isolation walk proves the nobody; this proves the filter takes
/// nothing from those who may see it.
@Suite struct PrivateFirmHTTPTests {
    static func get(_ client: any TestClientProtocol, _ uri: String, _ headers: HTTPFields) async throws -> (HTTPResponse.Status, String) {
        try await client.execute(uri: uri, method: .get, headers: headers) { ($0.status, String(buffer: $0.body)) }
    }

    @Test func theOwnerAndTheOperatorSeeThePrivateFirm() async throws {
        let world = try await IsolationWorld.make()
        let adminToken = try await world.store.createAdminToken()
        try await ServerFixture.withApp(store: world.store) { client in
            let records = try await world.createRecords(client)
            let viewer = ServerFixture.browser(try await IsolationTests.session(client, try #require(world.logins[.viewer])))
            let outsider = ServerFixture.browser(try await IsolationTests.session(client, world.bAdmin))
            let stem = IsolationWorld.escaped(IsolationWorld.markerStem)
            for (name, headers) in [("A's token", MarketAPITests.bearer(world.a.token)), ("A's viewer", viewer), ("operator", MarketAPITests.bearer(adminToken))] {
                for uri in ["/api/enterprises?q=\(stem)", "/api/search?q=\(stem)", "/search?q=\(stem)", "/api/enterprises/\(records.enterprise)",
                            "/api/enterprises/\(records.enterprise)/portrait", "/enterprises/\(records.enterprise)"] {
                    let (status, body) = try await Self.get(client, uri, headers)
                    #expect(status == .ok && body.contains(world.marker), "\(name) at \(uri): \(status)")
                }
                let (_, search) = try await Self.get(client, "/api/search?q=\(stem)", headers)
                #expect(search.contains(#""enterprisesTotal":1"#), "\(name) counts A's firm")
            }
            // The outsider's answers for A's id and for no firm at all are the same 404.
            let (status, body) = try await Self.get(client, "/api/enterprises/\(records.enterprise)", outsider)
            let (absentStatus, absentBody) = try await Self.get(client, "/api/enterprises/\(IsolationWorld.absentLike(records.enterprise))", outsider)
            #expect(status == .notFound && absentStatus == .notFound)
            #expect(IsolationTests.digitless(body) == IsolationTests.digitless(absentBody))
            let (_, search) = try await Self.get(client, "/api/search?q=\(stem)", outsider)
            #expect(search.contains(#""enterprisesTotal":0"#) && !search.contains(world.marker))
            // B cannot curate A's firm, and its refusal is the one for a firm that does not exist.
            func curate(_ firm: String) async throws -> (HTTPResponse.Status, String) {
                let body = #"{"firm": "\#(firm)", "action": "add", "node": "antibodies", "reason": "试", "source": "试"}"#
                return try await client.execute(uri: "/api/curations", method: .post, headers: MarketAPITests.bearer(world.b.token),
                                                body: ByteBuffer(string: body)) { ($0.status, String(buffer: $0.body)) }
            }
            let (curated, curatedBody) = try await curate(records.enterprise)
            let (absentCurated, absentCuratedBody) = try await curate(IsolationWorld.absentLike(records.enterprise))
            #expect(curated == .unprocessableContent && absentCurated == curated)
            #expect(IsolationTests.digitless(curatedBody) == IsolationTests.digitless(absentCuratedBody))
            #expect(!(try await world.store.curations(enterprise: records.enterprise)).contains { $0.author == "org:\(world.b.organisation.id)" })
            // Nor can B tell A's firm exists by watching it or opening a lead on it: the same refusal as for no firm.
            func post(_ uri: String, _ body: String) async throws -> (HTTPResponse.Status, String) {
                try await client.execute(uri: uri, method: .post, headers: MarketAPITests.bearer(world.b.token), body: ByteBuffer(string: body)) {
                    ($0.status, IsolationTests.digitless(String(buffer: $0.body)))
                }
            }
            for (uri, body) in [("/api/watchlist", #"{"kind": "firm", "target": "%@"}"#), ("/api/leads", #"{"enterpriseId": "%@", "firmName": "某公司"}"#)] {
                let hidden = try await post(uri, body.replacingOccurrences(of: "%@", with: records.enterprise))
                let absent = try await post(uri, body.replacingOccurrences(of: "%@", with: IsolationWorld.absentLike(records.enterprise)))
                #expect(hidden.0 != .ok && hidden.0 != .created && hidden.0 == absent.0, "\(uri): \(hidden.0) vs \(absent.0)")
                #expect(hidden.1 == absent.1, "\(uri): \(hidden.1) vs \(absent.1)")
            }
            // A lead form opened on A's firm does not lend B its name.
            let (_, form) = try await Self.get(client, "/leads/new?enterprise=\(records.enterprise)", outsider)
            #expect(!form.contains(world.marker))
        }
    }
}

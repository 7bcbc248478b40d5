import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import Testing
import BrainModel
import BrainServer
import BrainStore

/// People at work over HTTP (issue 19): a signed-in person's watches and alerts are theirs beside the
/// organisation-wide ones, a 招商专员 owns and writes leads (the owner a select of the organisation's people) but
/// imports nothing, and a viewer reads the board but every lead write answers 403.
@Suite struct WorkplaceHTTPTests {
    static let region = ByteBuffer(string: #"{"kind": "region", "target": "320500"}"#)

    static func session(_ client: any TestClientProtocol, _ login: String) async throws -> (session: String, csrf: String) {
        let session = try #require(try await AccountsHTTPTests.signIn(client, login).session)
        return (session, SessionToken.csrf(session: session))
    }

    static func watchTargets(_ client: any TestClientProtocol, _ headers: HTTPFields) async throws -> [Int] {
        try await client.execute(uri: "/api/watchlist", method: .get, headers: headers) { response in
            #expect(response.status == .ok)
            let items = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]])
            return items.compactMap { $0["id"] as? Int }
        }
    }

    @Test func aPersonsWatchIsTheirsAndTheOrganisationsTokenSeesAll() async throws {
        let (id, logins) = try await AccountsHTTPTests.organisation(roles: [.analyst, .investment])
        let analyst = try #require(logins[.analyst]), officer = try #require(logins[.investment])
        let token = try await ServerFixture.store().rotateToken(organisation: id).token
        try await ServerFixture.withApp { client in
            let (mine, csrf) = try await Self.session(client, analyst)
            let (theirs, theirCsrf) = try await Self.session(client, officer)
            let watch = try await client.execute(uri: "/api/watchlist", method: .post,
                                                 headers: ServerFixture.browser(mine, csrf: csrf, contentType: "application/json"), body: Self.region) { response in
                #expect(response.status == .created)
                let body = try ServerFixture.jsonObject(response.body)
                #expect(body["personId"] as? String == analyst)
                return try #require(body["id"] as? Int)
            }
            let organisationWide = try await client.execute(uri: "/api/watchlist", method: .post,
                                                            headers: MarketAPITests.bearer(token), body: Self.region) { response in
                #expect(response.status == .created)
                return try #require(try ServerFixture.jsonObject(response.body)["id"] as? Int)
            }
            #expect(try await Self.watchTargets(client, ServerFixture.browser(mine)) == [watch, organisationWide])
            #expect(try await Self.watchTargets(client, ServerFixture.browser(theirs)) == [organisationWide])
            #expect(try await Self.watchTargets(client, MarketAPITests.bearer(token)) == [watch, organisationWide])
            try await client.execute(uri: "/api/watch/status", method: .get, headers: ServerFixture.browser(theirs)) { response in
                let watches = try #require(try ServerFixture.jsonObject(response.body)["watches"] as? [[String: Any]])
                #expect(watches.compactMap { $0["id"] as? Int } == [organisationWide])
            }
            // A colleague cannot remove it; its person can.
            try await client.execute(uri: "/api/watchlist/\(watch)", method: .delete, headers: ServerFixture.browser(theirs, csrf: theirCsrf)) {
                #expect($0.status == .notFound)
            }
            try await client.execute(uri: "/api/watchlist/\(watch)", method: .delete, headers: ServerFixture.browser(mine, csrf: csrf)) {
                #expect($0.status == .ok)
            }
        }
    }

    @Test func theOwnerIsOneOfThePeopleAndAViewerReadsButNeverWrites() async throws {
        let (id, logins) = try await AccountsHTTPTests.organisation(roles: [.investment, .viewer, .analyst])
        let officer = try #require(logins[.investment]), viewer = try #require(logins[.viewer]), analyst = try #require(logins[.analyst])
        try await ServerFixture.withApp { client in
            let (session, csrf) = try await Self.session(client, officer)
            try await client.execute(uri: "/leads/new?firm=%E7%A4%BA%E4%BE%8B", method: .get, headers: ServerFixture.browser(session)) { response in
                let html = String(buffer: response.body)
                #expect(response.status == .ok && html.contains("id=\"lead-owner\""))
                #expect(html.contains("<option value=\"\(officer)\" selected>") && html.contains("<option value=\"\(viewer)\">"))
            }
            let created = try await client.execute(uri: "/api/leads", method: .post, headers: ServerFixture.browser(session, csrf: csrf),
                                                   body: ByteBuffer(string: "firmName=%E7%A4%BA%E4%BE%8B&region=320500")) { response in
                #expect(response.status == .created)
                let body = try ServerFixture.jsonObject(response.body)
                #expect(((body["fields"] as? [String: Any])?["owner"] as? String) == officer)
                return try #require(body["id"] as? Int)
            }
            // The board names the owner, and filters by them.
            try await client.execute(uri: "/leads?view=list&owner=\(officer)", method: .get, headers: ServerFixture.browser(session)) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("data-id=\"\(created)\"") && html.contains("<td class=\"lead-owner\">测试招商专员</td>"))
                #expect(html.contains("<option value=\"\(officer)\" selected>"))
            }
            try await client.execute(uri: "/leads?view=list&owner=\(analyst)", method: .get, headers: ServerFixture.browser(session)) { response in
                #expect(!String(buffer: response.body).contains("data-id=\"\(created)\""))
            }
            // A 招商专员 imports nothing.
            try await client.execute(uri: "/api/imports?kind=enterprises", method: .post,
                                     headers: ServerFixture.browser(session, csrf: csrf, contentType: "text/csv"), body: ByteBuffer(string: "name\n")) {
                #expect($0.status == .forbidden)
            }

            let (reader, readerCsrf) = try await Self.session(client, viewer)
            let headers = ServerFixture.browser(reader, csrf: readerCsrf)
            try await client.execute(uri: "/leads", method: .get, headers: ServerFixture.browser(reader)) { response in
                let html = String(buffer: response.body)
                #expect(response.status == .ok && html.contains("data-id=\"\(created)\"") && !html.contains("id=\"new-lead\""))
            }
            try await client.execute(uri: "/leads/\(created)", method: .get, headers: ServerFixture.browser(reader)) { response in
                #expect(response.status == .ok && !String(buffer: response.body).contains("id=\"edit-form\""))
            }
            let writes: [(String, HTTPRequest.Method, String)] = [
                ("/api/leads", .post, "firmName=x"), ("/leads", .post, "firmName=x&csrf=\(readerCsrf)"),
                ("/api/leads/\(created)/stage", .post, "stage=contacted"), ("/api/leads/\(created)", .patch, "nextStep=x"),
                ("/leads/\(created)/stage", .post, "stage=contacted&csrf=\(readerCsrf)"), ("/leads/\(created)/edit", .post, "notes=x&csrf=\(readerCsrf)"),
                ("/leads/new", .get, ""),
            ]
            for (uri, method, body) in writes {
                try await client.execute(uri: uri, method: method, headers: headers, body: ByteBuffer(string: body)) { response in
                    #expect(response.status == .forbidden, "\(method) \(uri)")
                }
            }
        }
        let lead = try #require(try await ServerFixture.store().leads(LeadQuery(organisationId: id)).items.first)
        #expect(lead.stage == .lead && lead.fields.notes == nil && lead.fields.owner == officer)
    }
}

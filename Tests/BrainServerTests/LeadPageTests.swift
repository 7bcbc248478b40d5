import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import BrainIngest
import BrainModel
import BrainServer
import BrainStore

/// The /leads pages: a signed-in organisation's forms open, move and edit leads (with the CSRF token) and its board
/// shows them with overdue ones marked; the signed-out see a sign-in form and nothing of any lead; the workbook is
/// Chinese first and safe from formula injection.
@Suite struct LeadPageTests {
    static func text(_ buffer: ByteBuffer) -> String { String(buffer: buffer) }

    static func form(_ fields: [(String, String)]) -> ByteBuffer {
        var components = URLComponents()
        components.queryItems = fields.map { URLQueryItem(name: $0.0, value: $0.1) }
        return ByteBuffer(string: (components.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B"))
    }

    @Test func anOrganisationOpensMovesAndSeesItsLeadsAndNobodyElseDoes() async throws {
        let (a, b) = try await MarketAPITests.organisations()
        try await ServerFixture.withApp { client in
            let (session, csrf) = try await ServerFixture.signIn(client, token: a.token)
            let browser = ServerFixture.browser(session)
            try await client.execute(uri: "/leads/new?enterprise=600276.SH&region=320506&node=cro&source=region-targets&reason=target.gap-node",
                                     method: .get, headers: browser) { response in
                let html = Self.text(response.body)
                #expect(response.status == .ok && html.contains(#"value="恒瑞医药""#) && html.contains(#"name="csrf" value="\#(csrf)""#))
            }
            let fields = [("firmName", "恒瑞医药"), ("enterpriseId", "600276.SH"), ("regionCode", "320506"), ("nodeId", "cro"),
                          ("source", "region-targets"), ("sourceReason", "target.gap-node"), ("dueDate", "2020-01-01")]
            try await client.execute(uri: "/leads", method: .post, headers: browser, body: Self.form(fields)) { #expect($0.status == .forbidden) }
            let location = try await client.execute(uri: "/leads", method: .post, headers: browser, body: Self.form(fields + [("csrf", csrf)])) { response in
                #expect(response.status == .seeOther)
                return response.headers[.location] ?? ""
            }
            #expect(location.hasPrefix("/leads/"))
            try await client.execute(uri: location + "/stage", method: .post, headers: browser,
                                     body: Self.form([("stage", "signed"), ("csrf", csrf)])) { #expect($0.status == .seeOther) }
            try await client.execute(uri: location, method: .get, headers: browser) { response in
                let html = Self.text(response.body)
                #expect(html.contains(#"data-stage="signed""#) && html.contains("线索 → 签约") && html.contains("新建线索（线索）"))
            }
            try await client.execute(uri: "/leads", method: .get, headers: browser) { response in
                let html = Self.text(response.body)
                #expect(html.contains("恒瑞医药") && html.contains("lead-card is-overdue") && html.contains(#"data-stage="signed" data-count="1""#))
            }
            try await client.execute(uri: "/leads/nav.json", method: .get, headers: browser) { response in
                let nav = try ServerFixture.jsonObject(response.body)
                #expect(nav["signedIn"] as? Bool == true && nav["overdue"] as? Int == 1 && nav["mayManage"] as? Bool == true)
            }
            // Signed out and another organisation: nothing of it.
            try await client.execute(uri: "/leads", method: .get) { response in
                let html = Self.text(response.body)
                #expect(response.status == .ok && html.contains(#"id="signed-out""#) && !html.contains("lead-card"))
            }
            try await client.execute(uri: "/leads/nav.json", method: .get) { response in
                let nav = try ServerFixture.jsonObject(response.body)
                #expect(nav["signedIn"] as? Bool == false && nav["total"] as? Int == 0)
            }
            for uri in [location, "/leads.xlsx", "/leads/new"] {
                try await client.execute(uri: uri, method: .get) { #expect($0.status == .unauthorized, "\(uri)") }
            }
            let other = try await ServerFixture.signIn(client, token: b.token)
            try await client.execute(uri: location, method: .get, headers: ServerFixture.browser(other.session)) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/leads", method: .get, headers: ServerFixture.browser(other.session)) { response in
                #expect(!Self.text(response.body).contains("lead-card"))
            }
        }
    }

    @Test func theWorkbookIsChineseFirstAndFormulaSafe() async throws {
        let (a, _) = try await MarketAPITests.organisations()
        try await ServerFixture.withApp { client in
            _ = try await LeadAPITests.create(client, token: a.token, body: #"{"firmName": "=HYPERLINK(\"http://x\")", "notes": "@SUM(1)"}"#)
            for (uri, header) in [("/leads.xlsx", "企业"), ("/leads.xlsx?lang=en", "Firm")] {
                try await client.execute(uri: uri, method: .get, headers: LeadAPITests.bearer(a.token)) { response in
                    #expect(response.status == .ok)
                    let url = FileManager.default.temporaryDirectory.appendingPathComponent("leads-test-\(UUID().uuidString).xlsx")
                    defer { try? FileManager.default.removeItem(at: url) }
                    try Data(buffer: response.body).write(to: url)
                    var reader = try XLSXReader(url: url, sheet: nil)
                    defer { reader.close() }
                    var rows: [[String]] = []
                    while let item = try reader.next() { if case .record(_, let fields) = item { rows.append(fields) } }
                    #expect(rows.first?[1] == header && rows.count == 2)
                    #expect(rows.last?[1] == #"'=HYPERLINK("http://x")"# && rows.last?.contains("'@SUM(1)") == true, "\(rows)")
                }
            }
        }
    }
}

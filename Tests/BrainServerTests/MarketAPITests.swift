import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import BrainModel
import BrainServer
import BrainStore

/// The market over HTTP: tokens, privacy until shared, matches, and the /match pages' forms.
@Suite struct MarketAPITests {
    /// Two organisations with fresh ids (the fixture database is shared by the target's tests).
    static func organisations() async throws -> (a: OrganisationCredentials, b: OrganisationCredentials) {
        let store = try ServerFixture.store(), suffix = UUID().uuidString.prefix(8).lowercased()
        return (try await store.createOrganisation(id: "bureau-\(suffix)", name: "苏州市工信局"),
                try await store.createOrganisation(id: "platform-\(suffix)", name: "示例平台"))
    }

    static func bearer(_ token: String) -> HTTPFields { [.authorization: "Bearer \(token)", .contentType: "application/json"] }
    /// A signed-in browser's form post or page request (the session from `ServerFixture.signIn`).
    static func cookie(_ session: String) -> HTTPFields { ServerFixture.browser(session) }

    @Test func demandsArePrivateToTheirOrganisationUntilShared() async throws {
        let (a, b) = try await Self.organisations()
        try await ServerFixture.withApp { client in
            let body = ByteBuffer(string: #"{"title": "IND 前药理毒理研究", "node": "cro", "region": "苏州市", "budget": 300}"#)
            try await client.execute(uri: "/api/demands", method: .post, body: body) { #expect($0.status == .unauthorized) }
            var id = 0
            try await client.execute(uri: "/api/demands", method: .post, headers: Self.bearer(a.token), body: body) { response in
                #expect(response.status == .created)
                let record = try ServerFixture.jsonObject(response.body)
                id = try #require(record["id"] as? Int)
                #expect(record["shared"] as? Bool == false && response.headers[.location] == "/api/demands/\(id)")
            }
            for headers in [HTTPFields(), Self.bearer(b.token)] {
                try await client.execute(uri: "/api/demands/\(id)", method: .get, headers: headers) { #expect($0.status == .notFound) }
                try await client.execute(uri: "/api/demands", method: .get, headers: headers) { response in
                    let list = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]])
                    #expect(!list.contains { $0["id"] as? Int == id })
                }
            }
            let share = ByteBuffer(string: #"{"shared": true}"#)
            try await client.execute(uri: "/api/market/\(id)/share", method: .post, headers: Self.bearer(b.token), body: share) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/api/market/\(id)/share", method: .post, headers: Self.bearer(a.token), body: share) { #expect($0.status == .ok) }
            try await client.execute(uri: "/api/demands/\(id)", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/api/demands/\(id)/matches?limit=3", method: .get) { response in
                #expect(response.status == .ok)
                let result = try ServerFixture.jsonObject(response.body)
                let matches = try #require(result["matches"] as? [[String: Any]])
                #expect(matches.count == 3 && (result["candidates"] as? Int ?? 0) > 3)
                // Each reason is its code, values and text in the language asked (Chinese by default).
                let reasons = try #require(matches.first?["reasons"] as? [[String: Any]]).compactMap { $0["text"] as? String }
                #expect(reasons.contains("提供 CRO 研发外包") && reasons.contains("需求 IND 前药理毒理研究"))
            }
            try await client.execute(uri: "/api/market/\(id)", method: .delete, headers: Self.bearer(b.token)) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/api/market/\(id)", method: .delete, headers: Self.bearer(a.token)) { #expect($0.status == .noContent) }
        }
    }

    @Test func badFieldsAreNamedAndNothingIsStored() async throws {
        let (a, _) = try await Self.organisations()
        try await ServerFixture.withApp { client in
            for (body, field) in [(#"{"title": "x", "node": "火箭", "region": "苏州市"}"#, "node"),
                                  (#"{"title": "x", "node": "cro", "region": "火星"}"#, "region"),
                                  (#"{"title": "x", "node": "抗体药物", "region": "苏州市", "need": "service"}"#, "node"),
                                  (#"{"title": ["x"], "node": "cro", "region": "苏州市"}"#, "JSON object"),
                                  ("not json", "JSON object")] {
                try await client.execute(uri: "/api/demands?lang=en", method: .post, headers: Self.bearer(a.token), body: ByteBuffer(string: body)) { response in
                    #expect(response.status == .badRequest)
                    let message = try ServerFixture.errorMessage(response.body)
                    #expect(message?.contains(field) == true, "\(body) → \(message ?? "")")
                }
            }
        }
        let stored = try await ServerFixture.store().marketRecords(.demand, visibleTo: a.organisation.id).filter { $0.organisationId == a.organisation.id }
        #expect(stored.isEmpty, "\(stored)")
    }

    @Test func theMatchPageSignsInPostsAndShowsMatchesToItsOrganisationOnly() async throws {
        let (a, b) = try await Self.organisations()
        try await ServerFixture.withApp { client in
            try await client.execute(uri: "/match", method: .get) { response in
                #expect(response.status == .ok && String(buffer: response.body).contains("id=\"token\""))
            }
            try await client.execute(uri: "/match/signin", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: "token=wrong")) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/match/signin", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: "token=\(a.token)")) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.setCookie].map { $0.contains("HttpOnly") && $0.contains("SameSite=Strict") } == true)
            }
            let (sa, csrfA) = try await ServerFixture.signIn(client, token: a.token), (sb, csrfB) = try await ServerFixture.signIn(client, token: b.token)
            let form = "csrf=\(csrfA)&need=service&title=%3Cscript%3Ealert(1)%3C%2Fscript%3E&node=cdmo&region=%E4%B8%8A%E6%B5%B7%E5%B8%82&budget=500"
            var location = ""
            try await client.execute(uri: "/match/demands", method: .post, headers: Self.cookie(sa), body: ByteBuffer(string: form)) { response in
                #expect(response.status == .seeOther)
                location = response.headers[.location] ?? ""
            }
            #expect(location.hasPrefix("/match/demands/"))
            try await client.execute(uri: location, method: .get, headers: Self.cookie(sa)) { response in
                let html = String(buffer: response.body)
                #expect(response.status == .ok && html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !html.contains("<script>alert(1)"))
                #expect(html.contains("class=\"match\"") && html.contains("CMO/CDMO"))
            }
            try await client.execute(uri: location, method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/match", method: .get, headers: Self.cookie(sa)) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("苏州市工信局") && html.contains(#"<span class="zh">仅本机构</span><span class="en">private</span>"#)
                        && html.contains(#"<span class="zh">分享</span><span class="en">Share</span>"#))
            }
            try await client.execute(uri: "/match/demands", method: .post, headers: Self.cookie(sa),
                                     body: ByteBuffer(string: "csrf=\(csrfA)&title=x&node=cro&region=%E7%81%AB%E6%98%9F")) { response in
                #expect(response.status == .badRequest && String(buffer: response.body).contains("id=\"error\""))
            }
            // Shared from its own page, back to it; then anyone sees it; then deleted from the list.
            let id = String(location.split(separator: "/").last ?? "")
            try await client.execute(uri: "/match/share/\(id)", method: .post, headers: Self.cookie(sa),
                                     body: ByteBuffer(string: "csrf=\(csrfA)&shared=1&back=demand")) { response in
                #expect(response.status == .seeOther && response.headers[.location] == location)
            }
            try await client.execute(uri: location, method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/match/delete/\(id)", method: .post, headers: Self.cookie(sb), body: ByteBuffer(string: "csrf=\(csrfB)")) {
                #expect($0.status == .notFound)
            }
            // Without the session's CSRF token (a form from another site) nothing is deleted.
            try await client.execute(uri: "/match/delete/\(id)", method: .post, headers: Self.cookie(sa), body: ByteBuffer()) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(uri: location, method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/match/delete/\(id)", method: .post, headers: Self.cookie(sa), body: ByteBuffer(string: "csrf=\(csrfA)")) {
                #expect($0.status == .seeOther)
            }
            try await client.execute(uri: location, method: .get) { #expect($0.status == .notFound) }
        }
    }

    @Test func talentsAndOffersFilesImportIntoTheSignedInOrganisation() async throws {
        let (a, b) = try await Self.organisations()
        // Made-up people for the test only (the default data holds none).
        let csv = "姓名,产业链环节,地区,人才称号,h指数\n测试甲,抗体药物,苏州市,国家杰青,40\n测试乙,火箭,苏州市,,\n"
        try await ServerFixture.withApp { client in
            let uri = "/api/imports?kind=talents&file=talents.csv"
            try await client.execute(uri: uri, method: .post, body: ByteBuffer(string: csv)) { #expect($0.status == .unauthorized) }
            // The rejected row's reason in the reader's language, as for every kind of file.
            for lang in ["zh", "en"] {
                try await client.execute(uri: "/api/imports/check?kind=talents&file=talents.csv&lang=\(lang)", method: .post,
                                         body: ByteBuffer(string: csv)) { response in
                    let summary = try #require(try ServerFixture.jsonObject(response.body)["summary"] as? [String: Any])
                    #expect(summary["accepted"] as? Int == 1 && summary["rejected"] as? Int == 1)
                    let problem = try #require((summary["problems"] as? [[String: Any]])?.first)
                    let wording = (problem["reason"] as? String ?? "").replacingOccurrences(of: "火箭", with: "")
                    let chinese = wording.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
                    #expect(lang == "zh" ? chinese && wording.first?.isASCII == false : wording.hasPrefix("not a chain node"), "\(lang): \(wording)")
                }
            }
            try await client.execute(uri: uri, method: .post, headers: Self.bearer(a.token), body: ByteBuffer(string: csv)) { response in
                #expect(response.status == .ok)
                let outcome = try #require(try ServerFixture.jsonObject(response.body)["outcome"] as? [String: Any])
                #expect(outcome["created"] as? Int == 1)
            }
            let sa = try await ServerFixture.signIn(client, token: a.token).session, sb = try await ServerFixture.signIn(client, token: b.token).session
            for (session, shown) in [(sa, true), (sb, false)] {
                try await client.execute(uri: "/match", method: .get, headers: Self.cookie(session)) { response in
                    let html = String(buffer: response.body)
                    #expect(html.contains("测试甲") == shown && (html.contains("国家级领军人才") == shown))
                }
            }
            for (token, count) in [(a.token, 1), (b.token, 0)] {
                try await client.execute(uri: "/api/talents", method: .get, headers: Self.bearer(token)) { response in
                    let list = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]])
                    let mine = list.filter { (($0["record"] as? [String: Any])?["organisationId"] as? String) == a.organisation.id }
                    #expect(mine.count == count)
                    if let score = (mine.first?["leadingTalent"] as? [String: Any])?["total"] as? Double { #expect(score > 28) }
                }
            }
        }
    }

    @Test func theRegionReportCountsTheTalentDemandTheViewerMaySee() async throws {
        let (a, b) = try await Self.organisations()
        let store = try ServerFixture.store()
        // A district of its own so other tests' demands do not count: 苏州工业园区 (320576).
        let demand = MarketBody.demand(Demand(need: .talent, title: "双抗负责人", nodeId: "antibodies", regionCode: "320576", headcount: 4))
        _ = try await store.addMarketRecords([NewMarketRecord(demand)], organisation: a.organisation.id, header: nil)
        try await ServerFixture.withApp { client in
            func headcount(_ headers: HTTPFields) async throws -> Int {
                var value = -1
                try await client.execute(uri: "/api/regions/320576/report", method: .get, headers: headers) { response in
                    let talent = try #require(try ServerFixture.jsonObject(response.body)["talent"] as? [String: Any])
                    value = try #require((talent["demand"] as? [String: Any])?["headcount"] as? Int)
                }
                return value
            }
            let anonymous = try await headcount([:]), other = try await headcount(Self.bearer(b.token))
            #expect(try await headcount(Self.bearer(a.token)) == anonymous + 4)
            #expect(other == anonymous)
        }
    }
}

import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import BrainStore

/// A policy file imported over the API by an organisation: its clauses join the bundled ones in that organisation's
/// policy matching, with the action the firm must take apart from the conditions, and no other organisation sees them.
@Suite struct PolicyImportAPITests {
    @Test func anImportedClauseIsMatchedForItsOrganisationOnly() async throws {
        let (a, b) = try await MarketAPITests.organisations()
        let id = "t-\(UUID().uuidString.prefix(6).lowercased())"
        let csv = """
            编号,政策名称,条款,发布地区,生物医药企业,上市企业,企业需办事项,最高金额(万元)
            \(id),连云港市医药产业若干措施（测试）,研发中心奖励,连云港市,是,是,在连云港市设立研发中心,1000
            bad,政策,条款,连云港市,也许,,,
            """
        try await ServerFixture.withApp { client in
            try await client.execute(uri: "/api/imports?kind=policies&file=policies.csv", method: .post, headers: MarketAPITests.bearer(a.token),
                                     body: ByteBuffer(string: csv)) { response in
                #expect(response.status == .ok)
                let body = try ServerFixture.jsonObject(response.body)
                #expect((body["outcome"] as? [String: Any])?["created"] as? Int == 1)
                let problems = try #require((body["summary"] as? [String: Any])?["problems"] as? [[String: Any]])
                #expect(problems.count == 1 && problems.first?["row"] as? Int == 3 && problems.first?["column"] as? String == "生物医药企业")
            }
            for (token, shown) in [(a.token, true), (b.token, false)] {
                // The enterprise page lists the organisation's own clauses too, as the API does.
                try await client.execute(uri: "/enterprises/600276.SH", method: .get, headers: MarketAPITests.bearer(token)) { response in
                    #expect(response.status == .ok)
                    #expect(String(buffer: response.body).contains("研发中心奖励") == shown)
                }
                try await client.execute(uri: "/api/enterprises/600276.SH/policies", method: .get, headers: MarketAPITests.bearer(token)) { response in
                    #expect(response.status == .ok)
                    let list = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]])
                    let match = list.first { ($0["policy"] as? [String: Any])?["id"] as? String == id }
                    #expect((match != nil) == shown)
                    guard let match else { return }
                    #expect(match["status"] as? String == "eligible", "恒瑞 is a listed biomedicine firm")
                    #expect(match["action"] as? String == "在连云港市设立研发中心")
                    let conditions = try #require(match["conditions"] as? [[String: Any]])
                    #expect(conditions.count == 2 && !conditions.contains { ($0["condition"] as? String ?? "").contains("研发中心") },
                            "the action is not one of the conditions")
                }
                try await client.execute(uri: "/api/policies", method: .get, headers: MarketAPITests.bearer(token)) { response in
                    let list = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]])
                    #expect(list.contains { ($0["policy"] as? [String: Any])?["id"] as? String == id } == shown)
                    #expect(list.contains { ($0["policy"] as? [String: Any])?["id"] as? String == "sz-hq" }, "the bundled clauses stay")
                }
            }
        }
    }

    @Test func aClauseWhoseIdIsTakenIsShownAndRoutedUnderItsOrganisation() async throws {
        let (a, b) = try await MarketAPITests.organisations()
        let csv = """
            编号,政策名称,条款,发布地区,上市企业
            sz-hq,某区医药产业措施（测试，与内置条款同编号）,上市奖励,苏州市,是
            """
        try await ServerFixture.withApp { client in
            try await client.execute(uri: "/api/imports?kind=policies&file=clash.csv", method: .post, headers: MarketAPITests.bearer(a.token),
                                     body: ByteBuffer(string: csv)) { #expect($0.status == .ok) }
            var shownId = ""
            try await client.execute(uri: "/api/policies", method: .get, headers: MarketAPITests.bearer(a.token)) { response in
                let list = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]])
                let ids = list.compactMap { ($0["policy"] as? [String: Any])?["id"] as? String }
                #expect(ids.contains("sz-hq"), "the bundled clause keeps its id")
                shownId = try #require(ids.first { $0.hasPrefix("sz-hq@") }, "\(ids)")
            }
            #expect(!shownId.contains("/"))
            try await client.execute(uri: "/api/policies/\(shownId)", method: .get, headers: MarketAPITests.bearer(a.token)) { response in
                #expect(response.status == .ok)
                let body = try ServerFixture.jsonObject(response.body)
                #expect((body["policy"] as? [String: Any])?["clause"] as? String == "上市奖励")
            }
            try await client.execute(uri: "/api/policies/\(shownId)", method: .get, headers: MarketAPITests.bearer(b.token)) { response in
                #expect(response.status == .notFound, "another organisation does not see the clause")
            }
        }
    }
}

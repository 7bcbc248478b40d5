import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import BrainServer
import BrainStore

@Suite struct APITests {
    func withApp(_ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await ServerFixture.withApp(test)
    }

    func json(_ buffer: ByteBuffer) throws -> [String: Any] { try ServerFixture.jsonObject(buffer) }

    @Test func regionReturnsTheDocumentedFields() async throws {
        try await withApp { client in
            try await client.execute(uri: "/api/regions/320500", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                let body = try json(response.body)
                #expect(body["name"] as? String == "苏州市")
                #expect(body["level"] as? String == "city")
                #expect((body["parent"] as? [String: Any])?["code"] as? String == "320000")
                let children = try #require(body["children"] as? [[String: Any]])
                #expect(children.contains { $0["code"] as? String == "320576" && $0["name"] as? String == "苏州工业园区" })
                let nodes = try #require(body["nodes"] as? [[String: Any]])
                #expect(nodes.count == 44)
                #expect(nodes.allSatisfy { $0["id"] is String && $0["firms"] is Int && $0["tier"] is String })
                #expect((body["biomedicineFirms"] as? Int ?? 0) >= 5)
            }
        }
    }

    @Test func unknownAndMalformedCodesGiveJSONErrors() async throws {
        try await withApp { client in
            try await client.execute(uri: "/api/regions/999999", method: .get) { response in
                #expect(response.status == .notFound)
                let body = try json(response.body)
                #expect(body["status"] as? Int == 404)
                let error = try #require(body["error"] as? [String: Any])
                #expect(error["code"] as? String == "api.no-region" && (error["message"] as? String)?.contains("999999") == true)
                #expect((error["message"] as? String)?.contains("没有代码为") == true, "Chinese by default")
            }
            try await client.execute(uri: "/api/regions/abc", method: .get) { response in
                #expect(response.status == .badRequest)
                let body = try json(response.body)
                #expect(body["status"] as? Int == 400)
            }
            try await client.execute(uri: "/api/enterprises/NOPE.SZ", method: .get) { response in
                #expect(response.status == .notFound)
                let body = try json(response.body)
                #expect(body["error"] is [String: Any])
            }
            try await client.execute(uri: "/api/regions/999999?lang=en", method: .get) { response in
                let message = try ServerFixture.errorMessage(response.body)
                #expect(message == "no region with code 999999")
            }
            try await client.execute(uri: "/api/regions/999999", method: .get, headers: [.acceptLanguage: "en-GB,en;q=0.8"]) { response in
                let message = try ServerFixture.errorMessage(response.body)
                #expect(message == "no region with code 999999")
            }
            // An analysis's refusal is a reason too: Chinese by default, English when asked, never an English sentence
            // inside a Chinese one; a query the form syntax cannot read likewise.
            try await client.execute(uri: "/api/chokepoints?node=nope", method: .get) { response in
                #expect(response.status == .badRequest)
                let message = try ServerFixture.errorMessage(response.body)
                #expect(message == "未知的产业链节点 nope")
            }
            try await client.execute(uri: "/api/chokepoints?node=nope&lang=en", method: .get) { response in
                let message = try ServerFixture.errorMessage(response.body)
                #expect(message == "unknown chain node nope")
            }
            try await client.execute(uri: "/api/chokepoints?node=a&node=b", method: .get) { response in
                #expect(response.status == .badRequest)
                let message = try ServerFixture.errorMessage(response.body)
                #expect(message == "表单或查询参数无法读取：参数名重复（node）")
            }
            try await client.execute(uri: "/api/no-such-route", method: .get) { response in
                #expect(response.status == .notFound)
                let body = try json(response.body)
                #expect(body["status"] as? Int == 404)
            }
        }
    }

    @Test func searchPagesAndEmptyResults() async throws {
        try await withApp { client in
            try await client.execute(uri: "/api/enterprises?q=%E5%8C%BB%E8%8D%AF&limit=20", method: .get) { response in
                #expect(response.status == .ok)
                let body = try json(response.body)
                let items = try #require(body["items"] as? [[String: Any]])
                #expect(items.contains { $0["name"] as? String == "上海医药" })
                #expect(body["limit"] as? Int == 20 && body["offset"] as? Int == 0)
                #expect((body["total"] as? Int ?? 0) >= items.count)
            }
            let missing = "不存在的公司".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!
            try await client.execute(uri: "/api/enterprises?q=\(missing)", method: .get) { response in
                #expect(response.status == .ok)
                let body = try json(response.body)
                #expect((body["items"] as? [Any])?.isEmpty == true)
                #expect(body["total"] as? Int == 0)
            }
            try await client.execute(uri: "/api/enterprises?q=x&limit=0", method: .get) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/api/enterprises?q=x&offset=-3", method: .get) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    /// Found by schemathesis: a NUL in the search text ended SQLite's FTS5 query string and the search answered 500.
    @Test func controlCharactersInSearchTextAreIgnored() async throws {
        try await withApp { client in
            for uri in ["/api/enterprises?q=%E6%81%92%00%E7%91%9E", "/api/search?q=%00%7D%E5%8C%BB%E8%8D%AF", "/api/enterprises?q=%00%01%02"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri): \(String(buffer: response.body))")
                }
            }
        }
    }

    @Test func enterpriseAndChain() async throws {
        try await withApp { client in
            try await client.execute(uri: "/api/enterprises/600276.SH", method: .get) { response in
                #expect(response.status == .ok)
                let body = try json(response.body)
                #expect((body["enterprise"] as? [String: Any])?["cityCode"] as? String == "320700")
                let assignments = try #require(body["assignments"] as? [[String: Any]])
                #expect(assignments.contains { $0["nodeId"] as? String == "chemical-drugs" })
            }
            try await client.execute(uri: "/api/chain", method: .get) { response in
                #expect(response.status == .ok)
                let body = try json(response.body)
                let tiers = try #require(body["tiers"] as? [[String: Any]])
                #expect(tiers.map { $0["id"] as? String } == ["upstream", "midstream", "downstream"])
                let nodes = try #require(body["nodes"] as? [[String: Any]])
                let chemical = try #require(nodes.first { $0["id"] as? String == "chemical-drugs" })
                #expect((chemical["firms"] as? Int ?? 0) >= 100)
            }
            try await client.execute(uri: "/api/regions/000000/children", method: .get) { response in
                #expect(response.status == .ok)
                let rows = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]])
                #expect(rows.count >= 31)
            }
        }
    }

    @Test func homePageAndAssets() async throws {
        try await withApp { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
                let html = String(buffer: response.body)
                #expect(html.contains("id=\"map\""))
                #expect(html.contains("江苏省"))
                #expect(html.contains("/assets/echarts.min.js"))
            }
            try await client.execute(uri: "/geo/province.json", method: .get) { response in
                #expect(response.status == .ok)
                let geo = try json(response.body)
                #expect((geo["features"] as? [Any])?.count ?? 0 >= 34)
            }
        }
    }
}

import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import BrainServer
import BrainModel

/// The analytics routes over real HTTP (in-process router) on the real default database.
@Suite struct AnalyticsAPITests {
    func withApp(_ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await ServerFixture.withApp(test)
    }

    func object(_ buffer: ByteBuffer) throws -> [String: Any] { try ServerFixture.jsonObject(buffer) }

    @Test func regionMethodsReturnTheirReports() async throws {
        try await withApp { client in
            try await client.execute(uri: "/api/regions/320500/opportunities", method: .get) { response in
                #expect(response.status == .ok)
                let body = try object(response.body)
                let items = try #require(body["opportunities"] as? [[String: Any]])
                #expect(!items.isEmpty)
                #expect(items.allSatisfy { $0["density"] is Double && $0["quadrant"] is String && $0["reason"] is [String: Any] })
                // Chinese by default: each reason is its code and values with the text rendered in Chinese.
                let reason = try #require(items.first?["reason"] as? [String: Any])
                #expect((reason["code"] as? String)?.hasPrefix("opportunity.") == true && reason["values"] is [String: Any])
                #expect(Self.hasChinese(reason["text"] as? String ?? ""))
            }
            try await client.execute(uri: "/api/regions/320500/gaps", method: .get) { response in
                #expect(response.status == .ok)
                let body = try object(response.body)
                #expect((body["nodes"] as? [Any])?.count == 44)
                #expect(body["fill"] is [Any] && body["strengthen"] is [Any] && body["extend"] is [Any])
            }
            try await client.execute(uri: "/api/regions/320000/profile?measure=employees", method: .get) { response in
                #expect(response.status == .ok)
                let body = try object(response.body)
                #expect(body["measure"] as? String == "employees")
                #expect((body["region"] as? [String: Any])?["name"] as? String == "江苏省")
            }
            for method in ["peers", "cluster", "index", "chokepoints"] {
                try await client.execute(uri: "/api/regions/310000/\(method)", method: .get) { response in
                    #expect(response.status == .ok, "\(method)")
                }
            }
            try await client.execute(uri: "/api/parks/taizhou-medcity/profile", method: .get) { response in
                #expect(response.status == .ok)
                let body = try object(response.body)
                #expect((body["park"] as? [String: Any])?["name"] as? String == "泰州国家医药高新技术产业开发区(中国医药城)")
                let nodes = try #require(body["nodes"] as? [[String: Any]])
                #expect(nodes.count == 44 && nodes.contains { ($0["value"] as? Double ?? 0) > 0 })
            }
            try await client.execute(uri: "/api/parks/no-such-park/profile", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/api/enterprises/600276.SH/quality", method: .get) { response in
                #expect(response.status == .ok)
                let body = try object(response.body)
                #expect((body["dimensions"] as? [Any])?.count == 5)
            }
        }
    }

    static func hasChinese(_ text: String) -> Bool { text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }

    /// `?lang=en` renders the same reasons in English; the codes and values do not change with the language.
    @Test func reasonsFollowTheLanguageAsked() async throws {
        try await withApp { client in
            var codes: [String: [String]] = [:]
            for lang in ["zh", "en"] {
                try await client.execute(uri: "/api/regions/320700/gaps?lang=\(lang)", method: .get) { response in
                    #expect(response.status == .ok)
                    let nodes = try #require(try object(response.body)["nodes"] as? [[String: Any]])
                    let reasons = nodes.flatMap { ($0["reasons"] as? [[String: Any]]) ?? [] }
                    #expect(reasons.count >= nodes.count)
                    codes[lang] = reasons.compactMap { $0["code"] as? String }
                    for reason in reasons {
                        let text = reason["text"] as? String ?? ""
                        #expect(lang == "zh" ? Self.hasChinese(text) : text.range(of: "LQ|density", options: .regularExpression) != nil, "\(text)")
                    }
                }
            }
            #expect(codes["zh"] == codes["en"])
            try await client.execute(uri: "/api/chokepoints?node=culture-media&lang=en", method: .get) { response in
                let node = try #require((try object(response.body)["nodes"] as? [[String: Any]])?.first)
                let flags = (node["flags"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
                #expect(flags.contains("named as a chokepoint by the sources"))
                #expect((node["importDependenceNote"] as? [String: Any])?["text"] as? String == ReasonText.render(Reason("chokepoint.no-trade"), in: .en))
            }
            try await client.execute(uri: "/api/regions/320500/peers", method: .get) { response in
                let rows = try #require(try object(response.body)["indicators"] as? [[String: Any]])
                let eci = try #require(rows.first { $0["indicator"] as? String == "eci" })
                #expect((eci["label"] as? [String: Any])?["text"] as? String == "经济复杂度 ECI")
            }
        }
    }

    @Test func badParametersAndUnknownsAreJSONErrors() async throws {
        try await withApp { client in
            let cases: [(String, HTTPResponse.Status)] = [
                ("/api/regions/999999/gaps", .notFound), ("/api/regions/32050x/gaps", .badRequest),
                ("/api/regions/320500/nonsense", .notFound), ("/api/regions/320500/gaps?level=planet", .badRequest),
                ("/api/regions/320500/profile?threshold=-1", .badRequest), ("/api/regions/320500/profile?measure=votes", .badRequest),
                ("/api/regions/320500/gaps?strongLq=abc", .badRequest), ("/api/regions/320500/peers?count=100000", .badRequest),
                // Found by schemathesis: a strong-LQ threshold of 1.6e307 overflowed Int in the reasons and killed the server.
                ("/api/regions/320500/gaps?strongLq=1.5855478840547414e%2B307", .badRequest), ("/api/regions/320500/gaps?strongLq=inf", .badRequest),
                ("/api/regions/320500/profile?level=province", .badRequest), ("/api/regions/320000/index?from=2030&to=2020", .badRequest),
                ("/api/enterprises/NOPE/quality", .notFound), ("/api/chokepoints?node=no-such-node", .badRequest),
            ]
            for (uri, status) in cases {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == status, "\(uri)")
                    let body = try object(response.body)
                    #expect(body["error"] is [String: Any] && body["status"] as? Int == Int(status.code), "\(uri)")
                }
            }
        }
    }
}

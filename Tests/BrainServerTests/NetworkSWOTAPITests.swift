import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import BrainServer
import BrainModel

/// `/api/regions/{code}/network` and `/api/regions/{code}/swot` with their pages, on the real default database.
@Suite struct NetworkSWOTAPITests {
    func object(_ buffer: ByteBuffer) throws -> [String: Any] { try ServerFixture.jsonObject(buffer) }
    static func hasChinese(_ text: String) -> Bool { text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }

    @Test func networkAnswersEveryNodeWithEdgesAndTheRule() async throws {
        try await ServerFixture.withApp { client in
            try await client.execute(uri: "/api/regions/320500/network", method: .get) { response in
                #expect(response.status == .ok)
                let body = try object(response.body)
                let nodes = try #require(body["nodes"] as? [[String: Any]]), edges = try #require(body["edges"] as? [[String: Any]])
                #expect(nodes.count == 44 && edges.count > 40)
                #expect(edges.allSatisfy { ($0["proximity"] as? Double ?? 0) > 0 && $0["spanningTree"] is Bool })
                #expect(Set(nodes.compactMap { $0["presence"] as? String }).isSubset(of: ["specialised", "present", "absent"]))
                let rule = try #require(body["rule"] as? [String: Any])
                #expect(Self.hasChinese(rule["text"] as? String ?? "") && (rule["text"] as? String)?.contains("0.40") == true)
            }
            try await client.execute(uri: "/api/regions/320500/network?threshold=0.9&lang=en", method: .get) { response in
                #expect(response.status == .ok)
                let body = try object(response.body)
                let rule = try #require(body["rule"] as? [String: Any])
                #expect((rule["text"] as? String)?.contains("maximum spanning tree") == true)
            }
            for uri in ["/api/regions/320500/network?threshold=2", "/api/regions/320500/network?threshold=x", "/api/regions/000000/network"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .badRequest, "\(uri)")
                    let message = try ServerFixture.errorMessage(response.body) ?? ""
                    #expect(Self.hasChinese(message), "\(uri): \(message)")
                }
            }
            try await client.execute(uri: "/api/regions/999999/network", method: .get) { response in #expect(response.status == .notFound) }
        }
    }

    @Test func swotTakesPeersByNameOrCodeAndSaysWhatItCannotPlace() async throws {
        try await ServerFixture.withApp { client in
            let named = "/api/regions/320500/swot?peers=" + "无锡,常州市,330100".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            try await client.execute(uri: named, method: .get) { response in
                #expect(response.status == .ok)
                let body = try object(response.body)
                #expect((body["peers"] as? [[String: Any]])?.compactMap { $0["code"] as? String } == ["320200", "320400", "330100"])
                #expect(body["defaultPeers"] as? Bool == false)
                let sections = try #require(body["sections"] as? [[String: Any]])
                #expect(sections.compactMap { $0["quadrant"] as? String } == ["strengths", "weaknesses", "opportunities", "threats"])
                for section in sections {
                    let items = section["items"] as? [[String: Any]] ?? []
                    #expect(!items.isEmpty || section["empty"] != nil)
                    for item in items { #expect(Self.hasChinese((item["reason"] as? [String: Any])?["text"] as? String ?? "")) }
                }
            }
            // 吉林 names a province and a city: among city peers it is the city.
            try await client.execute(uri: "/api/regions/320500/swot?peers=%E5%90%89%E6%9E%97", method: .get) { response in
                #expect(response.status == .ok)
                let body = try object(response.body)
                #expect((body["peers"] as? [[String: Any]])?.compactMap { $0["code"] as? String } == ["220200"])
            }
            try await client.execute(uri: "/api/regions/320500/swot", method: .get) { response in
                #expect(response.status == .ok)
                let body = try object(response.body)
                #expect(body["defaultPeers"] as? Bool == true)
            }
            // A place that is not there, a province among cities, only the region itself, too many peers.
            let bad = ["不存在的地方", "江苏省", "320500", Array(repeating: "320200", count: 13).joined(separator: ",")]
            for peers in bad {
                let uri = "/api/regions/320500/swot?peers=" + peers.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .badRequest, "\(peers)")
                    let message = try ServerFixture.errorMessage(response.body) ?? ""
                    #expect(Self.hasChinese(message), "\(peers): \(message)")
                }
            }
        }
    }

    @Test func pagesRenderWithThePickers() async throws {
        try await ServerFixture.withApp { client in
            try await client.execute(uri: "/regions/320500/network", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("id=\"network-chart\"") && html.contains("id=\"region-choices\"") && html.contains("data-code=\"320200\""))
            }
            try await client.execute(uri: "/regions/320500/swot?peers=320200", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("id=\"swot-strengths\"") && html.contains("data-code=\"320200\"") && html.contains("id=\"peer-form\""))
            }
            try await client.execute(uri: "/regions/999999/swot", method: .get) { response in #expect(response.status == .notFound) }
        }
    }
}

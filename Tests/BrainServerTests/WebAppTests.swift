import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import BrainServer

/// The JSON behind each page and the pages themselves, in-process on the real bundled data. One app for the suite:
/// the region report's analyses take seconds in a debug build, and the app caches them.
@Suite struct WebAppTests {
    func json(_ buffer: ByteBuffer) throws -> [String: Any] { try ServerFixture.jsonObject(buffer) }

    func get(_ client: any TestClientProtocol, _ uri: String) async throws -> (HTTPResponse.Status, ByteBuffer, String) {
        try await client.execute(uri: uri, method: .get) { ($0.status, $0.body, $0.headers[.contentType] ?? "") }
    }

    @Test func mapDrillsDownAndSkipsAMunicipalityCityLevel() async throws {
        try await ServerFixture.withApp { client in
            let (status, body, _) = try await get(client, "/api/map/000000")
            #expect(status == .ok)
            let country = try json(body)
            let rows = try #require(country["rows"] as? [[String: Any]])
            #expect(rows.count >= 31)
            #expect(rows.prefix(5).contains { $0["name"] as? String == "江苏省" })
            #expect(rows.first?["rank"] as? Int == 1)
            let jiangsu = try json(try await get(client, "/api/map/320000").1)
            #expect((jiangsu["rows"] as? [[String: Any]])?.count == 13)
            #expect(jiangsu["childLevel"] as? String == "city")
            let beijing = try json(try await get(client, "/api/map/110000").1)
            #expect(beijing["geoParent"] as? String == "110100")
            #expect(beijing["childLevel"] as? String == "district")
            let lq = try json(try await get(client, "/api/map/320000?measure=lq&node=api").1)
            #expect((lq["rows"] as? [[String: Any]])?.contains { ($0["value"] as? Double).map { $0 > 0 && $0 != $0.rounded() } ?? false } == true)
            #expect(try await get(client, "/api/map/320000?measure=lq").0 == .badRequest)
            #expect(try await get(client, "/api/map/320000?measure=money").0 == .badRequest)
            #expect(try await get(client, "/api/map/999999").0 == .notFound)
        }
    }

    @Test func regionReportPageAndExports() async throws {
        try await ServerFixture.withApp { client in
            let report = try json(try await get(client, "/api/regions/320500/report").1)
            let gaps = try #require(report["gaps"] as? [String: Any])
            let fill = try #require(gaps["fill"] as? [[String: Any]])
            #expect(!fill.isEmpty)
            #expect(fill.allSatisfy { !(($0["reasons"] as? [[String: Any]]) ?? []).isEmpty })
            let (status, page, type) = try await get(client, "/regions/320500")
            #expect(status == .ok && type.hasPrefix("text/html"))
            let html = String(buffer: page)
            #expect(html.contains("苏州市") && html.contains("补链") && !html.contains("{{"))
            let firstFill = try #require((fill.first?["node"] as? [String: Any])?["nameZh"] as? String)
            #expect(html.contains(firstFill))
            let (xlsxStatus, xlsx, xlsxType) = try await get(client, "/regions/320500/export.xlsx")
            #expect(xlsxStatus == .ok && xlsxType.hasPrefix("application/vnd.openxmlformats"))
            #expect(Data(buffer: xlsx).starts(with: [0x50, 0x4B, 0x03, 0x04]))
            let targets = try #require(report["targets"] as? [String: Any])
            #expect(((targets["targets"] as? [[String: Any]])?.count ?? 0) == 20)
            #expect(html.contains("招商目标"))
            let excluded = try json(try await get(client, "/api/regions/320500/targets?sameProvince=exclude&limit=100").1)
            let rows = try #require(excluded["targets"] as? [[String: Any]])
            #expect(rows.count == 100)
            #expect(rows.allSatisfy { ($0["firm"] as? [String: Any])?["provinceName"] as? String != "江苏省" && ($0["reasons"] as? [[String: Any]])?.isEmpty == false })
            // Reasons are data with their text in the asked language; strategies, custom weights and pages are chosen by query.
            let english = try json(try await get(client, "/api/regions/320500/targets?lang=en&strategy=fill&page=2&size=5").1)
            let englishRows = try #require(english["targets"] as? [[String: Any]])
            #expect(englishRows.map { $0["rank"] as? Int } == [6, 7, 8, 9, 10])
            #expect((english["strategy"] as? [String: Any])?["id"] as? String == "fill" && english["page"] as? Int == 2)
            let firstReason = try #require((englishRows.first?["reasons"] as? [[String: Any]])?.first)
            #expect(firstReason["code"] is String && (firstReason["text"] as? String)?.contains("density") == true)
            let custom = try json(try await get(client, "/api/regions/320500/targets?pci=1&size=3").1)
            #expect((custom["strategy"] as? [String: Any])?["id"] as? String == "custom")
            for bad in ["strategy=best", "pci=2", "density=x", "page=0", "size=0"] {
                #expect(try await get(client, "/api/regions/320500/targets?\(bad)").0 == .badRequest, "\(bad)")
            }
            let (customXLSX, _, _) = try await get(client, "/regions/320500/export.xlsx?strategy=complexity")
            #expect(customXLSX == .ok)
            #expect(try await get(client, "/api/regions/320500/targets?sameProvince=maybe").0 == .badRequest)
            #expect(try await get(client, "/api/regions/999999/targets").0 == .notFound)
            let policies = try #require(try JSONSerialization.jsonObject(with: Data(buffer: try await get(client, "/api/enterprises/600276.SH/policies").1)) as? [[String: Any]])
            #expect(policies.first?["status"] as? String == "eligible")
            #expect((policies.first?["policy"] as? [String: Any])?["id"] as? String == "sz-hq")
            let hq = try json(try await get(client, "/api/policies/sz-hq").1)
            #expect((hq["eligibleCount"] as? Int ?? 0) > 400)
            #expect(try await get(client, "/api/policies/nope").0 == .notFound)
            // 张江's R&D result looking for manufacturing in Shanghai: 宝山, 奉贤 and 金山's parks, as the article has it.
            let landing = try json(try await get(client, "/api/recommend/park?nodes=antibodies,biologics&stage=manufacturing&origin=310115&area=310000&gmp=1").1)
            let top = try #require(landing["parks"] as? [[String: Any]]).prefix(3).compactMap { ($0["park"] as? [String: Any])?["id"] as? String }
            #expect(Set(top) == ["north-shanghai", "dongfang-meigu", "jinhaian"])
            let posted = try await client.execute(uri: "/api/recommend/park", method: .post,
                                                  body: ByteBuffer(string: #"{"nodes": ["cro"], "stage": "rnd"}"#)) { ($0.status, try json($0.body)) }
            #expect(posted.0 == .ok && ((posted.1["parks"] as? [Any])?.count ?? 0) == 10)
            #expect(try await client.execute(uri: "/api/recommend/park", method: .post, body: ByteBuffer(string: "[1]")) { $0.status } == .badRequest)
            #expect(try await get(client, "/api/recommend/park?nodes=nope&stage=rnd").0 == .badRequest)
            #expect(try await get(client, "/api/recommend/park?nodes=cro&stage=soon").0 == .badRequest)
            let partners = try json(try await get(client, "/api/enterprises/600276.SH/partners").1)
            #expect(((partners["sameNode"] as? [[String: Any]])?.first?["cityName"] as? String) == "连云港市")
            // The relation is a code with its text in the language asked.
            let peer = try #require((partners["sameNode"] as? [[String: Any]])?.first?["relation"] as? [String: Any])
            #expect(peer["code"] as? String == "related.same-node" && (peer["text"] as? String)?.hasPrefix("同属") == true)
            let partnersEn = try json(try await get(client, "/api/enterprises/600276.SH/partners?lang=en").1)
            let peerEn = (partnersEn["sameNode"] as? [[String: Any]])?.first?["relation"] as? [String: Any]
            #expect((peerEn?["text"] as? String)?.hasPrefix("also on") == true)
            let cro = try json(try await get(client, "/api/match/offers?service=cro&region=320500").1)
            let offers = try #require(cro["matches"] as? [[String: Any]])
            #expect(!offers.isEmpty && ((offers.first?["reasons"] as? [[String: Any]])?.first?["text"] as? String)?.contains("CRO") == true)
            // In English (`lang=en`) the same reasons hold no Chinese of ours (firm names are data, not in the reasons).
            let croEn = try json(try await get(client, "/api/match/offers?service=cro&region=320500&lang=en").1)
            let englishReasons = ((croEn["matches"] as? [[String: Any]]) ?? []).flatMap { ($0["reasons"] as? [[String: Any]]) ?? [] }
            #expect(!englishReasons.isEmpty && englishReasons.allSatisfy { ($0["text"] as? String)?.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } == false })
            #expect(try await get(client, "/api/match/offers?service=api&region=320500").0 == .badRequest)
            let talent = try json(try await get(client, "/api/regions/320500/talent").1)
            #expect((talent["universities"] as? Int ?? 0) > 10)
            #expect(html.contains("人才供给") && html.contains("服务资源对接"))
            #expect(try await get(client, "/regions/000000").0 == .notFound)
            #expect(try await get(client, "/api/regions/000000/report").0 == .badRequest)
            #expect(try await get(client, "/regions/999999/export.xlsx").0 == .notFound)
        }
    }

    @Test func searchPortraitChainAndParks() async throws {
        try await ServerFixture.withApp { client in
            let q = "恒瑞".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let search = try json(try await get(client, "/api/search?q=\(q)").1)
            let hits = try #require(search["hits"] as? [[String: Any]])
            #expect(hits.contains { $0["kind"] as? String == "enterprise" && $0["url"] as? String == "/enterprises/600276.SH" })
            let suzhou = "苏州".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let regions = try #require(try json(try await get(client, "/api/search?q=\(suzhou)").1)["hits"] as? [[String: Any]])
            #expect(regions.contains { $0["kind"] as? String == "region" && $0["url"] as? String == "/regions/320500" })
            #expect(try await get(client, "/api/search?q=x&limit=0").0 == .badRequest)

            let portrait = try json(try await get(client, "/api/enterprises/600276.SH/portrait").1)
            #expect((portrait["detail"] as? [String: Any])?["cityName"] as? String == "连云港市")
            let facts = try #require(portrait["facts"] as? [[String: Any]])
            #expect(facts.contains { ($0["value"] as? String)?.contains("连云港市") == true && $0["source"] as? String == "tushare-2024-05" })
            #expect(((portrait["quality"] as? [String: Any])?["dimensions"] as? [Any])?.count == 5)
            #expect(try await get(client, "/api/enterprises/NOPE/portrait").0 == .notFound)

            let chain = try json(try await get(client, "/api/chain").1)
            let apiCount = (chain["nodes"] as? [[String: Any]])?.first { $0["id"] as? String == "api" }?["firms"] as? Int
            let node = try json(try await get(client, "/api/chain/nodes/api").1)
            #expect(node["firmCount"] as? Int == apiCount)
            #expect(try await get(client, "/api/chain/nodes/nope").0 == .notFound)
            let penicillin = "青霉素".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let graph = try json(try await get(client, "/api/products/graph?product=\(penicillin)&fanout=3").1)
            #expect(((graph["edges"] as? [Any])?.count ?? 0) > 0 && ((graph["edges"] as? [Any])?.count ?? 99) <= 6)
            #expect(try await get(client, "/api/products/graph?product=\(penicillin)&fanout=500").0 == .badRequest)

            let parks = try #require(try JSONSerialization.jsonObject(with: Data(buffer: try await get(client, "/api/parks").1)) as? [Any])
            #expect(parks.count >= 20)
            let park = try json(try await get(client, "/api/parks/suzhou-biobay").1)
            #expect(((park["nodes"] as? [Any])?.count ?? 0) > 0)
            for page in ["/", "/policies", "/recommend/park", "/recommend/park?nodes=cro&stage=rnd", "/chain", "/chain/api", "/parks", "/parks/suzhou-biobay", "/search?q=\(q)", "/enterprises/600276.SH", "/import"] {
                let (status, body, type) = try await get(client, page)
                #expect(status == .ok && type.hasPrefix("text/html"), "\(page)")
                #expect(!String(buffer: body).contains("{{"), "\(page) has an unrendered tag")
            }
        }
    }
}

@Suite struct ImportWriterTests {
    /// Whatever address it comes from (the in-process client is local), an import without a credential is refused.
    @Test func writesNeedACredential() async throws {
        try await ServerFixture.withApp { client in
            let status = try await client.execute(uri: "/api/imports?kind=enterprises&file=a.csv", method: .post,
                                                  body: ByteBuffer(string: "企业名称,注册地址\n某某生物有限公司,江苏省苏州市\n")) { $0.status }
            #expect(status == .unauthorized)
            let page = try await client.execute(uri: "/import", method: .get) { String(buffer: $0.body) }
            #expect(page.contains("id=\"signed-out\"") && page.contains("name=\"next\" value=\"/import\"") && !page.contains("id=\"upload\""))
        }
    }
}

import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import BrainServer
import BrainUseCases

/// `?page=&size=` on search and a chain node's firms: pages differ, the total stays, the last page is short, a page past
/// the end is empty and a bad number is a 400 naming the parameter.
@Suite struct PagingTests {
    func json(_ buffer: ByteBuffer) throws -> [String: Any] { try ServerFixture.jsonObject(buffer) }

    func get(_ client: any TestClientProtocol, _ uri: String) async throws -> (HTTPResponse.Status, ByteBuffer) {
        try await client.execute(uri: uri, method: .get) { ($0.status, $0.body) }
    }

    func errorCode(_ client: any TestClientProtocol, _ uri: String) async throws -> String? {
        let (status, body) = try await get(client, uri)
        #expect(status == .badRequest, "\(uri)")
        return (try json(body)["error"] as? [String: Any])?["code"] as? String
    }

    static let drug = "药".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!

    func firms(_ answer: [String: Any]) -> [String] {
        ((answer["hits"] as? [[String: Any]]) ?? []).filter { $0["kind"] as? String == "enterprise" }.compactMap { $0["url"] as? String }
    }

    @Test func searchPagesThroughItsFirms() async throws {
        try await ServerFixture.withApp { client in
            let first = try json(try await get(client, "/api/search?q=\(Self.drug)&size=20").1)
            let second = try json(try await get(client, "/api/search?q=\(Self.drug)&size=20&page=2").1)
            let total = try #require(first["enterprisesTotal"] as? Int)
            #expect(total > 40)
            #expect(second["enterprisesTotal"] as? Int == total)
            #expect(firms(first).count == 20 && firms(second).count == 20)
            #expect(Set(firms(first)).isDisjoint(with: firms(second)))
            // Regions, nodes and products come on the first page only.
            #expect((second["hits"] as? [[String: Any]])?.allSatisfy { $0["kind"] as? String == "enterprise" } == true)
            let paging = try #require(first["paging"] as? [String: Any])
            let pages = (total + 19) / 20
            #expect(paging["pages"] as? Int == pages && paging["total"] as? Int == total && paging["page"] as? Int == 1)
            let last = try json(try await get(client, "/api/search?q=\(Self.drug)&size=20&page=\(pages)").1)
            #expect(firms(last).count == total - (pages - 1) * 20)
            let beyond = try json(try await get(client, "/api/search?q=\(Self.drug)&size=20&page=\(pages + 1)").1)
            #expect(firms(beyond).isEmpty && beyond["enterprisesTotal"] as? Int == total)
            // Every firm once across the pages.
            var seen: [String] = []
            for page in 1...pages { seen += firms(try json(try await get(client, "/api/search?q=\(Self.drug)&size=20&page=\(page)").1)) }
            #expect(seen.count == total && Set(seen).count == total)

            #expect(try await errorCode(client, "/api/search?q=\(Self.drug)&page=0") == "api.page")
            #expect(try await errorCode(client, "/api/search?q=\(Self.drug)&page=two") == "api.page")
            #expect(try await errorCode(client, "/api/search?q=\(Self.drug)&page=99999999999999999999") == "api.page")
            #expect(try await errorCode(client, "/api/search?q=\(Self.drug)&size=101") == "api.size")
            #expect(try await errorCode(client, "/api/search?q=x&limit=0") == "api.size")
        }
    }

    @Test func searchPageShowsThePager() async throws {
        try await ServerFixture.withApp { client in
            let (status, body) = try await get(client, "/search?q=\(Self.drug)&page=2")
            #expect(status == .ok)
            let html = String(buffer: body)
            #expect(html.contains("第 2 / ") && html.contains("Page 2 of "))
            #expect(html.contains("rel=\"prev\" href=\"/search?q=\(Self.drug)&amp;page=1\"") || html.contains("rel=\"prev\" href=\"/search?q=\(Self.drug)&page=1\""))
            #expect(html.contains("page=3"))
            #expect(try await get(client, "/search?q=\(Self.drug)&page=-1").0 == .badRequest)
            #expect(try await get(client, "/chain/api?size=500").0 == .badRequest)
        }
    }

    @Test func chainNodePagesThroughItsFirms() async throws {
        try await ServerFixture.withApp { client in
            let first = try json(try await get(client, "/api/chain/nodes/api?size=7").1)
            let total = try #require(first["firmCount"] as? Int)
            #expect(total > 14)
            let ids = { (answer: [String: Any]) in ((answer["firms"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String } }
            let second = try json(try await get(client, "/api/chain/nodes/api?size=7&page=2").1)
            #expect(second["firmCount"] as? Int == total)
            #expect(ids(first).count == 7 && ids(second).count == 7 && Set(ids(first)).isDisjoint(with: ids(second)))
            let pages = (total + 6) / 7
            #expect((first["paging"] as? [String: Any])?["pages"] as? Int == pages)
            let last = try json(try await get(client, "/api/chain/nodes/api?size=7&page=\(pages)").1)
            #expect(ids(last).count == total - (pages - 1) * 7)
            #expect(ids(try json(try await get(client, "/api/chain/nodes/api?size=7&page=\(pages + 1)").1)).isEmpty)
            #expect(try await errorCode(client, "/api/chain/nodes/api?page=0") == "api.page")
            #expect(try await errorCode(client, "/api/chain/nodes/api?size=0") == "api.size")

            // The page keeps the region in its links.
            let html = String(buffer: try await get(client, "/chain/api?region=320000&size=5").1)
            #expect(html.contains("第 1 / ") && html.contains("href=\"/chain/api?region=320000&amp;size=5&amp;page=2\""))
        }
    }

    @Test func enterprisesAcceptPageAndSize() async throws {
        try await ServerFixture.withApp { client in
            let byPage = try json(try await get(client, "/api/enterprises?q=\(Self.drug)&page=2&size=10").1)
            let byOffset = try json(try await get(client, "/api/enterprises?q=\(Self.drug)&offset=10&limit=10").1)
            let ids = { (answer: [String: Any]) in ((answer["items"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String } }
            #expect(ids(byPage).count == 10 && ids(byPage) == ids(byOffset))
            #expect(try await errorCode(client, "/api/enterprises?q=\(Self.drug)&page=0") == "api.page")
        }
    }

    @Test func pagerLinksKeepTheQuery() {
        let pager = Paging(page: 2, size: 20).pager(total: 45, path: "/search", keep: [("q", "A+B 药"), ("region", nil)])
        #expect(pager.pages == 3)
        #expect(pager.prev == "/search?q=A%2BB%20%E8%8D%AF&page=1")
        #expect(pager.next == "/search?q=A%2BB%20%E8%8D%AF&page=3")
        #expect(Paging(page: 3, size: 20).pager(total: 45, path: "/search", keep: []).next == nil)
        #expect(Paging(page: 9, size: 20).slice(Array(0..<45)).isEmpty)
        #expect(Paging(page: 3, size: 20).slice(Array(0..<45)) == Array(40..<45))
    }
}

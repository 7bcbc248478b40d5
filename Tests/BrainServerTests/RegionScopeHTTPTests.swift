import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import Testing
@testable import BrainServer
import BrainModel
import BrainStore

/// Issue 19 item 1: an organisation's region scope bounds the shared facts it may correct. A city bureau curates its
/// own firms' chain nodes and locations, not another city's; a province bureau its cities'; the operator anything.
@Suite struct RegionScopeHTTPTests {
    /// 600276.SH is in 连云港 (320700), in 江苏 (320000), not in 苏州 (320500).
    static func curate(_ action: String = "add", region: String? = nil) -> String {
        let place = region.map { #", "region": "\#($0)""# } ?? #", "node": "antibodies""#
        return #"{"firm": "600276.SH", "action": "\#(action)"\#(place), "reason": "年报", "source": "恒瑞医药 2021 年年度报告"}"#
    }

    static func post(_ client: any TestClientProtocol, _ token: String, _ body: String) async throws -> (HTTPResponse.Status, [String: Any]) {
        try await client.execute(uri: "/api/curations", method: .post, headers: MarketAPITests.bearer(token), body: ByteBuffer(string: body)) {
            ($0.status, try ServerFixture.jsonObject($0.body))
        }
    }

    static func code(_ body: [String: Any]) -> String? { (body["error"] as? [String: Any])?["code"] as? String }

    @Test func curationsStayInsideTheOrganisationsRegion() async throws {
        let store = try SQLiteStore(path: try ServerFixture.databaseCopy())
        let city = try await store.createOrganisation(id: "suzhou-bureau", name: "苏州市局", kind: .bureau, regionCode: "320500")
        let province = try await store.createOrganisation(id: "jiangsu-bureau", name: "江苏省厅", kind: .bureau, regionCode: "320000")
        let national = try await store.createOrganisation(id: "national-bureau", name: "国家部门", kind: .bureau, regionCode: nil)
        let admin = try await store.createAdminToken()
        try await ServerFixture.withApp(store: store) { client in
            let (refused, body) = try await Self.post(client, city.token, Self.curate())
            #expect(refused == .forbidden && Self.code(body) == "scope.firm-outside")
            #expect(((body["error"] as? [String: Any])?["message"] as? String)?.contains("不在本机构辖区") == true)
            // The province covers 连云港: the node is added; a move to 北京 is still refused, one to 苏州 is not.
            #expect(try await Self.post(client, province.token, Self.curate()).0 == .created)
            let (moved, movedBody) = try await Self.post(client, province.token, Self.curate("locate", region: "110000"))
            #expect(moved == .forbidden && Self.code(movedBody) == "scope.region-outside")
            // An organisation's curation applies once published (here by the operator).
            func publish(_ posted: (HTTPResponse.Status, [String: Any])) async throws {
                #expect(posted.0 == .created)
                let id = try #require(posted.1["id"] as? String)
                try await client.execute(uri: "/api/curations/\(id)/publish", method: .post, headers: MarketAPITests.bearer(admin)) {
                    #expect($0.status == .ok)
                }
            }
            try await publish(try await Self.post(client, province.token, Self.curate("locate", region: "320500")))
            // Now in 苏州, the city bureau may correct it; a national organisation and the operator always may.
            #expect(try await Self.post(client, city.token, Self.curate("add").replacingOccurrences(of: "antibodies", with: "vaccines")).0 == .created)
            try await publish(try await Self.post(client, national.token, Self.curate("locate", region: "110000")))
            // Back in 北京: revoking the city's own curation of a firm now outside its region is refused too.
            let cityCuration = try #require(try await store.curations(enterprise: "600276.SH").first { $0.author == "org:suzhou-bureau" })
            try await client.execute(uri: "/api/curations/\(cityCuration.id)/revoke", method: .post, headers: MarketAPITests.bearer(city.token),
                                     body: ByteBuffer(string: #"{"reason": "撤回"}"#)) { response in
                #expect(response.status == .forbidden)
            }
            #expect(try await Self.post(client, admin, Self.curate("locate", region: "320700")).0 == .created)
        }
    }

    @Test func theHomePageOffersTheOrganisationsRegion() async throws {
        let store = try SQLiteStore(path: try ServerFixture.databaseCopy())
        let city = try await store.createOrganisation(id: "suzhou-home", name: "苏州市局", kind: .bureau, regionCode: "320500")
        let national = try await store.createOrganisation(id: "national-home", name: "国家部门", kind: .bureau, regionCode: nil)
        try await ServerFixture.withApp(store: store) { client in
            try await client.execute(uri: "/", method: .get, headers: [.authorization: "Bearer \(city.token)"]) { response in
                let html = String(buffer: response.body)
                #expect(html.contains(#"<p class="note" id="own-region"><a class="action" href="/regions/320500">"#) && html.contains("本机构辖区：苏州市"))
            }
            for headers: HTTPFields in [[:], [.authorization: "Bearer \(national.token)"]] {
                try await client.execute(uri: "/", method: .get, headers: headers) { response in
                    #expect(response.status == .ok && !String(buffer: response.body).contains("own-region"))
                }
            }
        }
    }

    @Test func scopesCoverTheirOwnCodes() {
        #expect(RegionScope.covers("320000", "320506") && RegionScope.covers("320000", "320700") && RegionScope.covers("320000", "320000"))
        #expect(RegionScope.covers("320500", "320506") && RegionScope.covers("320500", "320500"))
        #expect(!RegionScope.covers("320500", "320700") && !RegionScope.covers("320500", "320000") && !RegionScope.covers("320506", "320505"))
        #expect(!RegionScope.covers("320000", "330100") && !RegionScope.covers("320000", nil) && !RegionScope.covers("320000", "32"))
        #expect(RegionScope.covers(nil, nil) && RegionScope.covers(nil, "110000"))
    }
}

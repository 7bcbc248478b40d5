import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import Logging
import Testing
@testable import BrainServer
import BrainModel
import BrainStore
import BrainIngest

/// Organisation A with one person per role and one private record of each kind, each carrying a marker string an
/// outsider must never see; organisation B with its own admin. Issue 19 item 5's walk (IsolationTests) runs over it.
struct IsolationWorld: Sendable {
    let store: SQLiteStore
    let a: OrganisationCredentials, b: OrganisationCredentials
    let logins: [Role: String]
    let bAdmin: String
    /// The text in every private record of A: firm, demand, talent, lead, and through them alerts and audit entries.
    let marker: String

    static func make() async throws -> IsolationWorld {
        let store = try SQLiteStore(path: try ServerFixture.databaseCopy())
        let tag = UUID().uuidString.prefix(8).lowercased()
        let a = try await store.createOrganisation(id: "iso-a-\(tag)", name: "甲机构\(tag)")
        let b = try await store.createOrganisation(id: "iso-b-\(tag)", name: "乙机构\(tag)")
        var logins: [Role: String] = [:]
        for role in Role.allCases {
            let login = "a-\(role.rawValue)-\(tag)"
            _ = try await store.createPerson(Person(id: login, organisationId: a.organisation.id, displayName: "甲\(role.nameZh)", role: role, createdAt: ""),
                                             password: AccountsHTTPTests.password)
            logins[role] = login
        }
        let bAdmin = "b-admin-\(tag)"
        _ = try await store.createPerson(Person(id: bAdmin, organisationId: b.organisation.id, displayName: "乙管理员", role: .admin, createdAt: ""),
                                         password: AccountsHTTPTests.password)
        return IsolationWorld(store: store, a: a, b: b, logins: logins, bAdmin: bAdmin, marker: markerStem + tag)
    }

    /// The marker without its run's tag: searched for, it finds A's firm if that leaks, and its echo in the answer
    /// ("results for …") is not the marker.
    static let markerStem = "隔离标记"

    /// An id of the same form as `id` (its digits changed) that names no firm: a 404 that repeats it differs only in digits.
    static func absentLike(_ id: String) -> String {
        String(id.map { $0.wholeNumberValue.map { Character(String(($0 + 1) % 10)) } ?? $0 }) + "0"
    }

    /// Ids of A's private records, filled into the routes' path parameters.
    struct Records: Sendable {
        var demand: Int, lead: Int, watch: Int, enterprise: String
        /// A's private import and its curation of its own firm (the publish routes name them).
        var imported = 0, curation = ""
    }

    /// A's records, written through the API with A's token (so each leaves its audit entry), the watch first so the
    /// private import raises an alert.
    func createRecords(_ client: any TestClientProtocol) async throws -> Records {
        let bearer = MarketAPITests.bearer(a.token)
        func post(_ uri: String, _ body: String, _ status: HTTPResponse.Status = .created) async throws -> [String: Any] {
            try await client.execute(uri: uri, method: .post, headers: bearer, body: ByteBuffer(string: body)) { response in
                #expect(response.status == status, "\(uri)")
                return try ServerFixture.jsonObject(response.body)
            }
        }
        let watch = try #require(try await post("/api/watchlist", #"{"kind": "region", "target": "320500"}"#)["id"] as? Int)
        _ = try await post("/api/imports?kind=enterprises&file=\(marker).csv", "企业名称,注册地址\n\(marker)生物有限公司,江苏省苏州市工业园区\n", .ok)
        _ = try await post("/api/imports?kind=talents&file=\(marker)-talents.csv", "姓名,产业链环节,地区,人才称号,h指数\n\(marker)人才,抗体药物,苏州市,国家杰青,40\n", .ok)
        let demand = try #require(try await post("/api/demands", #"{"title": "\#(marker)需求", "node": "cro", "region": "苏州市"}"#)["id"] as? Int)
        let lead = try #require(try await post("/api/leads", #"{"firmName": "\#(marker)线索", "region": "320500"}"#)["id"] as? Int)
        let enterprise = try await client.execute(uri: "/api/enterprises?q=\(Self.escaped(marker))", method: .get, headers: bearer) { response in
            try #require(Self.firstId(try JSONSerialization.jsonObject(with: Data(buffer: response.body))))
        }
        // A's correction of its own private firm: its reason names the marker. Unpublished, it moves nothing and
        // raises no alert (the one below is the import's).
        let curation = try #require(try await post("/api/curations", #"{"firm": "\#(enterprise)", "action": "add", "node": "cro", "reason": "\#(marker)校正", "source": "内部调研"}"#)["id"] as? String)
        // The alert the import raised is A's.
        try await client.execute(uri: "/api/alerts", method: .get, headers: bearer) { response in
            let unread = try ServerFixture.jsonObject(response.body)["unread"] as? Int
            #expect(unread == 1)
        }
        var records = Records(demand: demand, lead: lead, watch: watch, enterprise: enterprise)
        records.imported = try #require(try await store.imports().first { $0.file == "\(marker).csv" }?.id)
        records.curation = curation
        return records
    }

    static func escaped(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text }

    /// The first string `id` in a JSON answer (an array or a paged object of firms).
    static func firstId(_ json: Any) -> String? {
        if let object = json as? [String: Any] {
            if let id = object["id"] as? String { return id }
            return object.values.lazy.compactMap(firstId).first
        }
        return (json as? [Any])?.lazy.compactMap(firstId).first
    }

    /// An answer as text: an .xlsx export's cells, sheet by sheet (its zip bytes carry times and hide text), else the body.
    static func text(_ body: ByteBuffer) throws -> String {
        let data = Data(buffer: body)
        guard data.starts(with: Array("PK".utf8)) else { return String(buffer: body) }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("isolation-\(UUID().uuidString).xlsx")
        try data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var text = ""
        for sheet in try XLSXReader(url: url).sheetNames {
            var reader = try XLSXReader(url: url, sheet: sheet)
            defer { reader.close() }
            text += "[\(sheet)]\n"
            while let item = try reader.next() { if case .record(_, let fields) = item { text += fields.joined(separator: "\t") + "\n" } }
        }
        return text
    }

    /// Every route the router serves, as `(method, template)`: the walk cannot forget a route added later.
    static func routes() async throws -> [(method: HTTPRequest.Method, path: String)] {
        let router = try await buildRouter(store: try ServerFixture.store(), configuration: ServerFixture.configuration, logger: Logger(label: "test"))
        return router.routes.map { ($0.method, $0.path.description) }
    }
}

import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import BrainServer
import BrainIngest
import BrainModel
import BrainStore

/// Issue 15's layers on the real data: importing firms leaves every listed-firm figure as it was; choosing layers
/// changes the counts and the coverage says so; a private import counts only for its organisation; LQs on fewer than
/// 3 firms are flagged.
// A hang guard, not a speed check (see SnapshotSwapTests).
@Suite(.timeLimit(.minutes(20))) struct LayerTests {
    static let data = ServerFixture.root.appendingPathComponent("data")
    static let loaded: Result<DataBundle, any Error> = Result { try BundleLoader(folder: data).load().bundle }

    /// A fresh database of the real bundle (each test its own: they import into it).
    static func freshStore() throws -> (SQLiteStore, String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("brain-layers-\(UUID().uuidString).sqlite").path
        try DatabaseBuilder().build(try Self.loaded.get(), to: path)
        return (try SQLiteStore(path: path), path)
    }

    static func remove(_ path: String) { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }

    /// The NMPA register written as `brain build-db` writes it: the operator's enterprise import, layer nmpa-2019.
    static func importNMPA(_ store: SQLiteStore) async throws -> ImportOutcome {
        let bundle = try Self.loaded.get()
        let resolver = AddressResolver(regions: bundle.regions, formerNames: try FormerName.load(data.appendingPathComponent("regions/former-names.csv")))
        let register = try NMPARegister(dataFolder: data, rules: try NMPANameRules.load(dataFolder: data, taxonomy: bundle.taxonomy),
                                        resolver: resolver, regions: bundle.regions)
        return try await store.importEnterprises(register.header(fingerprint: "nmpa-test", importedAt: "2026-11-29T00:00:00Z"), next: register.batches())
    }

    /// Fifteen private 苏州 firms, one a 细胞培养基 maker (the import that made that node "优势").
    static let privateFirms: String = {
        var csv = "企业名称,注册地址,所属行业,经营范围\n"
        for i in 1...15 {
            csv += "苏州层级测试\(i)号生物医药有限公司,江苏省苏州市工业园区星湖街\(200 + i)号,2761,"
                + (i == 1 ? "细胞培养基的研发与生产\n" : "化学原料药的研发与生产\n")
        }
        return csv
    }()

    static let listedFigures = ["/api/regions/320500/report", "/api/regions/320500", "/api/regions/320000/children", "/api/chain",
                                "/api/map/000000", "/api/map/320000", "/api/map/320000?measure=lq&node=culture-media",
                                "/api/regions/320700/report", "/api/regions/320576/report", "/api/regions/320000/report"]

    static func body(_ client: some TestClientProtocol, _ uri: String, headers: HTTPFields = [:]) async throws -> (HTTPResponse.Status, Data) {
        try await client.execute(uri: uri, method: .get, headers: headers) { ($0.status, Data(buffer: $0.body)) }
    }

    static func cards(_ html: String) -> [String] {
        ["card-biomed\">", "全部A股上市企业</span><span class=\"en\">All listed firms</span><b>"].map { marker in
            html.range(of: marker).map { String(html[$0.upperBound...].prefix { $0 != "<" }) } ?? "missing"
        }
    }

    @Test func importingFirmsLeavesEveryListedFigureUnchanged() async throws {
        let (store, path) = try Self.freshStore()
        defer { Self.remove(path) }
        let organisation = try await store.createOrganisation(id: "layers-test", name: "层级测试机构")
        let app = try await buildApplication(store: store, configuration: ServerFixture.configuration)
        try await app.test(.router) { client in
            var before: [String: Data] = [:]
            for uri in Self.listedFigures { before[uri] = try await Self.body(client, uri).1 }
            let overview = Self.cards(String(decoding: try await Self.body(client, "/").1, as: UTF8.self))
            #expect(overview == ["569", "5589"] || !overview.contains("missing"))

            // The register as the operator's layer, then 15 private firms through /api/imports as the organisation.
            #expect(try await Self.importNMPA(store).created > 7_000)
            let status = try await client.execute(uri: "/api/imports?kind=enterprises&file=private.csv", method: .post,
                                                  headers: [.authorization: "Bearer \(organisation.token)"],
                                                  body: ByteBuffer(string: Self.privateFirms)) { $0.status }
            #expect(status == .ok)
            let imports = try await store.imports()
            let privateLayer = "import:\(try #require(imports.last?.id))"
            #expect(try await store.snapshot().enterprises.filter { $0.layer == privateLayer }.count == 15)

            for uri in Self.listedFigures {
                let after = try await Self.body(client, uri).1
                #expect(after == before[uri], "\(uri) changed after importing")
            }
            #expect(Self.cards(String(decoding: try await Self.body(client, "/").1, as: UTF8.self)) == overview)

            // The organisation may count its own import; nobody else may, and they are told no more than for a typo.
            let own = try await Self.body(client, "/api/regions/320500/report?layers=listed,\(privateLayer)",
                                          headers: [.authorization: "Bearer \(organisation.token)"])
            #expect(own.0 == .ok)
            let ownReport = try ServerFixture.jsonObject(ByteBuffer(data: own.1))
            let ownRegion = try #require(ownReport["region"] as? [String: Any])
            let listedRegion = try ServerFixture.jsonObject(ByteBuffer(data: try #require(before["/api/regions/320500/report"])))["region"] as? [String: Any]
            #expect((ownRegion["listedFirms"] as? Int) == (listedRegion?["listedFirms"] as? Int).map { $0 + 15 })
            let stranger = try await Self.body(client, "/api/regions/320500/report?layers=listed,\(privateLayer)")
            let typo = try await Self.body(client, "/api/regions/320500/report?layers=listed,import:999")
            #expect(stranger.0 == .badRequest && typo.0 == .badRequest)
            #expect(String(decoding: stranger.1, as: UTF8.self).contains("未知的数据层 \(privateLayer)"))
        }
    }

    @Test func choosingTheNMPALayerChangesTheCountsAndTheCoverageSaysSo() async throws {
        let (store, path) = try Self.freshStore()
        defer { Self.remove(path) }
        _ = try await Self.importNMPA(store)
        let app = try await buildApplication(store: store, configuration: ServerFixture.configuration)
        try await app.test(.router) { client in
            let listed = try ServerFixture.jsonObject(ByteBuffer(data: try await Self.body(client, "/api/regions/320500/report").1))
            let both = try ServerFixture.jsonObject(ByteBuffer(data: try await Self.body(client, "/api/regions/320500/report?layers=listed,nmpa-2019").1))
            let listedCoverage = try #require(listed["coverage"] as? [String: Any]), bothCoverage = try #require(both["coverage"] as? [String: Any])
            #expect(listedCoverage["layers"] as? [String] == ["listed"])
            #expect(bothCoverage["layers"] as? [String] == ["listed", "nmpa-2019"])
            let listedFirms = try #require(listedCoverage["firms"] as? Int), bothFirms = try #require(bothCoverage["firms"] as? Int)
            let byLayer = try #require(bothCoverage["byLayer"] as? [String: Int])
            #expect(byLayer["listed"] == listedFirms && bothFirms == listedFirms + (byLayer["nmpa-2019"] ?? 0) && byLayer["nmpa-2019"] ?? 0 > 7_000)
            #expect(bothCoverage["level"] as? String == "city" && (bothCoverage["located"] as? Int ?? 0) > (listedCoverage["located"] as? Int ?? 0))
            let a = try #require(listed["region"] as? [String: Any]), b = try #require(both["region"] as? [String: Any])
            #expect((b["listedFirms"] as? Int ?? 0) > (a["listedFirms"] as? Int ?? 0))
            #expect((b["biomedicineFirms"] as? Int ?? 0) > (a["biomedicineFirms"] as? Int ?? 0))

            // The map and the page count the same choice and say so; the form's repeated layers= means the same.
            let map = try ServerFixture.jsonObject(ByteBuffer(data: try await Self.body(client, "/api/map/000000?layers=listed,nmpa-2019").1))
            let rows = try #require(map["rows"] as? [[String: Any]])
            #expect(rows.reduce(0) { $0 + ($1["listedFirms"] as? Int ?? 0) } == (map["coverage"] as? [String: Any])?["locatedToProvince"] as? Int)
            let page = String(decoding: try await Self.body(client, "/regions/320500?layers=listed&layers=nmpa-2019").1, as: UTF8.self)
            #expect(page.contains("覆盖上市企业、药品生产企业（NMPA 2019）"))
            #expect(page.contains("value=\"nmpa-2019\" checked"))
            let defaultPage = String(decoding: try await Self.body(client, "/regions/320500").1, as: UTF8.self)
            #expect(defaultPage.contains("覆盖上市企业 5,605 家") && defaultPage.contains("value=\"nmpa-2019\">"))
            let overview = String(decoding: try await Self.body(client, "/?layers=listed,nmpa-2019").1, as: UTF8.self)
            #expect(Int(Self.cards(overview)[1]) ?? 0 > 10_000)
        }
    }

    @Test func lianyungangsInnovativeDrugLQOnTwoFirmsIsFlagged() async throws {
        try await ServerFixture.withApp { client in
            let report = try ServerFixture.jsonObject(ByteBuffer(data: try await Self.body(client, "/api/regions/320700/report").1))
            let nodes = try #require((report["gaps"] as? [String: Any])?["nodes"] as? [[String: Any]])
            for node in nodes {
                let firms = node["firms"] as? Double ?? 0, flag = node["flag"] as? [String: Any]
                let id = (node["node"] as? [String: Any])?["id"] as? String ?? ""
                if node["lq"] != nil, firms > 0, firms < 3 {
                    #expect(flag?["code"] as? String == "few-firms" && flag?["firms"] as? Int == Int(firms), "\(id)")
                } else {
                    #expect(flag == nil, "\(id)")
                }
            }
            // The case: 连云港's 创新药 LQ, tens of times the national share, on one or two listed firms.
            let innovative = try #require(nodes.first { ($0["node"] as? [String: Any])?["id"] as? String == "innovative-drugs" })
            let firms = try #require(innovative["firms"] as? Double)
            #expect(firms > 0 && firms < 3 && (innovative["lq"] as? Double ?? 0) > 10)
            #expect((innovative["flag"] as? [String: Any])?["firms"] as? Int == Int(firms))
            let page = String(decoding: try await Self.body(client, "/regions/320700").1, as: UTF8.self)
            #expect(page.contains("创新药 LQ") && page.contains("仅 \(Int(firms)) 家企业，数值不稳定"))
        }
    }
}

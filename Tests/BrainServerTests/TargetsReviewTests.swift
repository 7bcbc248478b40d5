import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import BrainIngest
import BrainModel
import BrainServer

/// The reviewer's findings on the 招商 list and region page (issue 18): risk-warned firms, each chain preset's list on
/// the nodes it is about, the targets sheet in one language, coverage said once, labels in one language.
@Suite struct TargetsReviewTests {
    func get(_ client: any TestClientProtocol, _ uri: String) async throws -> (HTTPResponse.Status, ByteBuffer) {
        try await client.execute(uri: uri, method: .get) { ($0.status, $0.body) }
    }

    func firms(_ report: [String: Any]) -> [[String: Any]] { (report["targets"] as? [[String: Any]]) ?? [] }

    @Test func riskWarnedFirmsAreLeftOutUnlessAskedForThenFlagged() async throws {
        try await ServerFixture.withApp { client in
            // 连云港's 综合 list had ST康美 at rank 6.
            let plain = try ServerFixture.jsonObject(try await get(client, "/api/regions/320700/targets?size=50").1)
            #expect(!firms(plain).contains { (($0["firm"] as? [String: Any])?["name"] as? String ?? "").contains("ST") })
            #expect((plain["riskWarnedLeftOut"] as? Int ?? 0) > 0 && plain["riskWarned"] as? String == "exclude")
            let with = try ServerFixture.jsonObject(try await get(client, "/api/regions/320700/targets?size=50&riskWarned=include").1)
            let warned = firms(with).filter { $0["riskWarning"] as? Bool == true }
            #expect(!warned.isEmpty, "ST康美 is back when asked for")
            for firm in warned {
                let first = (firm["reasons"] as? [[String: Any]])?.first
                #expect(first?["code"] as? String == "target.risk-warning" && (first?["text"] as? String)?.contains("风险警示") == true)
            }
            #expect(try await get(client, "/api/regions/320700/targets?riskWarned=maybe").0 == .badRequest)
            let html = String(buffer: try await get(client, "/regions/320700").1)
            #expect(html.contains("name=\"riskWarned\""), "the page has the control to include them")
        }
    }

    func targetsSheet(_ buffer: ByteBuffer, sheet: String) throws -> [[String]] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("targets-test-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(buffer: buffer).write(to: url)
        var reader = try XLSXReader(url: url, sheet: sheet)
        defer { reader.close() }
        var rows: [[String]] = []
        while let item = try reader.next() { if case .record(_, let fields) = item { rows.append(fields) } }
        return rows
    }

    static func hasChinese(_ text: String) -> Bool { text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }
    static func hasLatinWord(_ text: String) -> Bool { text.range(of: "[A-Za-z]{3,}", options: .regularExpression) != nil }

    @Test func targetsSheetIsChineseByDefaultAndEnglishWithLangEn() async throws {
        try await ServerFixture.withApp { client in
            let zh = try targetsSheet(try await get(client, "/regions/320700/export.xlsx?strategy=fill").1, sheet: "招商目标")
            let header = try #require(zh.first)
            #expect(header.first == "排名" && header.contains("理由"))
            #expect(!header.contains(where: Self.hasLatinWord), "no English in the Chinese headers: \(header)")
            #expect(zh.contains { $0.first == "策略" && $0.count > 1 && $0[1] == "补链" }, "the sheet follows the chosen strategy")
            let en = try targetsSheet(try await get(client, "/regions/320700/export.xlsx?strategy=fill&lang=en").1, sheet: "Targets")
            let enHeader = try #require(en.first)
            #expect(enHeader.first == "Rank" && !enHeader.contains(where: Self.hasChinese), "\(enHeader)")
            #expect(en.contains { $0.first == "Strategy" })
        }
    }

    @Test func chainPresetsListOnlyFirmsOnTheNodesTheyAreAbout() async throws {
        try await ServerFixture.withApp { client in
            for region in ["320700", "320500"] {
                // 延链: nodes weak or absent here that product links tie to a strong node — never a strong node's firms.
                let extend = try ServerFixture.jsonObject(try await get(client, "/api/regions/\(region)/targets?strategy=extend&size=50").1)
                #expect(firms(extend).allSatisfy { $0["role"] as? String == "extend" }, "\(region) 延链: \(firms(extend).map { $0["role"] ?? "–" })")
                let strengthen = try ServerFixture.jsonObject(try await get(client, "/api/regions/\(region)/targets?strategy=strengthen&size=50").1)
                #expect(firms(strengthen).allSatisfy { ["strong", "weak"].contains($0["nodeStatus"] as? String ?? "") })
                let fill = try ServerFixture.jsonObject(try await get(client, "/api/regions/\(region)/targets?strategy=fill&size=50").1)
                #expect(!firms(fill).isEmpty && firms(fill).allSatisfy { $0["nodeStatus"] as? String != "strong" })
            }
            let suzhou = try ServerFixture.jsonObject(try await get(client, "/api/regions/320500/targets?strategy=extend&size=20").1)
            #expect(!firms(suzhou).isEmpty, "苏州 has strong nodes with linked gaps to extend to")
        }
    }

    @Test func regionPageStatesCoverageOnceAndEnterpriseLabelsInOneLanguage() async throws {
        try await ServerFixture.withApp { client in
            let html = String(buffer: try await get(client, "/regions/320700").1)
            #expect(html.components(separatedBy: "class=\"note coverage\"").count == 2, "the coverage sentence once")
            #expect(html.contains("仅A股") && html.contains("正大天晴"), "the cards say they count A-share firms only")
            #expect(!html.contains("全国 China"))
            let firm = String(buffer: try await get(client, "/enterprises/600276.SH").1)
            #expect(firm.contains("<span class=\"zh\">员工人数</span><span class=\"en\">employees</span>"))
            #expect(!firm.contains("<td>员工人数 employees"), "the table cell, not the page data's JSON")
            // 恒瑞 meets sz-hq's conditions, but moving its HQ to 苏州 is an action, not eligibility.
            #expect(firm.contains("需采取的行动") && firm.contains("符合条件，尚需行动"))
        }
    }
}

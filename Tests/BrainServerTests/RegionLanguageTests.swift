import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import BrainIngest
import BrainModel
import BrainServer

/// The region page, its workbook and its report JSON in Chinese first, English when asked (`lang=en`).
@Suite struct RegionLanguageTests {
    func get(_ client: any TestClientProtocol, _ uri: String) async throws -> (HTTPResponse.Status, ByteBuffer) {
        try await client.execute(uri: uri, method: .get) { ($0.status, $0.body) }
    }

    /// The workbook's sheet names and the actions sheet's header and first row.
    func workbook(_ buffer: ByteBuffer, actions sheet: String) throws -> (sheets: [String], rows: [[String]]) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("region-test-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(buffer: buffer).write(to: url)
        var reader = try XLSXReader(url: url, sheet: sheet)
        defer { reader.close() }
        var rows: [[String]] = []
        while rows.count < 2, let item = try reader.next() {
            if case .record(_, let fields) = item { rows.append(fields) }
        }
        return (reader.sheetNames, rows)
    }

    static func hasChinese(_ text: String) -> Bool { text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }

    @Test func workbookIsChineseUnlessEnglishIsAsked() async throws {
        try await ServerFixture.withApp { client in
            let (status, zh) = try await get(client, "/regions/320700/export.xlsx")
            #expect(status == .ok)
            let chinese = try workbook(zh, actions: "补链强链延链")
            #expect(chinese.sheets.first == "概况" && chinese.sheets.contains("卡脖子"))
            #expect(chinese.rows.first == ["类别", "节点编号", "节点", "得分", "理由"])
            let row = try #require(chinese.rows.dropFirst().first)
            #expect(["补链", "强链", "延链"].contains(row[0]) && Self.hasChinese(row[4]), "\(row)")

            let (_, en) = try await get(client, "/regions/320700/export.xlsx?lang=en")
            let english = try workbook(en, actions: "Actions")
            #expect(english.sheets.first == "Summary" && english.sheets.contains("Chokepoints"))
            #expect(english.rows.first == ["Kind", "Node ID", "Node", "Score", "Reasons"])
            let enRow = try #require(english.rows.dropFirst().first)
            #expect(["fill", "strengthen", "extend"].contains(enRow[0]) && (enRow[4].contains("density") || enRow[4].contains("LQ")), "\(enRow)")
        }
    }

    @Test func pageCarriesBothLanguagesOfEveryReason() async throws {
        try await ServerFixture.withApp { client in
            let (_, page) = try await get(client, "/regions/320700")
            let html = String(buffer: page)
            let report = try ServerFixture.jsonObject(try await get(client, "/api/regions/320700/report").1)
            let gaps = try #require(report["gaps"] as? [String: Any])
            let actions = ["fill", "strengthen", "extend"].flatMap { (gaps[$0] as? [[String: Any]]) ?? [] }
            let first = try #require(actions.first?["reasons"] as? [[String: Any]])
            let reason = Reason(try #require(first.first?["code"] as? String), try #require(first.first?["values"] as? [String: String]))
            let escape = { (text: String) in text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;") }
            #expect(html.contains("<span class=\"zh\">\(escape(ReasonText.render(reason, in: .zh)))</span>"))
            #expect(html.contains("<span class=\"en\">\(escape(ReasonText.render(reason, in: .en)))</span>"))
            // Chain-map hover titles: Chinese in `title`, English in `data-title-en`.
            #expect(html.contains("title=\"优势 · LQ") && html.contains("data-title-en=\"strong · LQ"))
            #expect(!html.contains("title=\"优势 strong"))
        }
    }
}

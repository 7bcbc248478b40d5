import Foundation
import Testing
@testable import BrainIngest
import BrainModel

/// Curation files: every bad row reported with file, row and field; valid rows kept; ids stable so a file imported
/// twice is the same curations; the shipped data/curation file loads whole into the bundle.
@Suite struct CurationFileTests {
    static let known = CurationCheck.Known(firms: ["688690.SH", "600276.SH"], nodes: ["purification-resins", "api", "antibodies"],
                                           regions: ["320576", "320500"], stored: [:])

    func write(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("curations-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test func badRowsNameFileRowAndFieldAndValidRowsAreKept() throws {
        let url = try write("""
            firm,action,node,from_node,region,reason,by,source,created_at
            688690,add,purification-resins,,,色谱填料,王分析,年报,2026-11-01T00:00:00Z
            999999.SH,add,api,,,未知企业,王分析,,2026-11-01T00:00:00Z
            600276.SH,add,rockets,,,未知节点,王分析,,2026-11-01T00:00:00Z
            600276.SH,locate,,,999999,未知地区,王分析,,2026-11-01T00:00:00Z
            600276.SH,remove,api,,,,王分析,,2026-11-01T00:00:00Z
            600276.SH,teleport,api,,,未知操作,王分析,,2026-11-01T00:00:00Z
            600276.SH,move,antibodies,api,,移动,,,2026-11-01T00:00:00Z

            """)
        let (rows, unreadable) = try CurationFile.read(url: url, file: "c.csv", firmAliases: ["688690": "688690.SH"], now: "2026-11-29")
        #expect(unreadable.map { "\($0.row ?? 0) \($0.field ?? "")" } == ["7 action"])
        #expect(unreadable.first?.reason.hasPrefix("未知操作") == true)
        let (valid, problems) = CurationFile.check(rows, file: "c.csv", known: Self.known)
        #expect(problems.map { "\($0.file) \($0.row ?? 0) \($0.field ?? "") \($0.value ?? "")" }
                == ["c.csv 3 firm 999999.SH", "c.csv 4 node rockets", "c.csv 5 region 999999", "c.csv 6 reason ", "c.csv 8 by "])
        #expect(problems[0].description.contains("row 3") && problems[0].description.contains("未知企业"))
        #expect(problems[3].reason.hasPrefix("理由不能为空"))
        #expect(valid.map(\.line) == [2])
        #expect(valid[0].curation.enterpriseId == "688690.SH", "a six-digit stock code names the listed firm")
        #expect(valid[0].curation.id.hasPrefix("row-") && valid[0].curation.source == "年报")
    }

    @Test func exportedFilesReadBackTheSameCurations() throws {
        let curations = [
            Curation(id: "a1", enterpriseId: "688690.SH", action: .add, nodeId: "purification-resins", reason: "色谱填料, 层析介质",
                     author: "王分析", source: "年报 \"2021\"", createdAt: "2026-11-01T00:00:00.000Z"),
            Curation(id: "a2", enterpriseId: "688690.SH", action: .revoke, revokes: "a1", reason: "撤销", author: "李分析",
                     createdAt: "2026-11-02T00:00:00.000Z"),
            // An organisation's curations keep their organisation and publication: a private one stays private.
            Curation(id: "a3", enterpriseId: "688690.SH", action: .add, nodeId: "antibodies", reason: "本机构修正", author: "org:org-a",
                     createdAt: "2026-11-03T00:00:00.000Z", organisationId: "org-a"),
            Curation(id: "a4", enterpriseId: "688690.SH", action: .add, nodeId: "api", reason: "已发布修正", author: "org:org-a",
                     createdAt: "2026-11-04T00:00:00.000Z", organisationId: "org-a", publishedAt: "2026-11-05T00:00:00Z"),
        ]
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString).csv")
        try CurationFile.write(curations, names: ["688690.SH": "纳微科技"], to: url)
        let (rows, problems) = try CurationFile.read(url: url, file: "export.csv", firmAliases: [:], now: "x")
        #expect(problems.isEmpty && rows.map(\.curation) == curations)
        let (valid, checked) = CurationFile.check(rows, file: "export.csv", known: Self.known)
        #expect(checked.isEmpty && valid.count == 4, "a revocation may name a curation earlier in the same file")
        #expect(rows.map(\.curation.isPublic) == [true, true, false, true])
        // Without ids, the same row gets the same id every time: importing it twice is one curation.
        let plain = try write("firm,action,node,reason,by\n688690.SH,add,purification-resins,色谱填料,王分析\n")
        let first = try CurationFile.read(url: plain, file: "p.csv", firmAliases: [:], now: "1").rows[0].curation.id
        let second = try CurationFile.read(url: plain, file: "p.csv", firmAliases: [:], now: "2").rows[0].curation.id
        #expect(first == second)
        // A file without the organisation column (written before publishing, or data/curation) holds public curations,
        // and a published_at without an organisation means nothing.
        let old = try write("firm,action,node,reason,by,published_at\n688690.SH,add,purification-resins,色谱填料,王分析,2026-11-05\n")
        let public_ = try CurationFile.read(url: old, file: "o.csv", firmAliases: [:], now: "1").rows[0].curation
        #expect(public_.organisationId == nil && public_.publishedAt == nil && public_.isPublic)
    }

    @Test func theShippedReviewedFileLoadsWhole() throws {
        let report = try #require(try BundleFixture.report().files.first { $0.file == "curation/reviewed.csv" })
        #expect(report.rejected == 0 && report.accepted == report.read && report.read >= 10, "\(report.examples)")
        let curations = try BundleFixture.bundle().curations
        let nawei = try #require(curations.first { $0.enterpriseId == "688690.SH" && $0.action == .add })
        #expect(nawei.nodeId == "purification-resins" && nawei.author == "data/curation" && nawei.source?.isEmpty == false)
        #expect(curations.allSatisfy { !($0.source ?? "").isEmpty }, "every shipped curation cites its source")
    }

    @Test func aBadShippedRowIsRejectedInTheBuildReport() throws {
        let folder = try BundleFixture.copyOfDataFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("firm,action,node,reason\n688690.SH,add,no-such-node,x\n600276.SH,add,antibodies,\n".utf8)
            .write(to: folder.appendingPathComponent("curation/broken.csv"))
        let (bundle, report) = try BundleLoader(folder: folder).load()
        let broken = try #require(report.files.first { $0.file == "curation/broken.csv" })
        #expect(broken.read == 2 && broken.rejected == 2 && broken.accepted == 0)
        #expect(broken.examples.contains { $0.contains("row 2") && $0.contains("field node") })
        #expect(broken.examples.contains { $0.contains("row 3") && $0.contains("field reason") })
        #expect(!bundle.curations.contains { $0.nodeId == "no-such-node" })
    }
}

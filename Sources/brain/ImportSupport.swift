import Foundation
import BrainIngest
import BrainModel

enum ImportFile {
    /// The file's content fingerprint, read in 1 MiB chunks.
    static func fingerprint(_ url: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var fingerprint = Fingerprint()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { fingerprint.add(chunk) }
        return fingerprint.hex
    }

    static func modificationDate(_ url: URL) throws -> String {
        let date = try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date ?? Date()
        return String(ISO8601DateFormatter().string(from: date).prefix(10))
    }

    static func checkedDate(_ text: String) throws -> String {
        guard case .success(let date) = DateValue.parse(text) else { throw CommandFailure("--as-of \(text) is not a date (YYYY-MM-DD)") }
        return date
    }
}

enum ImportSummaryPrinter {
    struct Combined: Encodable {
        let check: EnterpriseFileCheck.Summary
        let store: ImportOutcome?
    }

    /// The report in `language` (Chinese by default, `brain import --lang en`); the rejected rows' reasons too.
    static func print(_ summary: EnterpriseFileCheck.Summary, outcome: ImportOutcome?, problemsFile: URL?, dryRun: Bool = false,
                      language: DisplayLanguage = .zh) {
        let zh = language == .zh
        func say(_ chinese: String, _ english: String) { Swift.print(zh ? chinese : english) }
        if let previous = outcome?.alreadyImportedAs {
            return say("\(summary.file)：已导入过（#\(previous)，内容相同），未作改动", "\(summary.file): already imported as #\(previous) (same content): nothing changed")
        }
        say("\(summary.file)：\(summary.encoding)，\(summary.delimiter)，\(summary.rows) 行", "\(summary.file): \(summary.encoding), \(summary.delimiter), \(summary.rows) rows")
        let columns = summary.mappedColumns.sorted { $0.key < $1.key }.map { "\($0.key) → \($0.value)" }.joined(separator: ", ")
        say("识别的列：" + columns, "columns: " + columns)
        if !summary.extraColumns.isEmpty {
            say("作为附加属性保留：" + summary.extraColumns.joined(separator: "、"), "kept as extra attributes: " + summary.extraColumns.joined(separator: ", "))
        }
        say("接受 \(summary.accepted)，拒绝 \(summary.rejected)，待审核 \(summary.review)\(dryRun ? "——试运行：未写入" : "")",
            "accepted \(summary.accepted), rejected \(summary.rejected), to review \(summary.review)\(dryRun ? " — dry run: nothing written" : "")")
        if let outcome {
            let id = outcome.importId ?? 0
            say("导入 #\(id)：新建 \(outcome.created)，更新 \(outcome.updated)，未变 \(outcome.unchanged)，留作历史 \(outcome.history)，"
                + "送审 \(outcome.review)，关联分支机构 \(outcome.branchesLinked)"
                + (outcome.linkedToListed > 0 ? "，按名称关联上市企业 \(outcome.linkedToListed)" : ""),
                "import #\(id): created \(outcome.created), updated \(outcome.updated), unchanged \(outcome.unchanged), "
                + "kept as history \(outcome.history), sent to review \(outcome.review), branches linked \(outcome.branchesLinked)"
                + (outcome.linkedToListed > 0 ? ", linked to listed firms by name \(outcome.linkedToListed)" : ""))
            if outcome.review > 0 { say("用 `brain review list` 处理审核队列", "decide the review queue with `brain review list`") }
        }
        for problem in summary.problems.prefix(20) {
            let p = problem.rendered(in: language)
            let severity = zh ? (p.severity == .rejected ? "拒绝" : "待审核") : p.severity.rawValue
            say("  第 \(p.row) 行 [\(p.column)] \(p.value.prefix(40))：\(p.reason)（\(severity)）",
                "  row \(p.row) [\(p.column)] \(p.value.prefix(40)): \(p.reason) (\(severity))")
        }
        if summary.problems.count > 20 { say("  ……另有 \(summary.problems.count - 20) 条", "  … \(summary.problems.count - 20) more") }
        if let problemsFile { say("全部问题：\(problemsFile.path)", "every problem: \(problemsFile.path)") }
    }
}

/// A one-line progress display on standard error, only when it is a terminal.
final class ImportProgress {
    private let start = Date()
    private var lastDraw = Date.distantPast
    private let enabled = isatty(2) == 1
    private var drawn = false

    func update(rows: Int, accepted: Int) {
        guard enabled, Date().timeIntervalSince(lastDraw) > 0.2 else { return }
        lastDraw = Date()
        let seconds = max(Date().timeIntervalSince(start), 0.001)
        FileHandle.standardError.write(Data(String(format: "\r%@ rows read · %.0f rows/s · %.0f s  ", "\(rows)", Double(rows) / seconds, seconds).utf8))
        drawn = true
    }

    func finish() { if drawn { FileHandle.standardError.write(Data("\n".utf8)) } }
}

enum ImportTemplate {
    static let enterpriseHeader = ["企业名称", "统一社会信用代码", "法定代表人", "成立日期", "注册资本(万元)", "登记状态", "注册地址", "经营范围",
                                   "所属行业", "参保人数"]
    /// A made-up firm (示例), its code given a valid check character so the template imports cleanly.
    static let enterpriseExample = ["示例生物医药有限公司（示例）", exampleCode, "张三", "2019-06-10", "5000", "存续",
                                    "江苏省连云港市海州区示例路1号", "药品生产；注射剂、片剂的研发；医疗器械销售", "化学药品制剂制造", "120"]
    static var exampleCode: String {
        let first17 = "91320706MA1EXAMPL".uppercased()
        return first17 + String(USCC.checkCharacter(first17))
    }

    /// Header and example row of each kind that can be imported; the examples are made up (示例) or name real listed firms.
    static func table(_ kind: ImportKind) -> [[String]]? {
        switch kind {
        case .enterprises: [enterpriseHeader, enterpriseExample]
        case .products: [["企业名称", "统一社会信用代码", "产品", "营收占比"], ["恒瑞医药", "", "抗肿瘤药（示例）", "35%"]]
        case .events: [["企业名称", "统一社会信用代码", "事件类型", "日期", "标题", "详情"],
                       ["恒瑞医药", "", "获批", "2024-03-01", "某创新药获批上市（示例）", "上市/更名/融资/获批/其他"]]
        case .relations: [["产品", "关联产品", "关系"], ["无血清培养基", "氨基酸", "上游"]]
        case .demands: [["需求类型", "标题", "服务", "地区", "说明", "预算(万元)", "截止日期", "最低学历", "工作年限", "人数"],
                        ["服务", "抗体药物 IND 前药理毒理研究（示例）", "cro", "苏州市", "需 GLP 资质", "300", "2027-06-30", "", "", ""]]
        case .offers: [["服务商", "统一社会信用代码", "服务", "地区", "服务内容", "能力", "联系方式"],
                       ["示例中试平台（示例）", "", "cdmo", "苏州工业园区", "抗体 200L–2000L 中试与 GMP 生产", "2×2000L 一次性反应器", "（示例）"]]
        case .talents: [["姓名", "单位", "职称", "地区", "产业链环节", "研究方向", "学历", "人才称号", "论文数", "h指数", "专利数", "主持项目数",
                         "产业经验", "创办企业数", "联系方式"],
                        ["示例（虚构，请替换）", "示例大学", "教授", "苏州市", "抗体药物", "双特异性抗体", "博士", "国家杰青", "80", "35", "12", "6",
                         "5", "1", ""]]
        case .policies: nil
        }
    }

    static func write(_ kind: ImportKind, to folder: URL) throws {
        guard let table = table(kind) else {
            throw CommandFailure("a template for \(kind.rawValue) is not built yet: policies ship as data/policies/eligibility.json")
        }
        let csv = folder.appendingPathComponent("template-\(kind.rawValue).csv"), xlsx = folder.appendingPathComponent("template-\(kind.rawValue).xlsx")
        let writer = try CSVWriter(url: csv, header: table[0])
        for row in table.dropFirst() { writer.write(row) }
        try writer.close()
        try XLSXWriter.write(sheets: [(name: kind.rawValue, rows: table)], to: xlsx)
        Swift.print("wrote \(xlsx.path) and \(csv.path)")
    }
}

import Foundation
import BrainIngest
import BrainModel
import BrainUseCases

enum ImportFile {
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

/// A one-line progress display on standard error, only when it is a terminal. Updated by the import's reading thread
/// alone, and finished after it has stopped.
final class ImportProgress: @unchecked Sendable {
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

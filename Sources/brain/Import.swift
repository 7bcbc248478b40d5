import ArgumentParser
import Foundation
import BrainIngest

enum ImportKind: String, ExpressibleByArgument, CaseIterable {
    case enterprises, products, relations, events, talents, policies, offers, demands
}

enum OnError: String, ExpressibleByArgument { case skipRows = "skip-rows", rejectFile = "reject-file" }

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a user's CSV/TSV file (UTF-8 or GB18030, Chinese or English headers): every row validated, located and reported.",
        discussion: """
            Today the pipeline reads, validates, normalises and locates enterprise lists and reports every problem
            (--dry-run); writing the accepted rows into the store comes next. Problems go to FILE.problems.csv.
            """)

    @Argument(help: "The file to import.") var file: String?
    @Option(help: "What the file holds.") var kind: ImportKind = .enterprises
    @Option(help: "CSV of header,field pairs for headers the built-in synonyms do not know.") var mapping: String?
    @Option(help: "utf-8 or gb18030; detected when not given.") var encoding: String?
    @Flag(help: "Report only; write nothing to the store.") var dryRun = false
    @Option(help: "skip-rows keeps valid rows; reject-file takes nothing if any row is rejected.") var onError: OnError = .skipRows
    @Option(help: "Write a template for KIND (CSV with the expected headers and one example row) and exit.") var template: ImportKind?
    @Option(help: "Folder holding the bundled open data (region code table).") var data: String = "data"
    @Flag(help: "Print the report as JSON.") var json = false

    func run() throws {
        if let template { return try writeTemplate(template) }
        guard let file else { throw ValidationError("name the file to import, or --template KIND") }
        guard kind == .enterprises else { throw CommandFailure("importing \(kind.rawValue) is not built yet; enterprises are") }
        guard dryRun else {
            throw CommandFailure("writing imports into the store is not built yet: run with --dry-run for the full check and report")
        }
        let textEncoding = try encoding.map { name in
            guard let value = TextEncoding(rawValue: name.lowercased()) else { throw ValidationError("--encoding is utf-8 or gb18030") }
            return value
        }
        let url = URL(fileURLWithPath: file)
        guard FileManager.default.fileExists(atPath: url.path) else { throw CommandFailure("\(file): no such file") }
        let resolver = try AddressResolver.load(dataFolder: URL(fileURLWithPath: data))
        let userMapping = try mapping.map { try HeaderMapping.readMappingFile(URL(fileURLWithPath: $0)) } ?? [:]
        let summary: EnterpriseFileCheck.Summary
        do {
            summary = try EnterpriseFileCheck(url: url, resolver: resolver, mapping: userMapping).run(encoding: textEncoding)
        } catch let error as EnterpriseFileCheck.FileError {
            throw CommandFailure(error.description)
        }
        let problems = summary.problems.isEmpty ? nil : try EnterpriseFileCheck.writeProblems(summary, nextTo: url)
        if json { return try Output.json(summary) }
        print("\(summary.file): \(summary.encoding), delimiter \(summary.delimiter), \(summary.rows) rows")
        print("columns: " + summary.mappedColumns.sorted { $0.key < $1.key }.map { "\($0.key) → \($0.value)" }.joined(separator: ", "))
        if !summary.extraColumns.isEmpty { print("kept as extra attributes: " + summary.extraColumns.joined(separator: ", ")) }
        let outcome = onError == .rejectFile && summary.rejected > 0 ? "the whole file would be rejected (--on-error reject-file)" : "dry run: nothing written"
        print("accepted \(summary.accepted), rejected \(summary.rejected), to review \(summary.review) — \(outcome)")
        for p in summary.problems.prefix(20) {
            print("  row \(p.row) [\(p.column)] \(p.value.prefix(40)): \(p.reason) (\(p.severity.rawValue))")
        }
        if summary.problems.count > 20 { print("  … \(summary.problems.count - 20) more") }
        if let problems { print("every problem: \(problems.path)") }
    }

    func writeTemplate(_ kind: ImportKind) throws {
        guard kind == .enterprises else { throw CommandFailure("a template for \(kind.rawValue) is not built yet; enterprises is") }
        let url = URL(fileURLWithPath: "template-\(kind.rawValue).csv")
        let writer = try CSVWriter(url: url, header: ["企业名称", "统一社会信用代码", "法定代表人", "成立日期", "注册资本(万元)", "登记状态",
                                                      "注册地址", "经营范围", "所属行业", "参保人数"])
        writer.write(["华为技术有限公司", "914403001922038216", "（示例）", "1987-09-15", "4104113.182", "存续",
                      "广东省深圳市龙岗区坂田华为基地", "（示例）", "计算机、通信和其他电子设备制造业", "1000"])
        try writer.close()
        print("wrote \(url.path)")
    }
}

import Foundation
import BrainModel

/// Reads a file of policy clauses, one clause a row: what the clause is (id, title, clause, issuing region, amount,
/// period, source, date), who may claim it (chain nodes, the firm's region, biomedicine, listed, size thresholds, held
/// approvals — the tests `PolicyRule` knows) and, apart from those, what the firm must still do to claim it. Each
/// problem is reported with its row and column; node names and places are settled as the market kinds settle them.
public final class PolicyFileCheck: RowFileCheck {
    public static let synonyms: [String: [String]] = [
        "id": ["编号", "政策编号", "条款编号", "id"],
        "title": ["政策名称", "政策", "文件名称", "title", "policy"],
        "clause": ["条款", "条款名称", "clause"],
        "region": ["发布地区", "发文地区", "发布机关所在地", "region", "issuer"],
        "subject": ["适用对象", "对象", "subject"],
        "eligibility": ["申报条件", "资格说明", "条件说明", "eligibility"],
        "nodes": ["产业链环节", "环节", "nodes", "node"],
        "within": ["企业所在地区", "所在地区", "firmregion", "within"],
        "biomedicine": ["生物医药企业", "biomedicine"],
        "listed": ["上市企业", "是否上市", "listed"],
        "employees": ["最少员工数", "员工数不少于", "minemployees"],
        // Matched without the bracketed unit (HeaderMapping splits it off); the values are 万元 as the template says.
        "capital": ["最低注册资本", "注册资本不少于", "mincapitalwan"],
        "age": ["最低成立年限", "成立年限不少于", "minageyears"],
        "approvals": ["需持有批件", "批件", "approvals"],
        "action": ["企业需办事项", "需办事项", "企业须做", "action"],
        "max_amount": ["最高金额", "最高奖励", "maxamountwan"],
        "period": ["期限", "有效期", "period"],
        "source": ["来源", "出处", "source"],
        "as_of": ["发布日期", "日期", "asof", "date"],
    ]
    static let required = ["id", "title", "clause", "region"]

    let url: URL
    let mapping: [String: String]
    let parser: MarketRowParser
    public private(set) var summary: EnterpriseFileCheck.Summary
    private var reader: (any RowReader)?
    private var columns: HeaderMapping?
    /// The first row of each id: a second row with the same id is rejected, not silently merged.
    private var seen: [String: Int] = [:]

    public init(url: URL, taxonomy: ChainTaxonomy, resolver: AddressResolver, mapping: [String: String] = [:]) {
        self.url = url
        self.mapping = mapping
        parser = MarketRowParser(taxonomy: taxonomy, resolver: resolver)
        summary = EnterpriseFileCheck.Summary(file: url.lastPathComponent, encoding: "", delimiter: "")
    }

    deinit { reader?.close() }

    public func start(encoding: TextEncoding? = nil, sheet: String? = nil) throws {
        let opened = try UserFile.open(url, encoding: encoding, sheet: sheet, synonyms: Self.synonyms, mapping: mapping)
        try opened.requireColumns(Self.required)
        (reader, columns, summary) = (opened.reader, opened.columns, opened.summary)
    }

    /// Up to `limit` accepted clauses, in file order; nil when the file is done.
    public func next(limit: Int = 1_000) throws -> [ImportedPolicy]? {
        guard var reader, let columns else { return nil }
        defer { self.reader = reader }
        var batch: [ImportedPolicy] = [], ended = false
        try UserFile.translating(summary.file) {
            while batch.count < limit {
                guard let item = try reader.next() else { ended = true; break }
                summary.rows += 1
                switch item {
                case .oversized(let line, let bytes): reject(line, RowProblem.wholeRow, "\(bytes) B", Reason("import.row-too-long"))
                case .invalid(let line, let reason):
                    summary.rejected += 1
                    summary.problems.append(RowProblem(file: summary.file, row: line, column: RowProblem.wholeRow, value: "", because: reason, severity: .rejected))
                case .invalidField(let line, let column, let value, let reason):
                    summary.rejected += 1
                    summary.problems.append(RowProblem(file: summary.file, row: line, column: column, value: value, because: reason, severity: .rejected))
                case .record(let line, let fields):
                    guard fields.count == columns.columns.count else {
                        reject(line, RowProblem.wholeRow, "\(fields.count)",
                               Reason("import.field-count", ["found": "\(fields.count)", "expected": "\(columns.columns.count)"]))
                        continue
                    }
                    var cells: [String: MarketRowParser.Cell] = [:]
                    for (column, raw) in zip(columns.columns, fields) {
                        let value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
                        if let field = column.field, !value.isEmpty { cells[field] = .init(value: value, header: column.header, unit: column.multiplier) }
                    }
                    do {
                        let clause = try parse(cells, line: line, header: { field in columns.columns.first { $0.field == field }?.header ?? field })
                        if let first = seen[clause.policy.id] {
                            reject(line, cells["id"]?.header ?? "id", clause.policy.id, Reason("import.duplicate-id", ["first": "\(first)"]))
                            continue
                        }
                        seen[clause.policy.id] = line
                        batch.append(clause)
                        summary.accepted += 1
                    } catch let problem as MarketRowParser.Problem {
                        summary.rejected += 1
                        summary.problems.append(problem.because.map {
                            RowProblem(file: summary.file, row: line, column: problem.column, value: problem.value, because: $0, severity: .rejected)
                        } ?? RowProblem(file: summary.file, row: line, column: problem.column, value: problem.value, reason: problem.reason, severity: .rejected))
                    }
                }
            }
        }
        return batch.isEmpty && ended ? nil : batch
    }

    /// One row's cells as a clause and its rule, or the first problem with them.
    func parse(_ cells: [String: MarketRowParser.Cell], line: Int, header: (String) -> String) throws -> ImportedPolicy {
        for field in Self.required where cells[field] == nil {
            throw MarketRowParser.Problem(column: header(field), value: "", because: Reason("import.field-empty", ["column": header(field)]))
        }
        let text = { (field: String) in cells[field]?.value }
        var subject = "enterprise"
        if let cell = cells["subject"] {
            switch cell.value.lowercased() {
            case "企业", "enterprise", "enterprises": subject = "enterprise"
            case "人才", "talent", "talents": subject = "talent"
            default: throw MarketRowParser.Problem(column: cell.header, value: cell.value, because: Reason("import.policy-subject"))
            }
        }
        var conditions: [PolicyRule.Condition] = []
        if let cell = cells["nodes"] {
            let ids = try MarketRowParser.split(cell.value).map { try parser.node(.init(value: $0, header: cell.header)).id }
            conditions.append(.init(field: "nodes", anyOf: ids))
        }
        if let cell = cells["within"] { conditions.append(.init(field: "region", within: try parser.region(cell))) }
        for field in ["biomedicine", "listed"] {
            if let cell = cells[field] { conditions.append(.init(field: field, equals: try Self.yesNo(cell))) }
        }
        for (field, attribute) in [("employees", "employees"), ("capital", "registeredCapitalWan"), ("age", "ageYears")] {
            guard let cell = cells[field] else { continue }
            conditions.append(.init(field: attribute, atLeast: field == "capital" ? try MarketRowParser.wan(cell) : try Self.number(cell)))
        }
        if let cell = cells["approvals"] { conditions.append(.init(field: "approvals", anyContains: MarketRowParser.split(cell.value))) }
        let maxAmount = try cells["max_amount"].map { try MarketRowParser.wan($0) }
        var asOf = ""
        if let cell = cells["as_of"] {
            switch DateValue.parse(cell.value) {
            case .success(let date): asOf = date
            case .failure(let problem): throw MarketRowParser.Problem(column: cell.header, value: cell.value, because: problem.reason)
            }
        }
        let region = try parser.region(cells["region"]!)
        let policy = Policy(id: text("id")!, regionCode: region, title: text("title")!, clause: text("clause")!,
                            eligibility: text("eligibility") ?? "", maxAmountWan: maxAmount, period: text("period") ?? "",
                            provenance: Provenance(source: text("source") ?? summary.file, asOf: asOf))
        return ImportedPolicy(policy: policy, rule: PolicyRule(policyId: policy.id, subject: subject, conditions: conditions, action: text("action")),
                              line: line)
    }

    static func yesNo(_ cell: MarketRowParser.Cell) throws -> Bool {
        switch cell.value.lowercased() {
        case "是", "yes", "y", "true", "1": return true
        case "否", "no", "n", "false", "0": return false
        default: throw MarketRowParser.Problem(column: cell.header, value: cell.value, because: Reason("import.yes-no"))
        }
    }

    /// A threshold: a finite number ≥ 0 (people or years, as the column says).
    static func number(_ cell: MarketRowParser.Cell) throws -> Double {
        let text = TextNormalizer.halfWidth(cell.value).replacingOccurrences(of: ",", with: "")
        guard let value = Double(text), value.isFinite, value >= 0 else {
            throw MarketRowParser.Problem(column: cell.header, value: cell.value, because: Reason("import.number"))
        }
        return value
    }

    private func reject(_ line: Int, _ column: String, _ value: String, _ reason: Reason) {
        summary.rejected += 1
        summary.problems.append(RowProblem(file: summary.file, row: line, column: column, value: value, because: reason, severity: .rejected))
    }
}

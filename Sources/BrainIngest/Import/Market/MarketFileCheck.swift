import Foundation
import BrainModel

/// Reads a demands, offers or talents file — any format `RowReaders` reads, Chinese or English headers — validates
/// each row and reports every problem with its file, row and column; pull-based like `LinkFileCheck`.
public final class MarketFileCheck: RowFileCheck {
    public static let synonyms: [MarketKind: [String: [String]]] = [
        .demand: [
            "need": ["需求类型", "类型", "need", "type"],
            "title": ["标题", "需求", "需求名称", "需求标题", "title"],
            "node": ["服务", "服务类型", "领域", "产业链环节", "环节", "service", "node", "field"],
            "region": ["地区", "所在地", "所在地区", "需求地", "region", "location"],
            "detail": ["说明", "需求说明", "详情", "内容", "detail", "description"],
            "budget": ["预算", "预算金额", "budget", "budgetwan"],
            "deadline": ["截止日期", "期限", "deadline"],
            "degree": ["最低学历", "学历要求", "学历", "degree", "mindegree"],
            "years": ["工作年限", "经验年限", "年限要求", "years", "minyears"],
            "headcount": ["人数", "需求人数", "headcount"],
        ],
        .offer: [
            "provider": ["服务商", "服务机构", "机构名称", "企业名称", "名称", "provider", "name"],
            "uscc": HeaderMapping.enterpriseSynonyms["uscc"]!,
            "node": ["服务", "服务类型", "服务环节", "service", "node"],
            "region": ["地区", "所在地", "所在地区", "region", "location"],
            "detail": ["服务内容", "说明", "详情", "detail", "description"],
            "capacity": ["能力", "产能", "服务能力", "capacity"],
            "contact": ["联系方式", "联系人", "contact"],
        ],
        .talent: [
            "name": ["姓名", "name"],
            "institution": ["单位", "工作单位", "所在单位", "institution", "organisation", "organization"],
            "title": ["职称", "职务", "title"],
            "region": ["地区", "所在地", "所在地区", "region", "location"],
            "nodes": ["产业链环节", "环节", "领域环节", "nodes", "node"],
            "field": ["研究方向", "专业方向", "方向", "field", "researcharea"],
            "degree": ["学历", "最高学历", "degree"],
            "honours": ["人才称号", "称号", "荣誉", "honours", "honors"],
            "papers": ["论文数", "论文", "papers"],
            "hindex": ["h指数", "hindex"],
            "patents": ["专利数", "专利", "patents"],
            "projects": ["主持项目数", "主持项目", "projectsled", "projects"],
            "years": ["产业经验", "产业经验年限", "工作年限", "industryyears", "years"],
            "ventures": ["创办企业数", "创业", "venturesfounded", "ventures"],
            "contact": ["联系方式", "contact"],
        ],
    ]
    static let required: [MarketKind: [String]] = [.demand: ["title", "node", "region"], .offer: ["provider", "node", "region"], .talent: ["name", "nodes"]]

    let url: URL
    let kind: MarketKind
    let mapping: [String: String]
    let parser: MarketRowParser
    public private(set) var summary: EnterpriseFileCheck.Summary
    private var reader: (any RowReader)?
    private var columns: HeaderMapping?

    public init(url: URL, kind: MarketKind, taxonomy: ChainTaxonomy, resolver: AddressResolver, mapping: [String: String] = [:]) {
        self.url = url
        self.kind = kind
        self.mapping = mapping
        parser = MarketRowParser(taxonomy: taxonomy, resolver: resolver)
        summary = EnterpriseFileCheck.Summary(file: url.lastPathComponent, encoding: "", delimiter: "")
    }

    deinit { reader?.close() }

    public func start(encoding: TextEncoding? = nil, sheet: String? = nil) throws {
        let opened = try UserFile.open(url, encoding: encoding, sheet: sheet, synonyms: Self.synonyms[kind]!, mapping: mapping)
        reader = opened.reader
        try opened.requireColumns(Self.required[kind]!)
        summary = opened.summary
        columns = opened.columns
    }

    /// Up to `limit` accepted rows, in file order; nil when the file is done.
    public func next(limit: Int = 1_000) throws -> [NumberedMarketBody]? {
        guard var reader, let columns else { return nil }
        defer { self.reader = reader }
        var batch: [NumberedMarketBody] = [], ended = false
        try UserFile.translating(summary.file) {
            while batch.count < limit {
                guard let item = try reader.next() else { ended = true; break }
                summary.rows += 1
                switch item {
                case .oversized(let line, let bytes): reject(MarketRowParser.Problem(column: RowProblem.wholeRow, value: "\(bytes) B", because: Reason("import.row-too-long")), line)
                case .invalid(let line, let reason): reject(MarketRowParser.Problem(column: RowProblem.wholeRow, value: "", because: reason), line)
                case .invalidField(let line, let column, let value, let reason): reject(MarketRowParser.Problem(column: column, value: value, because: reason), line)
                case .record(let line, let fields):
                    guard fields.count == columns.columns.count else {
                        reject(.init(column: RowProblem.wholeRow, value: "\(fields.count)", because: Reason("import.field-count", ["found": "\(fields.count)", "expected": "\(columns.columns.count)"])), line)
                        continue
                    }
                    var values: [String: MarketRowParser.Cell] = [:]
                    for (column, raw) in zip(columns.columns, fields) {
                        let value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
                        if let field = column.field, !value.isEmpty { values[field] = .init(value: value, header: column.header, unit: column.multiplier) }
                    }
                    switch parser.parse(kind, values, header: { field in columns.columns.first { $0.field == field }?.header ?? field }) {
                    case .success(let body): batch.append(NumberedMarketBody(line: line, body: body)); summary.accepted += 1
                    case .failure(let problem): reject(problem, line)
                    }
                }
            }
        }
        return batch.isEmpty && ended ? nil : batch
    }

    private func reject(_ problem: MarketRowParser.Problem, _ line: Int) {
        summary.rejected += 1
        summary.problems.append(problem.because.map {
            RowProblem(file: summary.file, row: line, column: problem.column, value: problem.value, because: $0, severity: .rejected)
        } ?? RowProblem(file: summary.file, row: line, column: problem.column, value: problem.value, reason: problem.reason, severity: .rejected))
    }
}

/// An accepted row: its line in the file and what it says.
public struct NumberedMarketBody: Sendable {
    public var line: Int
    public var body: MarketBody
}

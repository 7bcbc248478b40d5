import Foundation
import BrainModel

/// Reads a products, events or product-relations file — any format `RowReaders` reads — validates each row and
/// reports every problem; pull-based like `EnterpriseFileCheck`. Which firm a row means is decided by the store.
public final class LinkFileCheck: RowFileCheck {
    public enum Kind: String, Sendable, CaseIterable { case products, events, relations }

    static let firmName = HeaderMapping.enterpriseSynonyms["name"]! + ["简称", "证券简称", "企业简称"]
    public static let synonyms: [Kind: [String: [String]]] = [
        .products: [
            "name": firmName, "uscc": HeaderMapping.enterpriseSynonyms["uscc"]!,
            "product": ["产品", "产品名称", "主营产品", "主要产品", "product", "productname"],
            "revenue_share": ["营收占比", "收入占比", "占营收比例", "占比", "revenueshare", "share"],
        ],
        .events: [
            "name": firmName, "uscc": HeaderMapping.enterpriseSynonyms["uscc"]!,
            "kind": ["事件类型", "类型", "kind", "type", "eventtype"],
            "date": ["日期", "事件日期", "时间", "date"],
            "title": ["标题", "事件", "事件名称", "title", "event"],
            "detail": ["详情", "说明", "内容", "detail", "description"],
        ],
        .relations: [
            "from": ["产品", "产品名称", "from", "product"],
            "to": ["关联产品", "to", "relatedproduct"],
            "kind": ["关系", "关系类型", "kind", "relation"],
        ],
    ]
    static let required: [Kind: [String]] = [.products: ["product"], .events: ["kind", "date", "title"], .relations: ["from", "to", "kind"]]
    static let eventKinds: [String: EventKind] = [
        "上市": .ipo, "ipo": .ipo, "更名": .rename, "rename": .rename, "融资": .funding, "funding": .funding,
        "获批": .approval, "批准": .approval, "审批": .approval, "approval": .approval, "其他": .other, "other": .other,
    ]
    static let relationKinds: [String: ProductRelationKind] = [
        "上游": .upstreamMaterial, "上游材料": .upstreamMaterial, "upstream": .upstreamMaterial,
        "下游": .downstreamProduct, "下游产品": .downstreamProduct, "downstream": .downstreamProduct,
        "小类": .subclass, "产品小类": .subclass, "subclass": .subclass,
    ]

    let url: URL
    let kind: Kind
    let mapping: [String: String]
    public private(set) var summary: EnterpriseFileCheck.Summary
    private var reader: (any RowReader)?
    private var columns: HeaderMapping?

    public init(url: URL, kind: Kind, mapping: [String: String] = [:]) {
        self.url = url
        self.kind = kind
        self.mapping = mapping
        summary = EnterpriseFileCheck.Summary(file: url.lastPathComponent, encoding: "", delimiter: "")
    }

    deinit { reader?.close() }

    public func start(encoding: TextEncoding? = nil, sheet: String? = nil) throws {
        let opened = try UserFile.open(url, encoding: encoding, sheet: sheet, synonyms: Self.synonyms[kind]!, mapping: mapping)
        reader = opened.reader
        let columns = opened.columns
        var needed = Self.required[kind]!
        if kind != .relations, !columns.columns.contains(where: { $0.field == "uscc" }) { needed.append("name") }
        try opened.requireColumns(needed)
        summary = opened.summary
        self.columns = columns
    }

    /// Up to `limit` accepted rows, in file order; nil when the file is done.
    public func next(limit: Int = 1_000) throws -> [ImportedLink]? {
        guard var reader, let columns else { return nil }
        defer { self.reader = reader }
        var batch: [ImportedLink] = [], ended = false
        try UserFile.translating(summary.file) {
            while batch.count < limit {
                guard let item = try reader.next() else { ended = true; break }
                summary.rows += 1
                switch item {
                case .oversized(let line, let bytes): reject(line, RowProblem.wholeRow, "\(bytes) B", Reason("import.row-too-long"))
                case .invalid(let line, let reason): reject(line, RowProblem.wholeRow, "", reason)
                case .invalidField(let line, let column, let value, let reason): reject(line, column, value, reason)
                case .record(let line, let fields):
                    if let link = validate(line, fields, columns) { batch.append(link); summary.accepted += 1 }
                }
            }
        }
        return batch.isEmpty && ended ? nil : batch
    }

    /// Store-side rejections (a firm the store does not hold) join the file's own problems.
    public func addUnresolved(_ rows: [UnresolvedRow]) {
        for row in rows {
            summary.accepted -= 1
            summary.rejected += 1
            summary.problems.append(RowProblem(file: summary.file, row: row.line, column: kind == .relations ? RowProblem.wholeRow : "企业名称", value: "",
                                               because: row.reason, severity: .rejected))
        }
        summary.problems.sort { $0.row < $1.row }
    }

    private func reject(_ line: Int, _ column: String, _ value: String, _ reason: Reason) {
        summary.rejected += 1
        summary.problems.append(RowProblem(file: summary.file, row: line, column: column, value: value, because: reason, severity: .rejected))
    }

    private func validate(_ line: Int, _ fields: [String], _ columns: HeaderMapping) -> ImportedLink? {
        guard fields.count == columns.columns.count else {
            reject(line, RowProblem.wholeRow, "\(fields.count)", Reason("import.field-count", ["found": "\(fields.count)", "expected": "\(columns.columns.count)"]))
            return nil
        }
        var values: [String: (value: String, header: String)] = [:]
        for (column, raw) in zip(columns.columns, fields) {
            let value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if let field = column.field, !value.isEmpty { values[field] = (value, column.header) }
        }
        func header(_ field: String) -> String { columns.columns.first { $0.field == field }?.header ?? field }
        for field in Self.required[kind]! where values[field] == nil {
            reject(line, header(field), "", Reason("import.field-empty", ["column": header(field)]))
            return nil
        }
        var uscc: String?
        if let (raw, column) = values["uscc"] {
            switch USCC.validate(raw) {
            case .success(let code): uscc = code
            case .failure(let problem): reject(line, column, raw, problem.reason); return nil
            }
        }
        let firm = FirmReference(uscc: uscc, name: values["name"]?.value)
        if kind != .relations, uscc == nil, firm.name == nil {
            reject(line, header("name"), "", Reason("import.no-firm"))
            return nil
        }
        switch kind {
        case .products:
            var share: Double?
            if let (raw, column) = values["revenue_share"] {
                let text = TextNormalizer.halfWidth(raw).replacingOccurrences(of: "%", with: "")
                guard let number = Double(text), number >= 0 else { reject(line, column, raw, Reason("import.share")); return nil }
                let fraction = raw.contains("%") || number > 1 ? number / 100 : number
                guard fraction <= 1 else { reject(line, column, raw, Reason("import.share-above-100")); return nil }
                share = fraction
            }
            return .product(line: line, firm: firm, product: values["product"]!.value, revenueShare: share)
        case .events:
            let (rawKind, kindColumn) = values["kind"]!
            guard let eventKind = Self.eventKinds[rawKind.lowercased()] else {
                reject(line, kindColumn, rawKind, Reason("import.event-kind"))
                return nil
            }
            let (rawDate, dateColumn) = values["date"]!
            switch DateValue.parse(rawDate) {
            case .success(let date):
                return .event(line: line, firm: firm, kind: eventKind, date: date, title: values["title"]!.value, detail: values["detail"]?.value)
            case .failure(let problem):
                reject(line, dateColumn, rawDate, problem.reason)
                return nil
            }
        case .relations:
            let (rawKind, kindColumn) = values["kind"]!
            guard let relation = Self.relationKinds[rawKind.lowercased()] else {
                reject(line, kindColumn, rawKind, Reason("import.relation-kind"))
                return nil
            }
            return .relation(line: line, from: values["from"]!.value, to: values["to"]!.value, kind: relation)
        }
    }
}

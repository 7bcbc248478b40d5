import BrainModel
import Foundation

/// Maps a file's header cells to the pipeline's field names: built-in Chinese and English synonyms, then the user's
/// mapping file (`header,field` lines) for the rest. Columns mapped to nothing are kept as extra attributes.
public struct HeaderMapping: Sendable {
    public struct Column: Sendable, Equatable {
        public var header: String
        /// nil: an extra attribute, kept under its header.
        public var field: String?
        /// A unit the header gives its values (注册资本(万元) → 10,000).
        public var multiplier: Double?
    }

    public static let enterpriseSynonyms: [String: [String]] = [
        "name": ["企业名称", "公司名称", "名称", "单位名称", "企业名", "市场主体名称", "companyname", "name", "company", "enterprisename"],
        "uscc": ["统一社会信用代码", "社会信用代码", "信用代码", "统一代码", "uscc", "unifiedsocialcreditcode", "creditcode"],
        "legal_representative": ["法定代表人", "法人", "法人代表", "负责人", "legalrepresentative"],
        "established": ["成立日期", "成立时间", "注册日期", "设立日期", "establishmentdate", "established", "founded", "setupdate"],
        "registered_capital": ["注册资本", "注册资金", "registeredcapital"],
        "status": ["登记状态", "经营状态", "企业状态", "status"],
        "address": ["注册地址", "地址", "住所", "企业地址", "通信地址", "registeredaddress", "address"],
        "scope": ["经营范围", "businessscope", "scope"],
        "industry": ["所属行业", "行业", "国标行业", "行业门类", "industry"],
        "insured": ["参保人数", "社保人数", "insuredemployees", "insured"],
        "employees": ["员工人数", "从业人数", "人数", "employees"],
        "province": ["省份", "所属省份", "省", "province"],
        "city": ["城市", "所属城市", "地市", "city"],
        "district": ["区县", "所属区县", "district"],
        "website": ["网址", "官网", "网站", "website"],
    ]

    public let columns: [Column]

    /// `mapping`: the user's header → field pairs, which win over the synonyms.
    public init(header: [String], synonyms: [String: [String]], mapping: [String: String] = [:]) {
        var lookup: [String: String] = [:]
        for (field, names) in synonyms { for name in names { lookup[name] = field } }
        columns = header.map { raw in
            let (key, multiplier) = Self.key(raw)
            let field = mapping[raw.trimmingCharacters(in: .whitespaces)] ?? lookup[key]
            return Column(header: raw.trimmingCharacters(in: .whitespaces), field: field, multiplier: multiplier)
        }
    }

    /// Folded for lookup: half-width, no spaces, underscores or case; a bracketed unit split off.
    static func key(_ header: String) -> (String, Double?) {
        var text = TextNormalizer.halfWidth(header).lowercased().filter { !$0.isWhitespace && $0 != "_" && $0 != "-" }
        var multiplier: Double? = nil
        if let open = text.firstIndex(where: { $0 == "(" || $0 == "（" }) {
            let unit = text[open...]
            if unit.contains("亿") { multiplier = 100_000_000 } else if unit.contains("万") { multiplier = 10_000 } else if unit.contains("元") { multiplier = 1 }
            text = String(text[..<open])
        }
        return (text, multiplier)
    }

    /// Fields that two columns claim; the importer refuses such a header rather than pick one.
    public var duplicateFields: [String] {
        Dictionary(grouping: columns.compactMap(\.field), by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
    }

    /// A mapping file: `header,field` per line (a first line `header,field` is skipped).
    public static func readMappingFile(_ url: URL) throws(SourceFileError) -> [String: String] {
        let table = try CSVTable(url: url, file: url.lastPathComponent, requiredColumns: ["header", "field"])
        var mapping: [String: String] = [:]
        for row in table.rows { mapping[try row.required("header")] = try row.required("field") }
        return mapping
    }
}

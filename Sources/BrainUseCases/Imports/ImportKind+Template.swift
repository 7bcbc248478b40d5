import Foundation
import BrainIngest
import BrainModel

extension ImportKind {
    static let enterpriseHeader = ["企业名称", "统一社会信用代码", "法定代表人", "成立日期", "注册资本(万元)", "登记状态", "注册地址", "经营范围",
                                   "所属行业", "参保人数"]
    /// A made-up firm (示例), its code given a valid check character so the template imports cleanly.
    static let enterpriseExample = ["示例生物医药有限公司（示例）", exampleCode, "张三", "2019-06-10", "5000", "存续",
                                    "江苏省连云港市海州区示例路1号", "药品生产；注射剂、片剂的研发；医疗器械销售", "化学药品制剂制造", "120"]
    static var exampleCode: String {
        let first17 = "91320706MA1EXAMPL".uppercased()
        return first17 + String(USCC.checkCharacter(first17))
    }

    /// The kind's template: its header and an example row; the examples are made up (示例) or name real listed firms.
    /// nil for a kind that cannot be imported yet.
    public var template: [[String]]? {
        switch self {
        case .enterprises: [Self.enterpriseHeader, Self.enterpriseExample]
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

    public struct NoTemplate: Error, CustomStringConvertible {
        public let kind: ImportKind
        public var description: String { "a template for \(kind.rawValue) is not built yet: policies ship as data/policies/eligibility.json" }
    }

    /// Writes `template-KIND.csv` and `template-KIND.xlsx` into `folder`; returns (xlsx, csv).
    public func writeTemplates(to folder: URL) throws -> (xlsx: URL, csv: URL) {
        guard let table = template else { throw NoTemplate(kind: self) }
        let csv = folder.appendingPathComponent("template-\(rawValue).csv"), xlsx = folder.appendingPathComponent("template-\(rawValue).xlsx")
        let writer = try CSVWriter(url: csv, header: table[0])
        for row in table.dropFirst() { writer.write(row) }
        try writer.close()
        try XLSXWriter.write(sheets: [(name: rawValue, rows: table)], to: xlsx)
        return (xlsx, csv)
    }
}

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

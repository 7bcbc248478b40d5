import Foundation
import Hummingbird
import BrainIngest
import BrainModel

/// Leads as a workbook, one row each. Every cell is text; a value that a spreadsheet would read as a formula when
/// copied or saved as CSV gets a leading apostrophe (`CSVWriter.neutralised`, as every export of ours).
enum LeadExport {
    static func xlsx(_ leads: [Lead], taxonomy: ChainTaxonomy, today: String, language: DisplayLanguage, organisation: String) throws -> Response {
        let zh = language == .zh
        let t = { (chinese: String, english: String) in zh ? chinese : english }
        let header = [t("编号", "ID"), t("企业", "Firm"), t("企业编号", "Firm ID"), t("地区", "Region"), t("产业链节点", "Chain node"),
                      t("园区", "Park"), t("负责人", "Owner"), t("阶段", "Stage"), t("放弃原因", "Reason dropped"), t("下一步", "Next step"),
                      t("截止日期", "Due"), t("逾期", "Overdue"), t("备注", "Notes"), t("来源", "Source"), t("创建时间", "Created"), t("更新时间", "Updated")]
        let rows = leads.map { lead -> [String] in
            let f = lead.fields
            let node = f.nodeId.map { id in taxonomy.node(id).map { zh ? $0.nameZh : $0.nameEn } ?? id } ?? ""
            let source = LeadDetailView.sourceNames[lead.source].map { zh ? $0.zh : $0.en } ?? lead.source.rawValue
            return [String(lead.id), f.firmName, f.enterpriseId ?? "", f.regionCode ?? "", node, f.parkId ?? "", f.owner ?? "",
                    zh ? lead.stage.nameZh : lead.stage.nameEn, lead.dropReason ?? "", f.nextStep ?? "", f.dueDate ?? "",
                    lead.isOverdue(today: today) ? t("逾期", "overdue") : "", f.notes ?? "", source, lead.createdAt, lead.updatedAt].map(CSVWriter.neutralised)
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("leads-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try XLSXWriter.write(sheets: [(t("招商线索", "Leads"), [header] + rows)], to: url)
        var response = JSONResponse.response(.ok, data: try Data(contentsOf: url),
                                             contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        response.headers[.contentDisposition] = ContentDisposition.attachment(t("招商线索", "leads") + "-\(organisation)-\(today).xlsx")
        return response
    }
}

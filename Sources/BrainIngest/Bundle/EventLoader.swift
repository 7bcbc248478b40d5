import Foundation
import BrainModel

/// IPOs and renames of listed firms.
struct EventLoader {
    let folder: URL

    func load(knownIds: Set<String>, report: inout ImportReport) throws(SourceFileError) -> [EnterpriseEvent] {
        var events: [EnterpriseEvent] = []
        let provenance = Provenance(source: "tushare-2024-05", asOf: EnterpriseLoader.tushareAsOf)

        let ipo = try CSVTable(url: folder.appendingPathComponent("companies/new_share.csv"), file: "companies/new_share.csv",
                               requiredColumns: ["ts_code", "name", "ipo_date", "issue_date", "price", "funds"])
        var ipoReport = FileReport(file: ipo.file)
        for row in ipo.rows {
            let id = try row.required("ts_code")
            guard knownIds.contains(id) else {
                ipoReport.reject(row.error("ts_code", value: id, "unknown enterprise")); continue
            }
            guard let date = SourceDate.iso(row.optional("issue_date") ?? row.optional("ipo_date")) else {
                ipoReport.reject(row.error("issue_date", value: row.optional("issue_date"), "no valid date")); continue
            }
            var detail: [String] = []
            if let price = try row.double("price") { detail.append("发行价 \(price) 元") }
            if let funds = try row.double("funds") { detail.append("募资 \(funds) 亿元") }
            events.append(EnterpriseEvent(enterpriseId: id, kind: .ipo, date: date, title: "上市 (\(try row.required("name")))",
                                          detail: detail.isEmpty ? nil : detail.joined(separator: ", "), provenance: provenance))
            ipoReport.accept()
        }

        let renames = try CSVTable(url: folder.appendingPathComponent("companies/namechange.csv"), file: "companies/namechange.csv",
                                   requiredColumns: ["ts_code", "name", "start_date", "change_reason"])
        var renameReport = FileReport(file: renames.file)
        for row in renames.rows {
            let id = try row.required("ts_code")
            guard knownIds.contains(id) else {
                renameReport.reject(row.error("ts_code", value: id, "unknown enterprise")); continue
            }
            guard let date = SourceDate.iso(row.optional("start_date")) else {
                renameReport.reject(row.error("start_date", value: row.optional("start_date"), "no valid date")); continue
            }
            events.append(EnterpriseEvent(enterpriseId: id, kind: .rename, date: date, title: "更名为 \(try row.required("name"))",
                                          detail: row.optional("change_reason"), provenance: provenance))
            renameReport.accept()
        }
        report.files += [ipoReport, renameReport]
        return events
    }
}

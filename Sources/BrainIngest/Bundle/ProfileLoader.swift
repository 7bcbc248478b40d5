import Foundation
import BrainModel

/// A listed firm's English business profile (FinanceDatabase): what it does, in the words of its summary.
struct BusinessProfile: Sendable, Hashable {
    static let provenance = Provenance(source: "financedatabase", asOf: "2026-08")
    var nameEn: String?
    var sector: String
    var industry: String
    var summary: String
}

/// Reads `companies/profiles_financedatabase.csv` (see `data/companies/SOURCE.txt`), keyed by six-digit stock code.
struct ProfileLoader {
    static let file = "companies/profiles_financedatabase.csv"
    let folder: URL

    func load(report: inout ImportReport) throws(SourceFileError) -> [String: BusinessProfile] {
        let table = try CSVTable(url: folder.appendingPathComponent(Self.file), file: Self.file,
                                 requiredColumns: ["code", "name_en", "sector", "industry", "business_summary_en"])
        var fileReport = FileReport(file: table.file)
        var profiles: [String: BusinessProfile] = [:]
        for row in table.rows {
            let code = try row.digits("code", count: 6)
            guard profiles[code] == nil else {
                fileReport.reject(row.error("code", value: code, "duplicate stock code; the first row is kept")); continue
            }
            profiles[code] = BusinessProfile(nameEn: row.optional("name_en"), sector: row.optional("sector") ?? "",
                                             industry: row.optional("industry") ?? "", summary: row.optional("business_summary_en") ?? "")
            fileReport.accept()
        }
        report.files.append(fileReport)
        return profiles
    }
}

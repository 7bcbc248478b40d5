import Foundation
import BrainModel

/// Universities, parks and policies.
struct InstitutionLoader {
    let folder: URL
    let gazetteer: Gazetteer

    func universities(report: inout ImportReport) throws(SourceFileError) -> [University] {
        let table = try CSVTable(url: folder.appendingPathComponent("universities/universities_moe.csv"),
                                 file: "universities/universities_moe.csv",
                                 requiredColumns: ["id", "name", "code", "department", "address", "level", "remarks"])
        let provenance = Provenance(source: "moe-2017", asOf: "2017-05-31")
        var fileReport = FileReport(file: table.file)
        var result: [University] = []
        for row in table.rows {
            let code = try row.digits("code", count: 10)
            let provinceCode = String(Array(code)[2..<4]) + "0000"
            let city = try row.required("address")
            let located = gazetteer.locate(province: gazetteer.region(provinceCode)?.name, city: city)
            if located == nil { fileReport.warn(row.error("address", value: city, "city not found; kept without a city")) }
            result.append(University(id: code, name: try row.required("name"), cityCode: located?.city,
                                     department: try row.required("department"), level: try row.required("level"),
                                     remarks: row.optional("remarks"), provenance: provenance))
            fileReport.accept()
        }
        report.files.append(fileReport)
        return result
    }

    func parks(report: inout ImportReport) throws(SourceFileError) -> [Park] {
        let table = try CSVTable(url: folder.appendingPathComponent("parks/parks.csv"), file: "parks/parks.csv",
                                 requiredColumns: ["id", "name", "region_adcode", "kind", "positioning", "facts", "as_of", "source"])
        var fileReport = FileReport(file: table.file)
        var result: [Park] = []
        for row in table.rows {
            let code = try row.digits("region_adcode", count: 6)
            guard gazetteer.region(code) != nil else {
                fileReport.reject(row.error("region_adcode", value: code, "no such region code")); continue
            }
            let positioning = try row.required("positioning").split(separator: ";").map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            result.append(Park(id: try row.required("id"), name: try row.required("name"), regionCode: code,
                               kind: try row.required("kind"), positioning: positioning, facts: try row.required("facts"),
                               provenance: Provenance(source: try row.required("source"), asOf: try row.required("as_of"))))
            fileReport.accept()
        }
        report.files.append(fileReport)
        try addAddressMarkers(to: &result, report: &report)
        return result
    }

    /// `parks/park-addresses.csv` (park_id, marker, source): street fragments that place a firm's address in a park.
    /// Optional: a data folder without it has parks without markers.
    private func addAddressMarkers(to parks: inout [Park], report: inout ImportReport) throws(SourceFileError) {
        let file = "parks/park-addresses.csv", url = folder.appendingPathComponent(file)
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        let table = try CSVTable(url: url, file: file, requiredColumns: ["park_id", "marker", "source"])
        var fileReport = FileReport(file: file)
        for row in table.rows {
            let id = try row.required("park_id"), marker = TextNormalizer.halfWidth(try row.required("marker"))
            guard let i = parks.firstIndex(where: { $0.id == id }) else {
                fileReport.reject(row.error("park_id", value: id, "no park with this id in parks/parks.csv")); continue
            }
            guard marker.count >= 2 else { fileReport.reject(row.error("marker", value: marker, "a marker needs two characters or more")); continue }
            parks[i].addressMarkers.append(marker)
            fileReport.accept()
        }
        report.files.append(fileReport)
    }

    func policies(report: inout ImportReport) throws(SourceFileError) -> [Policy] {
        let table = try CSVTable(url: folder.appendingPathComponent("policies/policies.csv"), file: "policies/policies.csv",
                                 requiredColumns: ["id", "region_adcode", "policy", "clause", "eligibility_in_words",
                                                   "max_amount_wan_yuan", "period", "source"])
        var fileReport = FileReport(file: table.file)
        var result: [Policy] = []
        for row in table.rows {
            let code = try row.digits("region_adcode", count: 6)
            guard gazetteer.region(code) != nil else {
                fileReport.reject(row.error("region_adcode", value: code, "no such region code")); continue
            }
            let period = try row.required("period")
            result.append(Policy(id: try row.required("id"), regionCode: code, title: try row.required("policy"),
                                 clause: try row.required("clause"), eligibility: try row.required("eligibility_in_words"),
                                 maxAmountWan: try row.double("max_amount_wan_yuan"), period: period,
                                 provenance: Provenance(source: try row.required("source"), asOf: String(period.prefix(4)))))
            fileReport.accept()
        }
        report.files.append(fileReport)
        return result
    }
}

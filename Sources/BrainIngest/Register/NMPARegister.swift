import Foundation
import BrainModel

/// The NMPA 2019 register of licensed drug manufacturers (`data/nmpa/drug_manufacturers_2019.csv`) as rows of the
/// enterprise import: each firm located by its licence province and the place its registered name begins with,
/// placed on a node by its name, and handed to the store's import like a user's file (`brain build-db` writes it as
/// the operator's import in layer `nmpa-2019`). Malformed rows are reported with row and field and not loaded; a
/// firm listed twice (a licence renewed in another year) is one firm holding both licences.
public struct NMPARegister: Sendable {
    public static let layer = "nmpa-2019"
    public static let file = "nmpa/drug_manufacturers_2019.csv"
    public static let asOf = "2019-05-31"

    public struct Problem: Sendable, Codable, Equatable {
        public var row: Int
        public var field: String
        public var value: String
        /// a short code: `bad-licence`, `unknown-province`, `empty-name`, `duplicate-licence`
        public var reason: String
    }

    public struct Report: Sendable, Codable {
        public var rows = 0
        /// firms handed to the import (one per name)
        public var firms = 0
        /// rows that are a firm already read, under another licence (kept on that firm)
        public var sameFirmRows: [Problem] = []
        public var rejected: [Problem] = []
        public var locatedToProvince = 0
        public var locatedToCity = 0
        public var locatedToDistrict = 0
        /// firms per node, as classified from the name
        public var byNode: [String: Int] = [:]
    }

    public let records: [ImportedEnterprise]
    public let report: Report

    public init(dataFolder: URL, rules: NMPANameRules, resolver: AddressResolver, regions: [Region]) throws(SourceFileError) {
        let table = try CSVTable(url: dataFolder.appendingPathComponent(Self.file), file: Self.file, requiredColumns: ["seq", "name", "licence_no"])
        try self.init(table: table, rules: rules, resolver: resolver, regions: regions)
    }

    public init(table: CSVTable, rules: NMPANameRules, resolver: AddressResolver, regions: [Region]) {
        let locator = NMPALocator(resolver: resolver, regions: regions)
        var report = Report()
        var records: [ImportedEnterprise] = []
        var byName: [String: Int] = [:], licences: [String: Int] = [:]
        for row in table.rows {
            report.rows += 1
            let name = row.optional("name") ?? "", licence = row.optional("licence_no") ?? ""
            guard !name.isEmpty else {
                report.rejected.append(Problem(row: row.line, field: "name", value: "", reason: "empty-name")); continue
            }
            guard Self.isWellFormed(licence) else {
                report.rejected.append(Problem(row: row.line, field: "licence_no", value: licence, reason: "bad-licence")); continue
            }
            guard let province = rules.licenceProvinces[String(licence.prefix(1))] else {
                report.rejected.append(Problem(row: row.line, field: "licence_no", value: licence, reason: "unknown-province")); continue
            }
            if let first = licences[licence] {
                report.rejected.append(Problem(row: row.line, field: "licence_no", value: licence, reason: "duplicate-licence:\(first)")); continue
            }
            licences[licence] = row.line
            let normalized = CompanyName.normalized(name)
            if let index = byName[normalized] {
                records[index].facts["licence_no"] = (records[index].facts["licence_no"] ?? "") + "; " + licence
                report.sameFirmRows.append(Problem(row: row.line, field: "name", value: name, reason: "same-firm:\(records[index].line)"))
                continue
            }
            let place = locator.locate(name, province: province)
            let node = rules.classify(name)
            var facts = ["name": name, "licence_no": licence, "register": "NMPA 药品生产企业 2019"]
            facts["location_basis"] = place.basis
            byName[normalized] = records.count
            records.append(ImportedEnterprise(
                line: row.line, name: name, normalizedName: normalized, provinceCode: place.province, cityCode: place.city,
                districtCode: place.district, facts: facts, assignments: node.map { [$0] } ?? [], isBiomedicine: true))
            report.byNode[node?.nodeId ?? Self.unclassified, default: 0] += 1
            report.locatedToProvince += 1
            if place.city != nil { report.locatedToCity += 1 }
            if place.district != nil { report.locatedToDistrict += 1 }
        }
        report.firms = records.count
        self.records = records
        self.report = report
    }

    /// The `byNode` key of licensed manufacturers whose name does not say what they make: on no chain node.
    public static let unclassified = "(名称未说明类别)"

    /// 药品生产许可证编号: one province character, then the four-digit year and a four-digit serial (甘20160149).
    static func isWellFormed(_ licence: String) -> Bool {
        let characters = Array(licence)
        guard characters.count == 9, let first = characters.first, !first.isASCII else { return false }
        return characters.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
    }
}

extension NMPARegister {
    /// The import the register is written as: the operator's (no organisation), in its own layer, its rows linked to
    /// listed firms of the same normalised full name rather than added beside them.
    public func header(fingerprint: String, importedAt: String) -> ImportHeader {
        var header = ImportHeader(kind: "enterprises", file: "drug_manufacturers_2019.csv", fingerprint: fingerprint, asOf: Self.asOf,
                                  importedAt: importedAt, organisation: nil, layer: Self.layer)
        header.linksListedByName = true
        return header
    }

    /// The records in import batches of `size`, for `ImportingStore.importEnterprises(_:next:)`.
    public func batches(of size: Int = 1_000) -> () -> [ImportedEnterprise]? {
        var start = 0
        let records = self.records
        return {
            guard start < records.count else { return nil }
            defer { start += size }
            return Array(records[start..<min(start + size, records.count)])
        }
    }
}

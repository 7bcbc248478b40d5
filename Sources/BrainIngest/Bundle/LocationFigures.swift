import Foundation
import BrainModel

/// How finely the listed firms of a bundle are located: counts by level, basis and reason (for `brain bench locate`
/// and the tests).
public struct LocationFigures: Sendable {
    public struct Row: Sendable {
        public var total = 0, district = 0, withAddress = 0, districtWithAddress = 0
        public var byBasis: [String: Int] = [:]
        public var reasons: [String: Int] = [:]
    }
    public var biomedicine = Row()
    public var all = Row()

    public init(_ bundle: DataBundle) {
        let locations = Dictionary(bundle.locations.map { ($0.enterpriseId, $0) }, uniquingKeysWith: { a, _ in a })
        for firm in bundle.enterprises {
            guard let location = locations[firm.id] else { continue }
            Self.count(location, firm: firm, into: &all)
            if firm.isBiomedicine { Self.count(location, firm: firm, into: &biomedicine) }
        }
    }

    private static func count(_ location: EnterpriseLocation, firm: Enterprise, into row: inout Row) {
        row.total += 1
        let hasAddress = location.registeredAddress != nil || location.officeAddress != nil
        if hasAddress { row.withAddress += 1 }
        if firm.districtCode != nil {
            row.district += 1
            if hasAddress { row.districtWithAddress += 1 }
            row.byBasis[location.basis.rawValue, default: 0] += 1
        } else {
            row.reasons[location.reason?.rawValue ?? "none", default: 0] += 1
        }
    }
}

/// Tests/labelled/listed-districts.tsv: `stock_code, name, district_code, district_also, note` — the district a
/// listed firm is known to sit in, from public knowledge.
public struct ListedDistrictLabels: Sendable {
    public struct Label: Sendable {
        public var stockCode: String, name: String
        public var districts: Set<String>
    }
    public struct Agreement: Sendable {
        public var cases = 0, located = 0, agreeing = 0
        public var misses: [String] = []
    }
    public var labels: [Label]

    public init(file: URL) throws {
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").dropFirst()
        labels = lines.compactMap { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 3, fields[0].count == 6, fields[2].count == 6 else { return nil }
            let also = fields.count > 3 ? fields[3].split(separator: ";").map(String.init) : []
            return Label(stockCode: fields[0], name: fields[1], districts: Set([fields[2]] + also))
        }
    }

    /// Agreement counts only firms the bundle located to a district; firms left at city level are counted apart.
    public func agreement(with bundle: DataBundle) -> Agreement {
        var byStock: [String: Enterprise] = [:]
        for firm in bundle.enterprises { if let stock = firm.stockCode { byStock[stock] = firm } }
        var result = Agreement()
        for label in labels {
            result.cases += 1
            guard let district = byStock[label.stockCode]?.districtCode else { continue }
            result.located += 1
            if label.districts.contains(district) { result.agreeing += 1 } else {
                result.misses.append("\(label.stockCode) \(label.name): expected \(label.districts.sorted().joined(separator: "/")), got \(district)")
            }
        }
        return result
    }
}

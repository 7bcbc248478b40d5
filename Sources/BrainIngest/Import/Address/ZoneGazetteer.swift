import Foundation
import BrainModel

/// Development zones and parks named on their own, anywhere in an address (昆山高新技术产业开发区, 张江, 松山湖,
/// 光谷生物城): national high-tech zones, national economic-and-technological development zones, the major provincial
/// zones and biomedicine parks, each with the county-level unit that hosts it. Read from `data/regions/zones.csv`
/// (one row per zone, its list of origin in `source`, the fact placing it in `basis`).
public struct Zone: Sendable, Equatable {
    public var name: String
    /// Short forms and former names an address may use instead of the name.
    public var aliases: [String]
    public var kind: String
    public var cityCode: String
    /// Nil when the zone spans several districts: its name then settles the city only.
    public var districtCode: String?

    public static let file = "regions/zones.csv"

    /// The zones of a data folder; an absent file means none, a malformed one throws naming file, row and field.
    public static func load(dataFolder: URL) throws(SourceFileError) -> [Zone] {
        let url = dataFolder.appendingPathComponent(file)
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        let table = try CSVTable(url: url, file: file, requiredColumns: ["name", "aliases", "former_names", "kind", "city_code",
                                                                          "district_code", "source", "basis"])
        var zones: [Zone] = []
        for row in table.rows {
            let city = try row.digits("city_code", count: 6)
            let district = try row.optionalDigits("district_code", count: 6)
            if let district, district.prefix(4) != city.prefix(4), !DevelopmentZone.sharesMunicipality(city, district) {
                throw row.error("district_code", value: district, "the district is not in the zone's city \(city)")
            }
            _ = try row.required("source")
            let split = { (column: String) in
                (row.optional(column) ?? "").split(separator: ";").map { TextNormalizer.halfWidth(String($0)).trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.isEmpty }
            }
            zones.append(Zone(name: TextNormalizer.halfWidth(try row.required("name")), aliases: split("aliases") + split("former_names"),
                              kind: try row.required("kind"), cityCode: city, districtCode: district))
        }
        return zones
    }

    /// The ways addresses write the same kind of zone: a name ending in one form is also read with the others
    /// (昆山高新技术产业开发区 = 昆山高新区 = 昆山高新开发区).
    static let suffixGroups: [[String]] = [
        ["高新技术产业开发区", "高新技术开发区", "高新技术产业园区", "高新技术园区", "高新开发区", "高新区", "高新园区",
         "国家高新技术产业开发区", "国家高新区", "高技术产业开发区"],
        ["经济技术开发区", "经济开发区", "经开区", "国家级经济技术开发区"],
        ["工业园区", "工业园"],
        ["产业园区", "产业园"],
        ["综合保税区", "保税区"],
    ]

    /// The name without its zone-kind suffix (昆山 of 昆山高新区); nil when nothing distinctive is left, so that a
    /// bare 高新区 is never read as one particular zone.
    static func distinctiveStem(of name: String) -> String? {
        for group in suffixGroups {
            guard let form = group.filter({ name.hasSuffix($0) }).max(by: { $0.count < $1.count }) else { continue }
            return name.count - form.count >= 2 ? String(name.dropLast(form.count)) : nil
        }
        return name.count >= 2 ? name : nil
    }

    /// `name` and its other suffix forms.
    static func variants(of name: String) -> [String] {
        for group in suffixGroups {
            // The longest form that ends the name (国家高新区 before 高新区).
            guard let form = group.filter({ name.hasSuffix($0) }).max(by: { $0.count < $1.count }) else { continue }
            let stem = String(name.dropLast(form.count))
            return [name] + group.filter { $0 != form }.map { stem + $0 }
        }
        return [name]
    }
}

extension CSVRow {
    /// A code of exactly `count` digits, or nil when the cell is empty.
    func optionalDigits(_ column: String, count: Int) throws(SourceFileError) -> String? {
        optional(column) == nil ? nil : try digits(column, count: count)
    }
}

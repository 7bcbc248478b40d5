import Foundation

/// A place name no longer in the code table, and the unit that carries it on (莱芜市 → 济南市, 海门市 → 南通市海门区).
/// Read from `data/regions/former-names.csv` (each row with its State Council approval). A unit split by streets
/// (江干区 2021: 下沙, 白杨 → 钱塘区, the rest → 上城区) has one row per part: the rows with `streets` apply when the
/// address names one of those streets after the unit, the row without is the default. A current unit may have such
/// rows too (余杭区 + 临平街道 → 临平区).
public struct FormerName: Sendable, Equatable {
    public var name: String
    /// The province the old name belonged to; the name is only read inside it or with no province given.
    public var provinceCode: String
    /// The current city or district code.
    public var currentCode: String
    /// Streets, towns or zones (without 街道/镇) that this part of a split unit holds; empty for the default.
    public var streets: [String]

    public init(name: String, provinceCode: String, currentCode: String, streets: [String] = []) {
        self.name = name
        self.provinceCode = provinceCode
        self.currentCode = currentCode
        self.streets = streets
    }

    public static func load(_ file: URL) throws(SourceFileError) -> [FormerName] {
        let table = try CSVTable(url: file, file: "regions/former-names.csv", requiredColumns: ["name", "province_code", "current_code"])
        var names: [FormerName] = []
        for row in table.rows {
            let streets = (row.optional("streets") ?? "").split(separator: ";").map { String($0).trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            names.append(FormerName(name: try row.required("name"), provinceCode: try row.digits("province_code", count: 6),
                                    currentCode: try row.digits("current_code", count: 6), streets: streets))
        }
        return names
    }
}

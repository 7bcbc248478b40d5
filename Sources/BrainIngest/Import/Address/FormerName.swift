import Foundation

/// A place name no longer in the code table, and the unit that carries it on (莱芜市 → 济南市, 海门市 → 南通市海门区).
/// Read from `data/regions/former-names.csv` (each row with its State Council approval).
public struct FormerName: Sendable, Equatable {
    public var name: String
    /// The province the old name belonged to; the name is only read inside it or with no province given.
    public var provinceCode: String
    /// The current city or district code.
    public var currentCode: String

    public init(name: String, provinceCode: String, currentCode: String) {
        self.name = name
        self.provinceCode = provinceCode
        self.currentCode = currentCode
    }

    public static func load(_ file: URL) throws(SourceFileError) -> [FormerName] {
        let table = try CSVTable(url: file, file: "regions/former-names.csv", requiredColumns: ["name", "province_code", "current_code"])
        var names: [FormerName] = []
        for row in table.rows {
            names.append(FormerName(name: try row.required("name"), provinceCode: try row.digits("province_code", count: 6),
                                    currentCode: try row.digits("current_code", count: 6)))
        }
        return names
    }
}

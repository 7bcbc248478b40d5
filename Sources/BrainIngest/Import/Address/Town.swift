import Foundation

/// A town or street office (镇, 乡, 街道, 苏木) and the county-level unit it lies in, from the code table's fourth level
/// (`data/regions/streets.csv`): an address that names its town after the city without the district (湖州市织里镇)
/// still reaches the district.
public struct Town: Sendable, Equatable {
    public var name: String
    public var districtCode: String

    public init(name: String, districtCode: String) {
        self.name = name
        self.districtCode = districtCode
    }

    /// Only towns proper: the table's farms, zones, prisons and committees (…农场, …开发区) are not how addresses name
    /// a place, and a zone is read through the zone tables. A name of two characters (X镇) is too short to trust.
    static func isTownName(_ name: String) -> Bool {
        name.unicodeScalars.count >= 3 && ["镇", "乡", "街道", "苏木"].contains { name.hasSuffix($0) }
    }

    /// The towns of `regions/streets.csv` under `dataFolder`; none when the folder has no such file.
    public static func load(dataFolder: URL) throws(SourceFileError) -> [Town] {
        let file = dataFolder.appendingPathComponent("regions/streets.csv")
        guard FileManager.default.fileExists(atPath: file.path) else { return [] }
        let table = try CSVTable(url: file, file: "regions/streets.csv", requiredColumns: ["name", "areaCode"])
        var towns: [Town] = []
        for row in table.rows {
            let name = try row.required("name")
            guard isTownName(name) else { continue }
            towns.append(Town(name: name, districtCode: try row.digits("areaCode", count: 6)))
        }
        return towns
    }
}

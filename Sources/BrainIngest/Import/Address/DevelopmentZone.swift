import Foundation
import BrainModel

/// How addresses name a development zone or park inside a city (高新区, 北京经济技术开发区, 自由贸易试验区) and the
/// district that hosts it, or the zone's own NBS 7x code. Read from `data/regions/development-zones.csv`, each row
/// with the public fact it rests on; the resolver reads an alias only after its city (苏州 + 高新区 → 虎丘区).
/// An empty district means the zone spans several districts: the address then settles the city only.
public struct DevelopmentZone: Sendable, Equatable {
    public var cityCode: String
    public var alias: String
    public var districtCode: String?
    public var zone: String

    public init(cityCode: String, alias: String, districtCode: String?, zone: String) {
        self.cityCode = cityCode
        self.alias = alias
        self.districtCode = districtCode
        self.zone = zone
    }

    public static let file = "regions/development-zones.csv"

    /// The zones of a data folder; an absent file means no zones (older data folders), a malformed one throws.
    public static func load(dataFolder: URL) throws(SourceFileError) -> [DevelopmentZone] {
        let url = dataFolder.appendingPathComponent(file)
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        let table = try CSVTable(url: url, file: file, requiredColumns: ["city_code", "alias", "district_code", "zone", "basis"])
        var zones: [DevelopmentZone] = []
        for row in table.rows {
            let city = try row.digits("city_code", count: 6)
            let district = try row.optionalDigits("district_code", count: 6)
            if let district, district.prefix(4) != city.prefix(4), !Self.sharesMunicipality(city, district) {
                throw row.error("district_code", value: district, "the district is not in the zone's city \(city)")
            }
            zones.append(DevelopmentZone(cityCode: city, alias: TextNormalizer.halfWidth(try row.required("alias")),
                                         districtCode: district, zone: try row.required("zone")))
        }
        return zones
    }

    /// 重庆's counties are coded under 500200, its districts under 500100: both are the city 重庆.
    static func sharesMunicipality(_ city: String, _ district: String) -> Bool {
        city.prefix(2) == district.prefix(2) && AddressResolver.municipalities.contains(String(city.prefix(2)) + "0000")
    }
}

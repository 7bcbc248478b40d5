/// Administrative level of a region in the GB/T 2260 hierarchy.
public enum RegionLevel: String, Codable, Sendable, CaseIterable {
    case country, province, city, district

    /// The level as a Chinese reason names it (地区 X 不是市级地区).
    public var chinese: String {
        switch self {
        case .country: "国家"
        case .province: "省"
        case .city: "市"
        case .district: "区县"
        }
    }
}

/// A region identified by its six-digit GB/T 2260 / NBS code.
/// Development zones (NBS "7x" county-level codes such as 苏州工业园区 320576) are districts flagged `isDevelopmentZone`.
public struct Region: Codable, Sendable, Hashable {
    public var code: String
    public var name: String
    public var level: RegionLevel
    public var parentCode: String?
    public var longitude: Double?
    public var latitude: Double?
    public var isDevelopmentZone: Bool
    public var provenance: Provenance

    public init(code: String, name: String, level: RegionLevel, parentCode: String?,
                longitude: Double? = nil, latitude: Double? = nil, isDevelopmentZone: Bool = false,
                provenance: Provenance) {
        self.code = code
        self.name = name
        self.level = level
        self.parentCode = parentCode
        self.longitude = longitude
        self.latitude = latitude
        self.isDevelopmentZone = isDevelopmentZone
        self.provenance = provenance
    }

    /// The province code ("32" + "0000") of any six-digit code.
    public static func provinceCode(of code: String) -> String { String(code.prefix(2)) + "0000" }
    /// The prefecture code ("3205" + "00") of any six-digit code.
    public static func cityCode(of code: String) -> String { String(code.prefix(4)) + "00" }
}

/// A region named in output: code, name and level.
public struct RegionRef: Codable, Sendable, Hashable {
    public var code: String
    public var name: String
    public var level: RegionLevel

    public init(code: String, name: String, level: RegionLevel) { self.code = code; self.name = name; self.level = level }
}

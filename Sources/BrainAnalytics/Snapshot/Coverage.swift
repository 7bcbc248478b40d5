import BrainModel

/// What a figure rests on: which layers it counts, how many firms those hold, and how many of them are located to the
/// level the figure is drawn at — which is the base (denominator) of that level's shares and location quotients.
public struct Coverage: Codable, Sendable, Equatable {
    /// layer ids, `listed` first
    public var layers: [String]
    /// firms of those layers in the snapshot
    public var firms: Int
    /// firms per layer
    public var byLayer: [String: Int]
    public var locatedToProvince: Int
    public var locatedToCity: Int
    public var locatedToDistrict: Int
    /// the level the figures are drawn at
    public var level: RegionLevel
    /// firms located to `level`: the national total X of the level's location quotients and shares
    public var located: Int

    public init(_ index: SnapshotIndex, layers: LayerSet, level: RegionLevel) {
        let firms = index.data.enterprises
        self.layers = layers.ids
        self.firms = firms.count
        byLayer = firms.reduce(into: [:]) { $0[$1.layer, default: 0] += 1 }
        // Located: the code names a region of that level in the snapshot (a code the table lacks counts in no row).
        func locatedCount(_ level: RegionLevel) -> Int {
            firms.filter { firm in index.regionCode(of: firm, at: level).flatMap { index.regionsByCode[$0] }?.level == level }.count
        }
        locatedToProvince = locatedCount(.province)
        locatedToCity = locatedCount(.city)
        locatedToDistrict = locatedCount(.district)
        self.level = level
        located = switch level {
        case .country, .province: locatedToProvince
        case .city: locatedToCity
        case .district: locatedToDistrict
        }
    }
}

/// A location quotient, RCA or share computed from fewer than `minimumFirms` firms: one firm more or less moves it a
/// lot, so it is shown with this flag (data: a code and the count; pages word it).
public struct SmallNumberFlag: Codable, Sendable, Equatable {
    public static let minimumFirms = 3
    /// `few-firms`
    public var code: String
    public var firms: Int

    public init(code: String, firms: Int) { (self.code, self.firms) = (code, firms) }

    public static func check(firms: Double) -> SmallNumberFlag? {
        firms > 0 && firms < Double(minimumFirms) ? SmallNumberFlag(code: "few-firms", firms: Int(firms)) : nil
    }
}

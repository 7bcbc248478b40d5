import BrainModel

/// Where a registered name (地名 + 字号 + 行业 + 组织形式) puts a firm within its licence province, as far as the
/// project's address resolver reads the place it begins with: 甘肃 + 陇西县鹏飞药业 → 陇西县; 陇西正源药业 → 陇西县 (the bare
/// 陇西 read as 陇西县, the only unit of that name in 甘肃); 甘肃雄信药业 → 甘肃 only. When a bare name could be two
/// places (通化 → 通化市 or 通化县) the firm is located to what they share (通化市).
struct NMPALocator {
    struct Place {
        var province: String
        var city: String?
        var district: String?
        /// how it was read, kept with the firm's facts: `licence`, `licence+name:陇西`
        var basis: String
    }

    let resolver: AddressResolver
    let provinceNames: [String: (full: String, short: String)]
    let parents: [String: String]

    init(resolver: AddressResolver, regions: [Region]) {
        self.resolver = resolver
        var names: [String: (String, String)] = [:], parents: [String: String] = [:]
        for region in regions {
            if region.level == .province { names[region.code] = (region.name, Gazetteer.shortProvinceName(region.name)) }
            if let parent = region.parentCode { parents[region.code] = parent }
        }
        provinceNames = names
        self.parents = parents
    }

    func locate(_ name: String, province: String) -> Place {
        let licenceOnly = Place(province: province, basis: "licence")
        guard let names = provinceNames[province] else { return licenceOnly }
        var rest = Substring(name)
        for prefix in [names.full, names.short] where rest.hasPrefix(prefix) { rest = rest.dropFirst(prefix.count); break }
        // The name as written after its province: a full place name (陇西县, 苏州市, 苏州工业园区).
        if let place = read(names.full + rest, province: province) { return Place(province: province, city: place.city, district: place.district, basis: "licence+name") }
        // A bare place name: 陇西 + 县/市/区/旗, accepted only when the resolver reads exactly that unit in the province.
        for length in [3, 2] where rest.count > length + 1 {
            let stem = String(rest.prefix(length))
            let found = ["市", "县", "区", "旗"].compactMap { suffix -> (city: String?, district: String?)? in
                guard let place = read(names.full + stem + suffix, province: province) else { return nil }
                let code = place.district ?? place.city
                return code.flatMap(resolver.regionName) == stem + suffix ? place : nil
            }
            guard !found.isEmpty else { continue }
            let cities = Set(found.compactMap(\.city)), districts = Set(found.compactMap(\.district))
            let city = cities.count == 1 ? cities.first : nil
            let district = found.count == 1 ? districts.first : nil
            if city == nil && district == nil { return licenceOnly }
            return Place(province: province, city: city, district: district, basis: "licence+name:\(stem)")
        }
        return licenceOnly
    }

    /// The city and district the resolver reads in `text`, when in `province` and finer than the province.
    private func read(_ text: String, province: String) -> (city: String?, district: String?)? {
        let resolved = resolver.resolve(text, hint: province)
        guard resolved.status == .ok, resolved.provinceCode == province else { return nil }
        // A municipality's city is implied by the province: only a district is finer.
        let municipal = AddressResolver.municipalities.contains(province)
        if let district = resolved.districtCode { return (resolved.cityCode ?? parents[district], district) }
        if let city = resolved.cityCode, !municipal { return (city, nil) }
        return nil
    }
}

import BrainModel

/// How the resolver reads an address (tables in AddressResolver.swift). Several readings of the start are tried
/// when the text allows them (陕西 + 安雁塔 or 陕 + 西安 + 雁塔; 吉林 the province or 吉林 the city before its zone)
/// and the one that settles most levels wins; a province abbreviation wins only when a city or district of that
/// province follows.
extension AddressResolver {
    /// `hint`: a six-digit code the caller already trusts (a USCC's registration region), used to decide ambiguity.
    public func resolve(_ address: String, hint: String? = nil) -> ResolvedAddress {
        let text = AddressText.scalars(address)
        var result = ResolvedAddress(address: address, status: .unknown)
        // Leading noise (a postcode, a company name) is skipped: the divisions start within the first characters.
        for start in 0..<min(text.count, 8) {
            guard let reading = bestReading(text, from: start) else { continue }
            var notes = reading.notes
            if reading.ambiguousUnits.isEmpty {
                fill(&result, province: reading.province, city: reading.city, district: reading.district)
                result.status = .ok
            } else {
                decide(&result, reading, text: text, hint: hint, notes: &notes)
            }
            result.notes = notes.isEmpty ? nil : notes
            break
        }
        return result
    }

    struct Reading {
        var position: Int
        var province: String?, city: String?, district: String?
        var ambiguousUnits: [String] = []
        /// A zone settled the place (its district may be nil when the zone spans several).
        var zone = false
        var notes: [Reason] = []
        var matchedAnything: Bool { province != nil || city != nil || district != nil || !ambiguousUnits.isEmpty }
        /// How far the reading got: district (or zone) 3, city 2, province 1; an open choice between districts 1.5.
        var score: Double {
            if district != nil || zone { return 3 }
            if !ambiguousUnits.isEmpty { return 1.5 }
            return city != nil ? 2 : (province != nil ? 1 : 0)
        }
    }

    func bestReading(_ text: [Unicode.Scalar], from start: Int) -> Reading? {
        var best: Reading?
        func consider(_ reading: Reading) {
            if reading.matchedAnything, reading.score > (best?.score ?? -1) { best = reading }
        }
        var fullProvince = false
        var byName: Reading?
        // A province name, unless a short one is a prefecture's (吉林 + 市 is 吉林市, in 吉林省).
        if let match = trie.longest(in: text, at: start, where: { provinces[$0] }),
           !(start + match.length < text.count && text[start + match.length] == "市" && !trie.names[match.id].hasSuffix("市")) {
            fullProvince = provinceFullNames.contains(match.id)
            byName = readRest(startingWith(province: match.value, at: start + match.length), text)
            consider(byName!)
        }
        guard !fullProvince else { return best }
        consider(readRest(Reading(position: start), text))
        // 沪, 粤, 陕…: only before a city of that province read by its name (a municipality's: a district or zone),
        // and never where the province's own name already leads to a city (黑龙江 + 哈尔滨 is not 黑 + 龙江县).
        if start == 0, let first = text.first, let province = abbreviations[first],
           !(byName?.province == province && byName?.city != nil && !Self.municipalities.contains(province)) {
            var reading = startingWith(province: province, at: 1)
            let municipal = Self.municipalities.contains(province)
            if !municipal { readCity(&reading, text) }
            if municipal || reading.city != nil {
                readUnit(&reading, text)
                if reading.district != nil || reading.zone || (reading.city != nil && !municipal) { consider(reading) }
            }
        }
        return best
    }

    private func startingWith(province: String, at position: Int) -> Reading {
        var reading = Reading(position: position, province: province)
        if Self.municipalities.contains(province) { reading.city = String(province.prefix(2)) + "0100" }
        return reading
    }

    /// 11, 12, 31, 50: compared on the code's bytes (this runs several times per address).
    private func isMunicipal(_ code: String?) -> Bool {
        guard let code else { return false }
        var bytes = code.utf8.makeIterator()
        switch (bytes.next(), bytes.next()) {
        case (UInt8(ascii: "1"), UInt8(ascii: "1")), (UInt8(ascii: "1"), UInt8(ascii: "2")), (UInt8(ascii: "3"), UInt8(ascii: "1")),
             (UInt8(ascii: "5"), UInt8(ascii: "0")): return true
        default: return false
        }
    }

    /// Whether two codes share their first `count` digits (same province: 2, same city: 4).
    @inline(__always) static func samePrefix(_ a: String, _ b: String, _ count: Int) -> Bool {
        var x = a.utf8.makeIterator(), y = b.utf8.makeIterator()
        for _ in 0..<count { guard let p = x.next(), let q = y.next(), p == q else { return false } }
        return true
    }

    private func readRest(_ start: Reading, _ text: [Unicode.Scalar]) -> Reading {
        var r = start
        if r.city == nil || isMunicipal(r.province) { readCity(&r, text) }
        // 中国(四川)自由贸易试验区成都市双流区…: a free-trade zone that is no alias of the city read so far names no
        // place; the divisions follow it.
        if let word = AddressText.freeTradeZones.first(where: { AddressText.starts(text, at: r.position, with: $0) }),
           zoneMatch(r, text, at: r.position) == nil {
            r.position += word.count
            if r.city == nil || isMunicipal(r.province) { readCity(&r, text) }
        }
        readUnit(&r, text)
        return r
    }

    /// Prefecture: a full name, a former name, or a short form confirmed by what follows.
    func readCity(_ r: inout Reading, _ text: [Unicode.Scalar]) {
        let province = r.province
        if let match = trie.longest(in: text, at: r.position, where: { id in cities[id].flatMap { pick($0, province: province) } }) {
            set(&r, city: match.value, length: match.length)
        } else if let match = trie.longest(in: text, at: r.position, where: { id in
                    formerNames[id]?.first { (province == nil || $0.provinceCode == province) && places[$0.currentCode]?.level == .city } }) {
            set(&r, city: match.value.currentCode, length: match.length)
            r.notes.append(formerNameNote(match.id, now: match.value.currentCode))
        } else if let match = trie.longest(in: text, at: r.position, where: { id in cityStems[id].flatMap { pick($0, province: province) } }),
                  // 南昌县 is a county, not 南昌 + 县.
                  (trie.longest(in: text, at: r.position, where: { units[$0] })?.length ?? 0) <= match.length,
                  // Its province just read confirms it too (安徽芜湖九华北路), unless a road name follows.
                  confirmsCity(match.value, after: r.position + match.length, in: text)
                    || (province != nil && !Self.roadFollows(text, at: r.position + match.length)) {
            set(&r, city: match.value, length: match.length)
            if r.position < text.count, text[r.position] == "市" { r.position += 1 }
        }
    }

    private func set(_ r: inout Reading, city: String, length: Int) {
        r.city = city
        r.province = r.province ?? Region.provinceCode(of: city)
        r.position += length
    }

    /// County-level unit: a zone (after its city, or named on its own), a unit's full name, a former name, or a
    /// unit's name without its suffix where the rest confirms it.
    func readUnit(_ r: inout Reading, _ text: [Unicode.Scalar]) {
        let zone = zoneMatch(r, text, at: r.position)
        let unit = trie.longest(in: text, at: r.position) { id in units[id].flatMap { codes -> [String]? in
            let scoped = codes.filter { inScope($0, r) }
            return scoped.isEmpty ? nil : scoped
        } }
        let former = trie.longest(in: text, at: r.position) { id in formerNames[id]?.first { former in
            places[former.currentCode]?.level == .district && (r.province == nil || former.provinceCode == r.province)
                && (r.city == nil || isMunicipal(r.city) || places[former.currentCode]?.parent == r.city)
        } }
        let zoneLength = zone?.length ?? 0, unitLength = unit?.length ?? 0, formerLength = former?.length ?? 0
        // A town written here whose name holds a shorter unit or zone name decides alone: 河西务镇 is 武清区's, not 河西区
        // + 务镇; 古县乡 is 蒲县's, not 古县's. One several units of the scope have (兰州's 城关镇) settles nothing.
        if let town = townMatch(r, text), town.length > max(zoneLength, unitLength, formerLength) {
            if town.units.count == 1 {
                setDistrict(&r, town.units[0], length: town.length)
                r.notes.append(Reason("address.town-in", ["town": trie.names[town.id], "unit": name(of: town.units[0])]))
            }
            return
        }
        if let zone, zoneLength >= unitLength, zoneLength >= formerLength {
            setZone(&r, zone.target, length: zone.length)
        } else if let unit, unitLength >= formerLength {
            if unit.value.count > 1 { r.ambiguousUnits = unit.value; r.position += unit.length; return }
            setDistrict(&r, unit.value[0], length: unit.length)
            splitByStreet(&r, name: unit.id, text)
            carvedOut(&r, text)
        } else if let former {
            setDistrict(&r, former.value.currentCode, length: former.length)
            // A split unit's street says where the address went; the name's main successor only without one.
            if !splitByStreet(&r, name: former.id, text) { r.notes.append(formerNameNote(former.id, now: former.value.currentCode)) }
        } else {
            readCountyStem(&r, text)
        }
    }

    /// The longest town or street office at the position, after a city or province read (湖州市织里镇, 上海市朱家角镇),
    /// with the units of that scope that have a town of that name; none before a road word (织里镇路) or with nothing
    /// read before it. A town decides only where it is one unit's (`readUnit`).
    private func townMatch(_ r: Reading, _ text: [Unicode.Scalar]) -> (length: Int, id: Int, units: [String])? {
        guard r.city != nil || r.province != nil, let match = trie.longest(in: text, at: r.position, where: { id in
            towns[id].flatMap { codes -> [String]? in
                let scoped = codes.filter { inScope($0, r) }
                return scoped.isEmpty ? nil : scoped
            }
        }), !Self.roadFollows(text, at: r.position + match.length) else { return nil }
        return (match.length, match.id, match.value)
    }

    /// The longest zone name at `position`: one of the city's aliases or a zone named on its own within the scope read.
    func zoneMatch(_ r: Reading, _ text: [Unicode.Scalar], at position: Int) -> (length: Int, target: ZoneTarget)? {
        var best: (length: Int, target: ZoneTarget)?
        if let city = r.city {
            let tables = isMunicipal(city) ? [city, String(city.prefix(2)) + "0200"] : [city]
            for code in tables {
                guard let aliases = zoneAliases[code], let match = trie.longest(in: text, at: position, where: { aliases[$0] }),
                      match.length > (best?.length ?? 0) else { continue }
                best = (match.length, match.value)
            }
        }
        if let match = trie.longest(in: text, at: position, where: { id -> ZoneTarget? in
            let scoped = zones[id]?.filter { target in
                if let city = r.city { return isMunicipal(city) ? Self.samePrefix(target.city, city, 2) : target.city == city }
                return r.province.map { Self.samePrefix(target.city, $0, 2) } ?? true
            } ?? []
            return scoped.count == 1 ? scoped[0] : nil
        }), match.length > (best?.length ?? 0) {
            best = (match.length, match.value)
        }
        return best
    }

    private func setZone(_ r: inout Reading, _ target: ZoneTarget, length: Int) {
        r.zone = true
        r.city = target.city
        r.district = target.district
        r.province = Region.provinceCode(of: target.city)
        r.position += length
    }

    private func setDistrict(_ r: inout Reading, _ code: String, length: Int) {
        r.district = code
        r.city = places[code]?.parent ?? r.city
        r.province = Region.provinceCode(of: code)
        r.position += length
    }

    func inScope(_ code: String, _ r: Reading) -> Bool {
        if let city = r.city {
            return isMunicipal(city) ? Self.samePrefix(code, city, 2) : places[code]?.parent == city
        }
        if let province = r.province { return Self.samePrefix(code, province, 2) }
        return true
    }

    /// A unit split by streets: the street after it says which part (江干区 + 下沙街道 → 钱塘区).
    @discardableResult
    private func splitByStreet(_ r: inout Reading, name id: Int, _ text: [Unicode.Scalar]) -> Bool {
        guard let parts = streetSplits[id] else { return false }
        let window = Array(text[r.position..<min(text.count, r.position + 12)])
        for part in parts where part.provinceCode == Region.provinceCode(of: r.district ?? "") {
            guard let street = part.streets.first(where: { AddressText.firstIndex(of: Array($0.unicodeScalars), in: window) != nil }) else { continue }
            r.district = part.currentCode
            r.city = places[part.currentCode]?.parent ?? r.city
            r.notes.append(Reason("address.former-name-street", ["former": trie.names[id], "street": street, "current": name(of: part.currentCode)]))
            return true
        }
        return false
    }

    private func formerNameNote(_ id: Int, now code: String) -> Reason {
        Reason("address.former-name", ["former": trie.names[id], "current": name(of: code)])
    }

    /// A place's name, or its code where the table has none.
    private func name(of code: String) -> String { places[code]?.name ?? code }

    /// A 新区 carved out of a district and later made its own (宝安区 + 龙华新区 → 龙华区): the newer name wins.
    private func carvedOut(_ r: inout Reading, _ text: [Unicode.Scalar]) {
        guard r.position < text.count, AddressText.firstIndex(of: Self.newArea, in: Array(text[r.position..<min(text.count, r.position + 10)])) != nil,
              let zone = zoneMatch(r, text, at: r.position), let district = zone.target.district, district != r.district,
              AddressText.starts(text, at: r.position + zone.length - 2, with: Array("新区".unicodeScalars)) else { return }
        setZone(&r, zone.target, length: zone.length)
    }

    /// A county-level name without its suffix: before a zone word (长沙市浏阳经济开发区, 昆山开发区), right after its city
    /// (苏州吴中, 浙杭州滨江) or province (江苏宝应…), or before the old suffix (章丘市 for 章丘区).
    private func readCountyStem(_ r: inout Reading, _ text: [Unicode.Scalar]) {
        guard let match = trie.longest(in: text, at: r.position, where: { id in countyStems[id].flatMap { codes -> [String]? in
            let scoped = codes.filter { inScope($0, r) }
            return scoped.isEmpty ? nil : scoped
        } }), match.value.count == 1, cityStems[match.id] == nil else { return }
        let after = r.position + match.length
        let next: Unicode.Scalar? = after < text.count ? text[after] : nil
        let confirmed: Bool
        if let next, Self.roadCharacters.contains(next) {
            confirmed = false
        } else if r.city != nil || r.province != nil {
            // Bare after the city or province, or before a zone word.
            confirmed = r.city != nil || r.province != nil
        } else {
            // With nothing read before it: the whole text (昆山), an old whole-unit form (章丘市) or a zone word right
            // after (浏阳经济开发区).
            confirmed = r.position == 0
                && (next.map { "区县市".unicodeScalars.contains($0) } ?? true || Self.zoneWordFollows(text, at: after, within: 1))
        }
        guard confirmed else { return }
        setDistrict(&r, match.value[0], length: match.length)
    }

    static let newArea = Array("新区".unicodeScalars)

    static let roadCharacters: Set<Unicode.Scalar> = ["路", "街", "道", "巷", "弄", "桥"]

    static func roadFollows(_ text: [Unicode.Scalar], at position: Int) -> Bool {
        position < text.count && roadCharacters.contains(text[position])
    }

    /// Words that, after a place name without its suffix, say a zone of that place follows.
    static let zoneWords: [[Unicode.Scalar]] = ["经济", "经开", "开发区", "高新", "工业", "科技", "化工", "产业", "保税", "临港", "国家", "生物",
                                                "医药", "新区", "园区"].map { Array($0.unicodeScalars) }

    /// A zone word starts within the next `within` characters (黄岩 + 江口 + 化工开发区).
    static func zoneWordFollows(_ text: [Unicode.Scalar], at position: Int, within: Int = 4) -> Bool {
        for offset in 0..<within where position + offset < text.count {
            if zoneWords.contains(where: { AddressText.starts(text, at: position + offset, with: $0) }) { return true }
        }
        return false
    }

    /// A short city name counts only before 市, a unit, zone or county name of that city, a zone word, or nothing.
    func confirmsCity(_ city: String, after position: Int, in text: [Unicode.Scalar]) -> Bool {
        guard position < text.count else { return true }
        if text[position] == "市" { return true }
        if Self.roadCharacters.contains(text[position]) { return false }
        let r = Reading(position: position, province: Region.provinceCode(of: city), city: city)
        if zoneMatch(r, text, at: position) != nil { return true }
        if trie.any(in: text, at: position, where: { id in units[id]?.contains { places[$0]?.parent == city } ?? false }) { return true }
        if trie.any(in: text, at: position, where: { id in countyStems[id]?.contains { places[$0]?.parent == city } ?? false }) { return true }
        if trie.any(in: text, at: position, where: { id in formerNames[id]?.contains { places[$0.currentCode]?.parent == city } ?? false }) { return true }
        return Self.zoneWordFollows(text, at: position)
    }

    /// A bare shared name: the rest of the address or the hint may name one candidate's city or province.
    private func decide(_ result: inout ResolvedAddress, _ r: Reading, text: [Unicode.Scalar], hint: String?, notes: inout [Reason]) {
        let rest = r.position < text.count ? String(String.UnicodeScalarView(text[r.position...])) : ""
        let deciding = r.ambiguousUnits.filter { code in
            guard let city = places[code]?.parent else { return false }
            // A province's code (…0000) settles a name shared across provinces; a city's or district's, one within.
            if let hint, hint.hasSuffix("0000") ? hint.prefix(2) == code.prefix(2) : hint.prefix(4) == city.prefix(4) { return true }
            let names = [places[city]?.name].compactMap { $0 } + Self.shortForms(ofCity: places[city]?.name ?? "")
            return names.contains { $0.count >= 2 && rest.contains($0) }
        }
        if deciding.count == 1, let code = deciding.first {
            fill(&result, province: Region.provinceCode(of: code), city: places[code]?.parent, district: code)
            result.status = .ok
            let by = hint.map { (zh: "区划代码 \($0)", en: "the region code \($0)") } ?? (zh: "地址其余部分", en: "the rest of the address")
            notes.append(Reason("address.shared-name", ["name": name(of: code), "count": String(r.ambiguousUnits.count),
                                                        "city": name(of: places[code]?.parent ?? "")]).with("by", zh: by.zh, en: by.en))
            return
        }
        result.status = .ambiguous
        // The levels every candidate shares are known (江苏省鼓楼区: 江苏).
        let provinces = Set(r.ambiguousUnits.map { Region.provinceCode(of: $0) })
        let cities = Set(r.ambiguousUnits.map { places[$0]?.parent ?? "" })
        fill(&result, province: provinces.count == 1 ? provinces.first : nil, city: cities.count == 1 ? cities.first : nil, district: nil)
        result.candidates = r.ambiguousUnits.sorted().map { code in
            let city = places[code]?.parent
            let path = [places[Region.provinceCode(of: code)]?.name, city.flatMap { places[$0]?.name }, places[code]?.name]
            return ResolvedAddress.Candidate(provinceCode: Region.provinceCode(of: code), cityCode: city, districtCode: code,
                                             name: path.compactMap { $0 }.reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } }.joined())
        }
    }

    private func fill(_ result: inout ResolvedAddress, province: String?, city: String?, district: String?) {
        (result.provinceCode, result.provinceName) = (province, province.flatMap { places[$0]?.name })
        (result.cityCode, result.cityName) = (city, city.flatMap { places[$0]?.name })
        (result.districtCode, result.districtName) = (district, district.flatMap { places[$0]?.name })
    }

    private func pick(_ codes: [String], province: String?) -> String? {
        let scoped = province.map { p in codes.filter { Self.samePrefix($0, p, 2) } } ?? codes
        return scoped.count == 1 ? scoped[0] : nil
    }
}

import BrainModel

extension ListedNames {
    /// The names table's rows for the bundle's listed firms: each name a firm is known by, with its kind, source and
    /// date. A former short name also gives the registered name the firm most likely had then: the former short name
    /// with the firm's own legal form (三九医药 → 三九医药股份有限公司), alone or after the firm's own place (its current
    /// name's place prefix, its province, its city) — never another firm's legal form or another place.
    public func enterpriseNames(_ enterprises: [Enterprise], regions: [Region]) -> [EnterpriseName] {
        let regionNames = Dictionary(regions.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let placesLongestFirst = Set(places.filter { $0.count >= 2 }).sorted { ($0.count, $0) > ($1.count, $1) }
        var rows: [EnterpriseName] = []
        for firm in enterprises {
            guard let code = firm.stockCode else { continue }
            var seen: Set<String> = []
            func add(_ name: String, _ kind: EnterpriseName.Kind, _ source: String, _ asOf: String) {
                let row = EnterpriseName(enterpriseId: firm.id, name: name, kind: kind, source: source, asOf: asOf)
                // One row per key and firm: a former name equal to a current one adds nothing.
                guard !row.key.isEmpty, seen.insert(row.key).inserted else { return }
                rows.append(row)
            }
            let provenance = firm.provenance
            let full = fullNames[code] ?? firm.fullName.map { Named(name: $0, source: provenance.source, asOf: provenance.asOf) }
            let short = shortNames[code] ?? Named(name: firm.name, source: provenance.source, asOf: provenance.asOf)
            if let full { add(full.name, .fullName, full.source, full.asOf) }
            add(short.name, .shortName, short.source, short.asOf)
            if let english = english[code] { add(english.name, .englishName, english.source, english.asOf) }
            for former in formerFull[code] ?? [] { add(former.name, .formerFullName, former.source, former.asOf) }
            for former in formerEnglish[code] ?? [] { add(former.name, .formerEnglishName, former.source, former.asOf) }
            let formers = (formerShort[code] ?? []).sorted { $0.asOf < $1.asOf }
            for former in formers { add(former.name, .formerShortName, former.source, former.asOf) }
            // The registered names the former short names imply, with the firm's own legal form and places.
            guard let fullKey = full.map({ CompanyName.normalized($0.name) }),
                  let form = NameAliases.legalForms.first(where: fullKey.hasSuffix) else { continue }
            var prefixes = [""]
            if let place = placesLongestFirst.first(where: { fullKey.hasPrefix($0) && fullKey.count > $0.count + 1 }) { prefixes.append(place) }
            for regionCode in [firm.provinceCode, firm.cityCode].compactMap({ $0 }) {
                guard let name = regionNames[regionCode] else { continue }
                prefixes.append(name)
                let shortPlace = Gazetteer.shortProvinceName(name)
                if shortPlace.count >= 2 { prefixes.append(shortPlace) }
            }
            // Only former short names: the current one with a legal form appended may be another registration's name.
            let currentShort = NameAliases.shortKey(short.name)
            for former in formers {
                let stem = NameAliases.shortKey(former.name)
                guard stem.count >= 2, stem != currentShort, !NameAliases.legalForms.contains(where: stem.hasSuffix) else { continue }
                for prefix in prefixes where !stem.hasPrefix(prefix) || prefix.isEmpty {
                    add(prefix + stem + form, .derivedFormerFullName, former.source, former.asOf)
                }
            }
        }
        return rows
    }
}

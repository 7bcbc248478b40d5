import Foundation
import BrainModel

/// The names listed firms go by, from the bundled files: full names (chain knowledge graph, Tushare-derived biomedicine
/// list), short names (Tushare 2024-05), former short names (Tushare namechange), official English names
/// (FinanceDatabase), and the place names a registered name may start with (regions).
public enum NameAliasLoader {
    /// `reviewed`: also read data/companies/aliases_reviewed.csv (analysts' corrections of outdated names).
    public static func load(dataFolder folder: URL, reviewed: Bool = true) throws(SourceFileError) -> NameAliases {
        func table(_ path: String, _ columns: [String]) throws(SourceFileError) -> CSVTable {
            try CSVTable(url: folder.appendingPathComponent(path), file: path, requiredColumns: columns)
        }
        var places: [String] = []
        for (path, columns) in [("regions/provinces.csv", ["code", "name"]), ("regions/cities.csv", ["code", "name"]),
                                ("regions/areas.csv", ["code", "name"])] {
            for row in try table(path, columns).rows {
                guard let name = row.optional("name") else { continue }
                places.append(name)
                // 连云港市 → 连云港, 江苏省 → 江苏; a one-character remainder (市辖区 aside) is no place prefix.
                let short = Gazetteer.shortProvinceName(name)
                if short != name, short.count >= 2 { places.append(short) }
            }
        }
        var aliases = NameAliases(places: places)
        var fullNames: [String: String] = [:], shortNames: [String: String] = [:], english: [String: String] = [:]
        var former: [String: [String]] = [:]
        for row in try table("chain-kg/companies.csv", ["code", "name", "fullname"]).rows {
            guard let code = row.optional("code").map({ String($0.prefix(6)) }) else { continue }
            if let full = row.optional("fullname") { fullNames[code] = full }
        }
        for row in try table("companies/biomed_enterprises_joined_derived.csv", ["ts_code", "fullname"]).rows {
            guard let code = row.optional("ts_code").map({ String($0.prefix(6)) }), let full = row.optional("fullname") else { continue }
            fullNames[code] = full
        }
        for row in try table("companies/stock_basic.csv", ["ts_code", "name"]).rows {
            guard let code = row.optional("ts_code").map({ String($0.prefix(6)) }), let name = row.optional("name") else { continue }
            shortNames[code] = name
        }
        for row in try table("companies/namechange.csv", ["ts_code", "name"]).rows {
            guard let code = row.optional("ts_code").map({ String($0.prefix(6)) }), let name = row.optional("name") else { continue }
            former[code, default: []].append(name)
        }
        for row in try table("companies/profiles_financedatabase.csv", ["code", "name_en"]).rows {
            guard let code = row.optional("code"), let name = row.optional("name_en") else { continue }
            english[code] = name
        }
        // Reviewed names (annual reports, exchange notices) correct the snapshots: a newer registered or English name
        // replaces the file's, which is kept as a former name.
        var formerFull: [String: [String]] = [:], formerEnglish: [String: [String]] = [:]
        for row in reviewed ? try table("companies/aliases_reviewed.csv", ["code", "name", "kind", "source"]).rows : [] {
            let code = try row.digits("code", count: 6), name = try row.required("name")
            switch try row.required("kind") {
            case "full":
                if let old = fullNames[code], CompanyName.normalized(old) != CompanyName.normalized(name) { formerFull[code, default: []].append(old) }
                fullNames[code] = name
            case "english":
                if let old = english[code] { formerEnglish[code, default: []].append(old) }
                english[code] = name
            case "former-full": formerFull[code, default: []].append(name)
            case "former-short": former[code, default: []].append(name)
            case "former-english": formerEnglish[code, default: []].append(name)
            case let kind: throw row.error("kind", value: kind, "expected full, english, former-full, former-short or former-english")
            }
        }
        for code in Set(fullNames.keys).union(shortNames.keys).sorted() {
            let current = shortNames[code]
            aliases.add(firm: code, fullName: fullNames[code], shortName: current,
                        formerShortNames: (former[code] ?? []).filter { $0 != current }, englishName: english[code],
                        formerFullNames: formerFull[code] ?? [], formerEnglishNames: formerEnglish[code] ?? [])
        }
        return aliases
    }
}

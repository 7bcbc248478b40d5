import Foundation
import BrainModel

/// The names listed firms go by, from the bundled files: full names (chain knowledge graph, Tushare-derived biomedicine
/// list), short names (Tushare 2024-05), former short names (Tushare namechange), official English names
/// (FinanceDatabase), analysts' reviewed names, and the place names a registered name may start with (regions).
/// `load` gives them as `NameAliases` (pairwise comparison); `ListedNames.enterpriseNames` as the store's names table.
public enum NameAliasLoader {
    /// `reviewed`: also read data/companies/aliases_reviewed.csv (analysts' corrections of outdated names).
    public static func load(dataFolder folder: URL, reviewed: Bool = true) throws(SourceFileError) -> NameAliases {
        let names = try ListedNames.read(dataFolder: folder, reviewed: reviewed)
        var aliases = NameAliases(places: names.places)
        for code in Set(names.fullNames.keys).union(names.shortNames.keys).sorted() {
            let current = names.shortNames[code]?.name
            aliases.add(firm: code, fullName: names.fullNames[code]?.name, shortName: current,
                        formerShortNames: (names.formerShort[code] ?? []).map(\.name).filter { $0 != current },
                        englishName: names.english[code]?.name,
                        formerFullNames: (names.formerFull[code] ?? []).map(\.name),
                        formerEnglishNames: (names.formerEnglish[code] ?? []).map(\.name))
        }
        return aliases
    }
}

/// Each listed firm's names by 6-digit stock code, each with its source file and date.
public struct ListedNames: Sendable {
    public struct Named: Sendable { var name: String, source: String, asOf: String }
    var fullNames: [String: Named] = [:], shortNames: [String: Named] = [:], english: [String: Named] = [:]
    var formerShort: [String: [Named]] = [:], formerFull: [String: [Named]] = [:], formerEnglish: [String: [Named]] = [:]
    /// Place names a registered name may start with (江苏省, 江苏, 连云港市, 连云港), for `NameAliases`.
    var places: [String] = []

    static let tushareAsOf = "2024-05-13"
    /// FinanceDatabase's commit date (companies/SOURCE.txt).
    static let financeDatabaseAsOf = "2026-08-16"

    public static func read(dataFolder folder: URL, reviewed: Bool = true) throws(SourceFileError) -> ListedNames {
        func table(_ path: String, _ columns: [String]) throws(SourceFileError) -> CSVTable {
            try CSVTable(url: folder.appendingPathComponent(path), file: path, requiredColumns: columns)
        }
        /// Corrections and cross-checks a generated data folder (`brain generate`) does not have: absent is empty.
        func optionalRows(_ path: String, _ columns: [String]) throws(SourceFileError) -> [CSVRow] {
            guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path) else { return [] }
            return try table(path, columns).rows
        }
        var names = ListedNames()
        for (path, columns) in [("regions/provinces.csv", ["code", "name"]), ("regions/cities.csv", ["code", "name"]),
                                ("regions/areas.csv", ["code", "name"])] {
            for row in try table(path, columns).rows {
                guard let name = row.optional("name") else { continue }
                names.places.append(name)
                // 连云港市 → 连云港, 江苏省 → 江苏; a one-character remainder (市辖区 aside) is no place prefix.
                let short = Gazetteer.shortProvinceName(name)
                if short != name, short.count >= 2 { names.places.append(short) }
            }
        }
        let kg = "chain-kg/companies.csv"
        for row in try table(kg, ["code", "name", "fullname"]).rows {
            guard let code = row.optional("code").map({ String($0.prefix(6)) }), let full = row.optional("fullname") else { continue }
            names.fullNames[code] = Named(name: full, source: kg, asOf: row.optional("time") ?? "")
        }
        let derived = "companies/biomed_enterprises_joined_derived.csv"
        for row in try optionalRows(derived, ["ts_code", "fullname"]) {
            guard let code = row.optional("ts_code").map({ String($0.prefix(6)) }), let full = row.optional("fullname") else { continue }
            names.fullNames[code] = Named(name: full, source: derived, asOf: SourceDate.iso(row.optional("snapshot_date")) ?? tushareAsOf)
        }
        let basic = "companies/stock_basic.csv"
        for row in try table(basic, ["ts_code", "name"]).rows {
            guard let code = row.optional("ts_code").map({ String($0.prefix(6)) }), let name = row.optional("name") else { continue }
            names.shortNames[code] = Named(name: name, source: basic, asOf: tushareAsOf)
        }
        let changes = "companies/namechange.csv"
        for row in try table(changes, ["ts_code", "name"]).rows {
            guard let code = row.optional("ts_code").map({ String($0.prefix(6)) }), let name = row.optional("name") else { continue }
            // The date the name was taken: when a former name was the firm's.
            names.formerShort[code, default: []].append(Named(name: name, source: changes,
                                                              asOf: SourceDate.iso(row.optional("start_date")) ?? tushareAsOf))
        }
        let profiles = "companies/profiles_financedatabase.csv"
        for row in try table(profiles, ["code", "name_en"]).rows {
            guard let code = row.optional("code"), let name = row.optional("name_en") else { continue }
            names.english[code] = Named(name: name, source: profiles, asOf: financeDatabaseAsOf)
        }
        // Reviewed names (annual reports, exchange notices) correct the snapshots: a newer registered or English name
        // replaces the file's, which is kept as a former name.
        for row in reviewed ? try optionalRows("companies/aliases_reviewed.csv", ["code", "name", "kind", "source"]) : [] {
            let code = try row.digits("code", count: 6), name = try row.required("name")
            let named = Named(name: name, source: try row.required("source"), asOf: row.optional("as_of") ?? "")
            switch try row.required("kind") {
            case "full":
                if let old = names.fullNames[code], CompanyName.normalized(old.name) != CompanyName.normalized(name) {
                    names.formerFull[code, default: []].append(old)
                }
                names.fullNames[code] = named
            case "english":
                if let old = names.english[code] { names.formerEnglish[code, default: []].append(old) }
                names.english[code] = named
            case "former-full": names.formerFull[code, default: []].append(named)
            case "former-short": names.formerShort[code, default: []].append(named)
            case "former-english": names.formerEnglish[code, default: []].append(named)
            case let kind: throw row.error("kind", value: kind, "expected full, english, former-full, former-short or former-english")
            }
        }
        return names
    }
}

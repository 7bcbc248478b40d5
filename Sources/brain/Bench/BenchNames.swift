import ArgumentParser
import Foundation
import BrainIngest
import BrainModel
import BrainStore

struct BenchNames: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "names",
        abstract: "Company-name matching against hand-labelled pairs: accuracy per category and false merges, with and without aliases.",
        discussion: """
            Pairs: Tests/labelled/name-pairs.tsv (name_a, name_b, same_entity, category). Three runs: folding only; aliases
            from the bundled snapshots (short names, Tushare's name changes since about 2014, FinanceDatabase English names);
            and with data/companies/aliases_reviewed.csv (renames before 2014, current registered names). The reviewed file
            was written for firms that also appear in the labelled pairs, so its figure is not an independent measure.
            With --store: single names (Tests/labelled/name-resolution.tsv: name, expected stock-code id or empty for none)
            resolved against the store's names table — right, wrong firm, false resolution (a firm for a name that names
            none), missed — and the resolution throughput in names/s.
            """)
    @Option(help: "Folder holding the bundled open data.") var data: String = "data"
    @Option(help: "Hand-labelled name pairs (TSV).") var labels: String = "Tests/labelled/name-pairs.tsv"
    @Option(help: "Also resolve single names against this database (SQLite file or postgres:// address).") var store: String?
    @Option(help: "Hand-labelled single names and the firm each names (TSV).") var resolutions: String = "Tests/labelled/name-resolution.tsv"

    func run() async throws {
        try pairs()
        if let store { try await BenchNameResolution(labels: resolutions).run(try await openStore(store)) }
    }

    func pairs() throws {
        let text = try String(contentsOf: URL(fileURLWithPath: labels), encoding: .utf8)
        let pairs = text.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
            .filter { $0.count >= 4 }
        let withReviewed = try NameAliasLoader.load(dataFolder: URL(fileURLWithPath: data))
        let snapshotsOnly = try NameAliasLoader.load(dataFolder: URL(fileURLWithPath: data), reviewed: false)
        print("labelled pairs: \(pairs.count) (\(pairs.filter { $0[2] == "1" }.count) same, \(pairs.filter { $0[2] != "1" }.count) different)")
        for (title, aliases) in [("folding only", nil), ("+ aliases from the bundled snapshots", snapshotsOnly),
                                 ("+ reviewed aliases", withReviewed)] as [(String, NameAliases?)] {
            var right: [String: Int] = [:], total: [String: Int] = [:], falseMerges: [String] = [], missed: [String] = []
            let start = Date()
            for pair in pairs {
                let same = CompanyName.compare(pair[0], pair[1], aliases: aliases).same
                total[pair[3], default: 0] += 1
                if same == (pair[2] == "1") { right[pair[3], default: 0] += 1 } else if same { falseMerges.append("\(pair[0]) | \(pair[1])") }
                else { missed.append("\(pair[3]): \(pair[0]) | \(pair[1])") }
            }
            let seconds = Date().timeIntervalSince(start)
            let correct = right.values.reduce(0, +)
            print(String(format: "\n%@: %.1f %% right (%d of %d), false merges %d, %.0f pairs/s", title,
                         100 * Double(correct) / Double(pairs.count), correct, pairs.count, falseMerges.count, Double(pairs.count) / max(seconds, 1e-9)))
            for category in total.keys.sorted() where right[category, default: 0] < total[category, default: 0] {
                print("  \(ReportTable.pad(category, 22)) \(right[category, default: 0]) / \(total[category, default: 0])")
            }
            for merge in falseMerges { print("  false merge: \(merge)") }
            // With aliases, each pair still missed (folding alone misses every alias, listed by its category above).
            if aliases != nil { for pair in missed { print("  missed \(pair)") } }
        }
    }
}

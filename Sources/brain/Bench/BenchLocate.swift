import ArgumentParser
import Foundation
import BrainIngest
import BrainModel

struct BenchLocate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "locate",
        abstract: "How finely listed firms are located: share of listed biomedicine firms located to a district, by basis, the firms left at city level with their reasons, and agreement with hand-labelled districts.",
        discussion: """
            Rule (docs/methods.md, "Where a listed firm is"): the registered address first, then the office address, each
            read by the project's address resolver with data/regions/development-zones.csv; an address whose district lies
            outside the firm's known city is not used. Labelled: Tests/labelled/listed-districts.tsv (stock code, expected
            district, acceptable alternatives), written from public knowledge.
            """)
    @Option(help: "Folder holding the bundled open data.") var data: String = "data"
    @Option(help: "Hand-labelled districts of listed firms (TSV); empty to skip.") var labels: String = "Tests/labelled/listed-districts.tsv"

    func run() throws {
        let ((bundle, _), seconds) = try Measurement.seconds { try BundleLoader(folder: URL(fileURLWithPath: data)).load() }
        let figures = LocationFigures(bundle)
        // The locating step alone, as build-db runs it (address file read, resolver built, every firm located).
        var firms = bundle.enterprises, report = ImportReport()
        let (_, locating) = try Measurement.seconds {
            try BundleLoader.locate(&firms, regions: bundle.regions, folder: URL(fileURLWithPath: data), report: &report)
        }
        print(String(format: "bundle loaded in %.2f s, of which locating %d firms %.2f s", seconds, firms.count, locating))
        for (title, row) in [("listed biomedicine firms", figures.biomedicine), ("all listed firms", figures.all)] {
            print("\(title): \(row.total); located to a district \(row.district) = \(Self.percent(row.district, row.total))")
            print("  by basis: " + row.byBasis.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
            print("  left at city or province: \(row.total - row.district); reasons: "
                  + row.reasons.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
            print("  with an address in the file: \(row.withAddress); of those located to a district \(Self.percent(row.districtWithAddress, row.withAddress))")
        }
        guard !labels.isEmpty else { return }
        let labelled = try ListedDistrictLabels(file: URL(fileURLWithPath: labels))
        let check = labelled.agreement(with: bundle)
        print("labelled firms: \(check.cases); located to a district \(check.located); agreeing \(check.agreeing) = \(Self.percent(check.agreeing, check.located)) of the located")
        for miss in check.misses { print("  miss: \(miss)") }
    }

    static func percent(_ part: Int, _ whole: Int) -> String {
        whole == 0 ? "–" : String(format: "%.1f %%", 100 * Double(part) / Double(whole))
    }
}

import ArgumentParser
import Foundation
import BrainStore

struct RegionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "region", abstract: "Print a region's profile: firms per chain node, employees, largest firms.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "Six-digit GB/T 2260 region code, e.g. 320500.")
    var code: String
    @Option(help: "How many of the largest firms to list.")
    var top: Int = 10

    func run() async throws {
        let store = try await openStore(store.db)
        guard let profile = try await store.regionProfile(code, largest: top) else {
            throw ValidationError("no region with code \(code)")
        }
        let taxonomy = try await store.taxonomy()
        let path = (profile.ancestors.map(\.name) + [profile.region.name]).joined(separator: " › ")
        print("\(profile.region.code) \(path) [\(profile.region.level.rawValue)]")
        print("listed firms \(profile.listedFirms), biomedicine firms \(profile.biomedicineFirms), "
              + "biomedicine employees \(profile.biomedicineEmployees), universities \(profile.universities)")
        print("\nfirms per chain node:")
        for count in profile.nodeCounts where count.firms > 0 {
            guard let node = taxonomy.node(count.nodeId) else { continue }
            let indent = node.parentId == nil ? "  " : "      "
            print(indent + ReportTable.pad("\(node.nameZh) (\(node.tier.rawValue))", 34) + ReportTable.pad("\(count.firms)", 6, left: true)
                  + ReportTable.pad("\(count.employees)", 10, left: true) + " employees")
        }
        print("\nlargest biomedicine firms:")
        for firm in profile.largestFirms {
            print("  " + ReportTable.pad(firm.id, 11) + ReportTable.pad(firm.name, 12) + ReportTable.pad(firm.employees.map(String.init) ?? "–", 8, left: true)
                  + "  " + firm.nodeIds.joined(separator: ","))
        }
        if !profile.parks.isEmpty {
            print("\nparks:")
            for park in profile.parks { print("  \(park.name) (\(park.regionCode))") }
        }
    }
}

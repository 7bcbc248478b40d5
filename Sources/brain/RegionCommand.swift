import ArgumentParser
import Foundation
import BrainStore
import BrainUseCases

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
        // The same read model as `/api/regions/{code}`: the profile's counts on every node of the chain.
        let region = RegionResponse(profile, taxonomy: try await store.taxonomy())
        let path = (region.ancestors.map(\.name) + [region.name]).joined(separator: " › ")
        print("\(region.code) \(path) [\(region.level.rawValue)]")
        print("listed firms \(region.listedFirms), biomedicine firms \(region.biomedicineFirms), "
              + "biomedicine employees \(region.biomedicineEmployees), universities \(region.universities)")
        print("\nfirms per chain node:")
        for node in region.nodes where node.firms > 0 {
            let indent = node.parentId == nil ? "  " : "      "
            print(indent + ReportTable.pad("\(node.nameZh) (\(node.tier.rawValue))", 34) + ReportTable.pad("\(node.firms)", 6, left: true)
                  + ReportTable.pad("\(node.employees)", 10, left: true) + " employees")
        }
        print("\nlargest biomedicine firms:")
        for firm in region.largestFirms {
            print("  " + ReportTable.pad(firm.id, 11) + ReportTable.pad(firm.name, 12) + ReportTable.pad(firm.employees.map(String.init) ?? "–", 8, left: true)
                  + "  " + firm.nodeIds.joined(separator: ","))
        }
        if !region.parks.isEmpty {
            print("\nparks:")
            for park in region.parks { print("  \(park.name) (\(park.regionCode))") }
        }
    }
}

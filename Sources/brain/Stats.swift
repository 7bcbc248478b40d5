import ArgumentParser
import Foundation
import BrainStore

struct Stats: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print row counts of the store and when it was built; with --layers, each layer's firms, location and chain nodes.")
    @OptionGroup var store: StoreOptions
    @Flag(help: "Print each layer (listed, nmpa-2019, every import): firms, how many are located to province, city and district, firms per chain node, and for a register the firms linked to listed ones.")
    var layers = false

    func run() async throws {
        if layers { return try await LayerStats.print(try await openStore(store.db)) }
        let stats = try await openStore(store.db).stats()
        for (table, count) in stats.counts.sorted(by: { $0.key < $1.key }) {
            print(ReportTable.pad(table, 36) + ReportTable.pad("\(count)", 10, left: true))
        }
        if let built = stats.builtAt { print("built at \(built)" + (stats.buildSeconds.map { " in \($0) s" } ?? "")) }
    }
}

/// Opens an existing database; a missing one is a user error, not a silent empty database.
func openStore(_ text: String) async throws -> any ImportingStore {
    let location = try StoreLocation(text)
    guard let store = try await location.openIfBuilt() else {
        throw ValidationError("no database at \(location): run `brain build-db --database \(text)` first")
    }
    return store
}

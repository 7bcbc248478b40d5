import ArgumentParser
import Foundation
import BrainStore

struct Stats: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print row counts of the store and when it was built.")
    @OptionGroup var store: StoreOptions

    func run() async throws {
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

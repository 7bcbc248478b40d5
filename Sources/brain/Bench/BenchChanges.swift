import ArgumentParser
import Foundation
import BrainIngest
import BrainModel
import BrainStore

/// What the change feed costs an import: the same SYNTHETIC file imported into two fresh SQLite stores, once with
/// the feed (a change row per new firm and the alerts for a set of region watches, in the import's transaction) and
/// once without, then the feed's rows read back by region.
struct BenchChanges: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changes",
        abstract: "Import N SYNTHETIC enterprise rows into fresh SQLite stores with and without the change feed (issue 19 item 4) and print both times, the feed's share, its rows and alerts.")
    @Option(help: "Rows to generate.") var rows: Int = 100_000
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Option(help: "Region watches (cities) to raise alerts for.") var watches: Int = 50
    @Option(help: "Folder holding the bundled open data (names and regions to sample).") var data: String = "data"

    func run() async throws {
        let folder = URL(fileURLWithPath: data)
        let resolver = try AddressResolver.load(dataFolder: folder)
        let bundle = try BundleLoader(folder: folder).load().bundle
        let classifier = try ImportClassifier.load(dataFolder: folder)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("brain-bench-changes-\(rows)-\(seed).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        try BenchImport.writeSyntheticFile(rows: rows, seed: seed, bundle: bundle, to: file)
        let cities = bundle.regions.filter { $0.level == .city }.map(\.code).sorted().prefix(max(0, watches))
        print("SYNTHETIC \(rows) enterprise rows; \(cities.count) city watches")
        var seconds: [Bool: Double] = [:]
        for feed in [false, true] {
            let path = file.path + (feed ? ".feed.sqlite" : ".plain.sqlite")
            defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
            let location = StoreLocation.sqlite(path: path)
            try await location.build(bundle)
            let store = try await location.open()
            for city in cities {
                _ = try await store.addWatch(WatchItem(organisationId: "bench", kind: .region, targetId: city, createdAt: "2026-11-30T00:00:00Z"))
            }
            var header = ImportHeader(kind: "enterprises", file: file.lastPathComponent, fingerprint: "bench-changes-\(rows)-\(seed)",
                                      asOf: "2026-01-01", importedAt: ISO8601DateFormatter().string(from: Date()))
            header.recordsChanges = feed
            let (outcome, time) = try await Measurement.asyncSeconds {
                let check = EnterpriseFileCheck(url: file, resolver: resolver)
                try check.start()
                let classification = ClassificationCache(classifier)
                let prefetch = BatchPrefetch { try check.next()?.map { $0.imported(cache: classification) } }
                defer { prefetch.stop() }
                return try await store.importEnterprises(header, next: prefetch.next)
            }
            seconds[feed] = time
            let label = feed ? "import with the change feed   " : "import without the change feed"
            print("\(label)  \(Output.number(time)) s = \(Int(Double(rows) / time)) rows/s; created \(outcome.created)")
            guard feed else { continue }
            let (changes, read) = try await Measurement.asyncSeconds { try await store.changes(ChangeQuery(everything: true, limit: 10_000_000)) }
            let alerts = try await store.unreadAlertCount(organisation: "bench")
            // The store lists at most 10,000 changes at a time (the newest).
            print("change feed: one change per created firm, \(alerts) alerts for the watches; newest \(changes.count) changes read back in \(Output.number(read)) s")
            if let city = cities.first {
                let (one, byRegion) = try await Measurement.asyncSeconds { try await store.changes(ChangeQuery(everything: true, regionCode: city, limit: 100)) }
                print("changes of one city (\(city), newest 100: \(one.count)) in \(Output.number(byRegion * 1000)) ms")
            }
        }
        if let with = seconds[true], let without = seconds[false] {
            print("change-feed time \(Output.number(with - without)) s (\(Output.number((with - without) / without * 100)) % of the import without it)")
        }
    }
}

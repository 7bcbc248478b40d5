import ArgumentParser
import Foundation
import BrainIngest
import BrainModel
import BrainStore

/// What the change feed costs an import: the same SYNTHETIC file imported into fresh SQLite stores, once with the
/// feed (a change row per new firm and the alerts for a set of region and node watches, in the import's transaction)
/// and once without, `--runs` times each, interleaved so that a change in the machine's load falls on both; prints
/// every run's wall and CPU seconds and the medians. On a shared machine the wall time moves with the load, the CPU
/// time of this process much less: the feed's cost is the difference of the CPU medians.
struct BenchChanges: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changes",
        abstract: "Import N SYNTHETIC enterprise rows into fresh SQLite stores with and without the change feed (issue 19 item 4), several runs each, and print wall and CPU medians, the feed's share, its rows and alerts.")
    @Option(help: "Rows to generate.") var rows: Int = 100_000
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Option(help: "Region watches (cities) to raise alerts for.") var watches: Int = 50
    @Option(help: "Runs of each variant (the medians are reported).") var runs: Int = 3
    @Option(help: "Folder holding the bundled open data (names and regions to sample).") var data: String = "data"

    func validate() throws {
        guard rows > 0, runs > 0, runs <= 20, watches >= 0 else { throw ValidationError("--rows must be positive, --runs 1–20, --watches not negative") }
    }

    struct Timing { var wall: Double; var cpu: Double }

    func run() async throws {
        let folder = URL(fileURLWithPath: data)
        let resolver = try AddressResolver.load(dataFolder: folder)
        let bundle = try BundleLoader(folder: folder).load().bundle
        let classifier = try ImportClassifier.load(dataFolder: folder)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("brain-bench-changes-\(rows)-\(seed).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        try BenchImport.writeSyntheticFile(rows: rows, seed: seed, bundle: bundle, to: file)
        let cities = Array(bundle.regions.filter { $0.level == .city }.map(\.code).sorted().prefix(max(0, watches)))
        // Node watches on the chain's top nodes: each covers its sub-nodes, so the sub-node match is in the figure.
        let parents = bundle.taxonomy.nodes.filter { $0.parentId == nil }.map(\.id)
        print("SYNTHETIC \(rows) enterprise rows; \(cities.count) city watches and \(parents.count) node watches (each covering its sub-nodes); \(runs) runs of each")
        var timings: [Bool: [Timing]] = [:]
        for run in 1...runs {
            for feed in [false, true] {
                let timing = try await importOnce(feed: feed, file: file, bundle: bundle, resolver: resolver, classifier: classifier,
                                                  cities: cities, nodes: parents, report: run == runs && feed)
                timings[feed, default: []].append(timing)
                print("run \(run) \(feed ? "with the feed   " : "without the feed")  wall \(Output.number(timing.wall)) s  cpu \(Output.number(timing.cpu)) s")
            }
        }
        let median = { (values: [Double]) in values.sorted()[values.count / 2] }
        for feed in [false, true] {
            let list = timings[feed] ?? []
            let wall = median(list.map(\.wall)), cpu = median(list.map(\.cpu))
            print("median \(feed ? "with the feed   " : "without the feed")  wall \(Output.number(wall)) s = \(Int(Double(rows) / wall)) rows/s  cpu \(Output.number(cpu)) s")
        }
        let cpu = { (feed: Bool) in median((timings[feed] ?? []).map(\.cpu)) }, wall = { (feed: Bool) in median((timings[feed] ?? []).map(\.wall)) }
        print("change-feed cost (medians): cpu \(Output.number(cpu(true) - cpu(false))) s (\(Output.number((cpu(true) - cpu(false)) / cpu(false) * 100)) % of the import without it), "
              + "wall \(Output.number(wall(true) - wall(false))) s (\(Output.number((wall(true) - wall(false)) / wall(false) * 100)) %)")
    }

    /// One import into a fresh store; with `report`, the feed's rows and alerts and two reads of it are printed.
    func importOnce(feed: Bool, file: URL, bundle: DataBundle, resolver: AddressResolver, classifier: ImportClassifier, cities: [String],
                    nodes: [String], report: Bool) async throws -> Timing {
        let path = file.path + (feed ? ".feed.sqlite" : ".plain.sqlite")
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let location = StoreLocation.sqlite(path: path)
        _ = try await location.build(bundle)
        let store = try await location.open()
        for (kind, targets) in [(WatchKind.region, cities), (.node, nodes)] {
            for target in targets {
                _ = try await store.addWatch(WatchItem(organisationId: "bench", kind: kind, targetId: target, createdAt: "2026-11-30T00:00:00Z"))
            }
        }
        var header = ImportHeader(kind: "enterprises", file: file.lastPathComponent, fingerprint: "bench-changes-\(rows)-\(seed)",
                                  asOf: "2026-01-01", importedAt: ISO8601DateFormatter().string(from: Date()))
        header.recordsChanges = feed
        let cpuBefore = Measurement.cpuSeconds
        let (outcome, wall) = try await Measurement.asyncSeconds {
            try await BenchImport.importFile(file, into: store, header: header, resolver: resolver, classifier: classifier)
        }
        let timing = Timing(wall: wall, cpu: Measurement.cpuSeconds - cpuBefore)
        guard report else { return timing }
        print("created \(outcome.created) firms")
        let (changes, read) = try await Measurement.asyncSeconds { try await store.changes(ChangeQuery(everything: true, limit: 10_000_000)) }
        let alerts = try await store.unreadAlertCount(organisation: "bench")
        // The store lists at most 10,000 changes at a time (the newest).
        print("change feed: one change per created firm, \(alerts) alerts for the watches; newest \(changes.count) changes read back in \(Output.number(read)) s")
        if let city = cities.first {
            let (one, byRegion) = try await Measurement.asyncSeconds { try await store.changes(ChangeQuery(everything: true, regionCode: city, limit: 100)) }
            print("changes of one city (\(city), newest 100: \(one.count)) in \(Output.number(byRegion * 1000)) ms")
        }
        return timing
    }
}

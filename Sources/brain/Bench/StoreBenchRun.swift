import Foundation
import BrainAnalytics
import BrainModel
import BrainStore

/// The figures of one backend at one size.
struct StoreBenchResult {
    var backend: BenchBackend
    var importRowsPerSecond = 0.0, importSeconds = 0.0
    var snapshotSeconds = 0.0, snapshotPeakMB = 0.0, analyticsSeconds = 0.0
    var searchP50 = 0.0, searchP99 = 0.0, profileP50 = 0.0, profileP99 = 0.0
    var http: HTTPLoadResult?

    static func table(_ results: [StoreBenchResult], firms: Int) -> String {
        let ms = { (v: Double) in Output.number(v * 1000) }
        var rows = ["| \(firms) firms | " + results.map(\.backend.rawValue).joined(separator: " | ") + " |",
                    "|---|" + results.map { _ in "---:|" }.joined()]
        func row(_ name: String, _ value: (StoreBenchResult) -> String) {
            rows.append("| \(name) | " + results.map(value).joined(separator: " | ") + " |")
        }
        row("import rows/s (s)") { "\(Int($0.importRowsPerSecond)) (\(Output.number($0.importSeconds)))" }
        row("snapshot s / peak RSS MB") { "\(Output.number($0.snapshotSeconds)) / \(Int($0.snapshotPeakMB))" }
        row("analytics recompute s") { Output.number($0.analyticsSeconds) }
        row("search p50 / p99 ms") { "\(ms($0.searchP50)) / \(ms($0.searchP99))" }
        row("region profile (store) p50 / p99 ms") { "\(ms($0.profileP50)) / \(ms($0.profileP99))" }
        row("HTTP region profile req/s, 64 conns") { $0.http.map { "\(Int($0.requestsPerSecond))" } ?? "–" }
        row("HTTP p50 / p99 ms") { $0.http.map { "\($0.p50) / \($0.p99)" } ?? "–" }
        row("server peak RSS MB") { $0.http.map { "\(Int($0.serverPeakMB))" } ?? "–" }
        return rows.joined(separator: "\n")
    }
}

struct StoreBenchRun {
    let backend: BenchBackend
    let location: StoreLocation
    let rows: Int
    let loadSeconds: Double
    let seed: UInt64
    let seconds: Int
    let data: String
    let work: URL

    func measure(_ bundle: DataBundle) async throws -> StoreBenchResult {
        var result = StoreBenchResult(backend: backend)
        let (_, write) = try await Measurement.asyncSeconds { try await location.build(bundle, loadSeconds: loadSeconds) }
        result.importSeconds = loadSeconds + write
        result.importRowsPerSecond = Double(rows) / result.importSeconds
        print("import            \(Output.number(result.importSeconds)) s = \(Int(result.importRowsPerSecond)) rows/s (write \(Output.number(write)) s)")
        let store = try await location.open()
        Measurement.resetPeakMemory()
        let (index, snapshot) = try await Measurement.asyncSeconds { SnapshotIndex(try await store.snapshot().restricted(to: .listed)) }
        result.snapshotSeconds = snapshot
        result.snapshotPeakMB = Measurement.peakMemorySinceResetMB
        print("snapshot          \(Output.number(snapshot)) s, peak RSS \(Int(result.snapshotPeakMB)) MB")
        let (_, analytics) = Measurement.seconds { _ = LevelAnalysis(index, level: .city); _ = LevelAnalysis(index, level: .province) }
        result.analyticsSeconds = analytics
        print("analytics         \(Output.number(analytics)) s (city and province matrices, LQ, complexity)")

        var random = SplitMix64(seed: seed)
        let names = index.data.enterprises.map(\.name)
        var searchTimes: [Double] = [], slowest: [(String, Double, Int)] = []
        for i in 0..<300 {
            let name = Array(names[random.below(names.count)])
            let length = i % 2 == 0 ? 2 : 3, start = random.below(max(1, name.count - length + 1))
            let query = String(name[start..<min(name.count, start + length)])
            let (page, time) = try await Measurement.asyncSeconds { try await store.searchEnterprises(query, limit: 20, offset: 0) }
            searchTimes.append(time)
            slowest = Array((slowest + [(query, time, page.total)]).sorted { $0.1 > $1.1 }.prefix(5))
        }
        (result.searchP50, result.searchP99) = (Self.percentile(searchTimes, 0.5), Self.percentile(searchTimes, 0.99))
        print("search            p50 \(Self.ms(result.searchP50)) ms, p99 \(Self.ms(result.searchP99)) ms (300 queries of 2–3 characters; target p99 < 20 ms); "
              + "slowest " + slowest.map { "\($0.0) \(Self.ms($0.1)) ms (\($0.2) matches)" }.joined(separator: ", "))
        let cities = index.regions(at: .city).map(\.code)
        var profileTimes: [Double] = []
        for i in 0..<300 {
            profileTimes.append(try await Measurement.asyncSeconds { try await store.regionProfile(cities[i % cities.count], largest: 10) }.1)
        }
        (result.profileP50, result.profileP99) = (Self.percentile(profileTimes, 0.5), Self.percentile(profileTimes, 0.99))
        print("region profile    p50 \(Self.ms(result.profileP50)) ms, p99 \(Self.ms(result.profileP99)) ms (store call, 300 cities; target p99 < 50 ms)")
        if seconds > 0 {
            result.http = try HTTPLoad(database: location.argument, data: data, cities: cities, work: work, seconds: seconds).run()
        }
        return result
    }

    static func percentile(_ times: [Double], _ p: Double) -> Double {
        let sorted = times.sorted()
        return sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
    }

    static func ms(_ seconds: Double) -> String { Output.number(seconds * 1000) }
}

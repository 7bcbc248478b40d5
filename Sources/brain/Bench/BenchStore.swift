import ArgumentParser
import Foundation
import BrainAnalytics
import BrainIngest
import BrainModel
import BrainStore

struct BenchStore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Import, snapshot, analytics, search and region-profile latency on SYNTHETIC data of N firms (SQLite backend).")
    @Option(help: "Synthetic firms to generate (brain generate).") var firms: Int = 100_000
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Option(help: "Real data folder to resample from.") var data: String = "data"
    @Option(help: "Seconds of HTTP load (wrk, 64 connections) against the region-profile route; 0 skips it.") var seconds: Int = 10

    func run() async throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("brain-bench-\(firms)-\(seed)")
        defer { try? FileManager.default.removeItem(at: work) }
        let folder = work.appendingPathComponent("data"), db = work.appendingPathComponent("brain.sqlite").path
        let (_, generate) = try Measurement.seconds {
            try SyntheticDataset(source: URL(fileURLWithPath: data), firms: firms, seed: seed).write(to: folder)
        }
        print("SYNTHETIC \(firms) firms (seed \(seed)), SQLite; generated in \(Output.number(generate)) s")
        let ((bundle, report), load) = try Measurement.seconds { try BundleLoader(folder: folder).load() }
        let (_, write) = try Measurement.seconds { try DatabaseBuilder().build(bundle, to: db, loadSeconds: load) }
        print("import            \(Output.number(load + write)) s for \(report.totalRead) rows = \(Int(Double(report.totalRead) / (load + write))) rows/s "
              + "(read+classify \(Output.number(load)) s, write \(Output.number(write)) s)")
        let store = try SQLiteStore(path: db)
        let (index, snapshot) = try await Measurement.asyncSeconds { SnapshotIndex(try await store.snapshot()) }
        print("snapshot          \(Output.number(snapshot)) s, peak RSS of this process \(Output.number(Measurement.peakMemoryMB, 0)) MB")
        let (_, analytics) = Measurement.seconds { _ = LevelAnalysis(index, level: .city); _ = LevelAnalysis(index, level: .province) }
        print("analytics         \(Output.number(analytics)) s (city and province matrices, LQ, complexity)")

        var random = SplitMix64(seed: seed)
        let names = index.data.enterprises.map(\.name)
        var searchTimes: [Double] = [], twoCharacter: [Double] = [], threeCharacter: [Double] = []
        for i in 0..<300 {
            let name = Array(names[random.below(names.count)])
            let length = i % 2 == 0 ? 2 : 3, start = random.below(max(1, name.count - length + 1))
            let query = String(name[start..<min(name.count, start + length)])
            let (_, t) = try await Measurement.asyncSeconds { try await store.searchEnterprises(query, limit: 20, offset: 0) }
            searchTimes.append(t)
            if length == 2 { twoCharacter.append(t) } else { threeCharacter.append(t) }
        }
        print("search            p50 \(ms(searchTimes, 0.5)) ms, p99 \(ms(searchTimes, 0.99)) ms (300 queries of 2–3 characters; target p99 < 20 ms); "
              + "2 characters p99 \(ms(twoCharacter, 0.99)) ms, 3 characters p99 \(ms(threeCharacter, 0.99)) ms")
        let cities = index.regions(at: .city).map(\.code)
        var profileTimes: [Double] = []
        for i in 0..<300 {
            let (_, t) = try await Measurement.asyncSeconds { try await store.regionProfile(cities[i % cities.count], largest: 10) }
            profileTimes.append(t)
        }
        print("region profile    p50 \(ms(profileTimes, 0.5)) ms, p99 \(ms(profileTimes, 0.99)) ms (store call, 300 cities; target p99 < 50 ms)")
        if seconds > 0 { try httpLoad(db: db, cities: cities, work: work) }
    }

    func ms(_ times: [Double], _ p: Double) -> String {
        let sorted = times.sorted()
        return Output.number(sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] * 1000)
    }

    /// Runs `brain serve` on the database and `wrk` (Debian package) against it: 64 connections, 2 threads, each
    /// request a random city's profile (the server caches a region's encoded profile after its first request).
    func httpLoad(db: String, cities: [String], work: URL) throws {
        guard let wrk = ["/usr/bin/wrk", "/usr/local/bin/wrk"].first(where: FileManager.default.isExecutableFile) else {
            print("http              skipped: install wrk (apt-get install wrk) for requests/s under 64 connections"); return
        }
        let port = 18_000 + Int(ProcessInfo.processInfo.processIdentifier % 1000)
        let server = Process()
        server.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        server.arguments = ["serve", "--db", db, "--port", "\(port)", "--data", data]
        server.standardOutput = FileHandle.nullDevice
        try server.run()
        defer { server.terminate(); server.waitUntilExit() }
        Thread.sleep(forTimeInterval: 2)
        let script = work.appendingPathComponent("cities.lua")
        try """
        local cities = {\(cities.map { "\"\($0)\"" }.joined(separator: ","))}
        math.randomseed(1)
        request = function() return wrk.format("GET", "/api/regions/" .. cities[math.random(#cities)]) end
        """.write(to: script, atomically: true, encoding: .utf8)
        // A short unmeasured run first, so the measured one sees a warm server (cache filled, pages in memory).
        _ = try Measurement.run(wrk, ["-t2", "-c64", "-d3s", "-s", script.path, "http://127.0.0.1:\(port)"])
        let (_, output) = try Measurement.run(wrk, ["-t2", "-c64", "-d\(seconds)s", "--latency", "-s", script.path, "http://127.0.0.1:\(port)"])
        let lines = output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let pick = { (prefix: String) in lines.first { $0.hasPrefix(prefix) } ?? "\(prefix) –" }
        let rss = (try? String(contentsOfFile: "/proc/\(server.processIdentifier)/status", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("VmHWM") }.map(String.init) ?? "VmHWM –"
        print("http /api/regions/{random city}, 64 connections, \(seconds) s: \(pick("Requests/sec")); latency \(pick("50%")), \(pick("99%")); "
              + "server peak RSS \(rss.replacingOccurrences(of: "VmHWM:", with: "").trimmingCharacters(in: .whitespaces))")
    }
}

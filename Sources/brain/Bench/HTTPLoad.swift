import Foundation

struct HTTPLoadResult {
    var requestsPerSecond: Double
    var p50: String
    var p99: String
    var serverPeakMB: Double
}

/// Runs `brain serve` on a database and `wrk` (Debian package) against it on loopback: 64 connections, 2 threads, a
/// bounded duration, each request a random city's profile (the server caches a region's encoded profile after its
/// first request).
struct HTTPLoad {
    let database: String
    let data: String
    let cities: [String]
    let work: URL
    let seconds: Int

    func run() throws -> HTTPLoadResult? {
        guard let wrk = ["/usr/bin/wrk", "/usr/local/bin/wrk"].first(where: FileManager.default.isExecutableFile) else {
            print("http              skipped: install wrk (apt-get install wrk) for requests/s under 64 connections"); return nil
        }
        let port = 18_000 + Int(ProcessInfo.processInfo.processIdentifier % 1000)
        let server = Process()
        server.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        server.arguments = ["serve", "--database", database, "--port", "\(port)", "--data", data]
        server.standardOutput = FileHandle.nullDevice
        try server.run()
        defer { server.terminate(); server.waitUntilExit() }
        Thread.sleep(forTimeInterval: 3)
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
        let field = { (prefix: String) in lines.first { $0.hasPrefix(prefix) }?.split(separator: " ", omittingEmptySubsequences: true).last.map(String.init) ?? "–" }
        let result = HTTPLoadResult(requestsPerSecond: Double(field("Requests/sec:")) ?? 0, p50: field("50%"), p99: field("99%"),
                                    serverPeakMB: (Measurement.statusKilobytes("VmHWM", pid: "\(server.processIdentifier)") ?? 0) / 1024)
        print("http /api/regions/{random city}, 64 connections, \(seconds) s: \(Int(result.requestsPerSecond)) requests/s; "
              + "latency p50 \(result.p50), p99 \(result.p99); server peak RSS \(Int(result.serverPeakMB)) MB")
        return result
    }
}

import Foundation

/// The first view of each page after `brain serve` starts (issue 14: under a second, caches still warming): for every
/// page a fresh server on the database, ready when `/health` answers 200 (snapshot loaded), then one timed GET — the
/// page as the first visitor gets it, with the start-up warm-up still running beside it. Then, on one more fresh
/// server, the pages one after another, as a visitor clicking through them right after a start gets them.
struct FirstViews {
    let server: String
    let database: String
    let data: String
    /// Ports from here up, one per server started.
    let port: Int

    static let paths = ["/", "/regions/320500", "/regions/320506", "/chain", "/parks", "/policies", "/search?q=" + PagesLoad.encode("药")]

    /// The path as a person reads it, padded to a column.
    static func column(_ path: String) -> String { PagesLoad.shown(path).padding(toLength: 18, withPad: " ", startingAt: 0) }

    func run() async throws {
        print("first view after start (each page on a fresh server, once /health answers 200):")
        var worst = 0.0
        for (offset, path) in Self.paths.enumerated() {
            let (ready, first) = try await withServer(port: port + offset) { base in try await HTTPProbe.get(base + path) }
            worst = max(worst, first.seconds)
            print("  " + Self.column(path) + String(format: " status %d in %5.2f s (server ready %.2f s after start)", first.status, first.seconds, ready))
        }
        print(String(format: "  worst first view %.2f s", worst))
        print("first views one after another on one fresh server:")
        _ = try await withServer(port: port + Self.paths.count) { base in
            for path in Self.paths {
                let first = try await HTTPProbe.get(base + path)
                print("  " + Self.column(path) + String(format: " status %d in %5.2f s", first.status, first.seconds))
            }
        }
    }

    /// Starts `brain serve`, waits until it is ready (at most 180 s), runs `body` against it and stops it; returns the
    /// seconds from launch to ready with what `body` returned.
    func withServer<T>(port: Int, _ body: (String) async throws -> T) async throws -> (Double, T) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: server).standardizedFileURL
        process.arguments = ["serve", "--database", database, "--port", "\(port)", "--data", data]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let launched = DispatchTime.now().uptimeNanoseconds
        try process.run()
        defer { process.terminate(); process.waitUntilExit() }
        let base = "http://127.0.0.1:\(port)"
        let since = { Double(DispatchTime.now().uptimeNanoseconds - launched) / 1e9 }
        var ready = false
        while !ready, since() < 180, process.isRunning {
            ready = (try? await HTTPProbe.get(base + "/health", timeout: 5).status) == 200
            if !ready { try await Task.sleep(for: .milliseconds(20)) }
        }
        guard ready else { throw CommandFailure("brain serve on port \(port) was not ready (/health 200) within 180 s") }
        let readyAfter = since()
        return (readyAfter, try await body(base))
    }
}

import Foundation

/// The first view of each page after `brain serve` starts (issue 14: under a second, caches still warming): for every
/// page a fresh server on the database, ready when `/health` answers 200 (snapshot loaded), then one timed GET — the
/// page as the first visitor gets it, with the start-up warm-up still running beside it. Then, on one more fresh
/// server, the pages one after another, as a visitor clicking through them right after a start gets them. Both on a
/// first start (nothing kept beside the database) and on a restart (the heavy analyses the run before kept on disk).
struct FirstViews {
    let server: String
    let database: String
    let data: String
    /// Ports from here up, one per server started.
    let port: Int

    static let paths = ["/", "/regions/320500", "/regions/320506", "/enterprises/600276.SH", "/chain", "/chain/api", "/parks",
                        "/policies", "/search?q=" + PagesLoad.encode("药"), "/leads", "/inbox"]

    /// Served while warming: when the placeholder's fill had the whole page in.
    static func filled(_ seconds: Double?) -> String { seconds.map { String(format: ", placeholder filled after %5.2f s", $0) } ?? "" }

    /// The path as a person reads it, padded to a column.
    static func column(_ path: String) -> String { PagesLoad.shown(path).padding(toLength: 18, withPad: " ", startingAt: 0) }

    /// Where the servers of the restart run keep their analyses (`brain serve --analytics-cache`): beside the database.
    var keptFolder: URL? { database.contains("://") ? nil : URL(fileURLWithPath: database + ".analytics", isDirectory: true) }
    static let keptFiles = ["product-links", "enterprise-quality", "innovation-index-city-2019-2023",
                            "innovation-index-province-2019-2023", "innovation-index-district-2019-2023"].map { $0 + ".cache" }

    func run() async throws {
        // First start on a database (or after it changed): nothing kept, every analysis computed.
        try await measure("first start, nothing kept", port: port, keep: false)
        guard let keptFolder else { return }
        // A restart: the analyses the previous run kept are loaded instead of computed.
        try? FileManager.default.removeItem(at: keptFolder)
        let keeping = (try? await withServer(port: port + 2 * Self.paths.count + 2, keep: true) { _ in try await waitForKept(in: keptFolder) }.1) ?? false
        guard keeping else {
            print("the server kept no analyses in \(keptFolder.path) within 300 s (a build before issue 14's disk cache?)")
            return
        }
        try await measure("restart, analyses kept in \(keptFolder.lastPathComponent)", port: port + Self.paths.count + 1, keep: true)
    }

    /// Each page's first view on a fresh server, then all of them on one more.
    func measure(_ title: String, port: Int, keep: Bool) async throws {
        print("\(title): first view after start (each page on a fresh server, once /health answers 200):")
        var worst = 0.0
        for (offset, path) in Self.paths.enumerated() {
            let (ready, first) = try await withServer(port: port + offset, keep: keep) { base in try await HTTPProbe.firstView(base + path) }
            worst = max(worst, first.seconds)
            print("  " + Self.column(path) + String(format: " status %d in %5.2f s", first.status, first.seconds) + Self.filled(first.filled)
                  + String(format: " (server ready %.2f s after start)", ready))
        }
        print(String(format: "  worst first view %.2f s", worst))
        print("\(title): first views one after another on one fresh server:")
        _ = try await withServer(port: port + Self.paths.count, keep: keep) { base in
            for path in Self.paths {
                let first = try await HTTPProbe.firstView(base + path)
                print("  " + Self.column(path) + String(format: " status %d in %5.2f s", first.status, first.seconds) + Self.filled(first.filled))
            }
        }
    }

    /// Waits (at most 300 s) until the server has written every kept analysis; whether it did.
    func waitForKept(in folder: URL) async throws -> Bool {
        let started = DispatchTime.now().uptimeNanoseconds
        while Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9 < 300 {
            let present = Set((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            if present.isSuperset(of: Self.keptFiles) { return true }
            try await Task.sleep(for: .milliseconds(200))
        }
        return false
    }

    /// Starts `brain serve`, waits until it is ready (at most 180 s), runs `body` against it and stops it; returns the
    /// seconds from launch to ready with what `body` returned.
    func withServer<T>(port: Int, keep: Bool, _ body: (String) async throws -> T) async throws -> (Double, T) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: server).standardizedFileURL
        process.arguments = ["serve", "--database", database, "--port", "\(port)", "--data", data]
            + (keep ? keptFolder.map { ["--analytics-cache", $0.path] } ?? [] : [])
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

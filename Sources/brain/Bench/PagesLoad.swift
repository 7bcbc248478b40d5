import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import BrainIngest

/// `brain bench pages --load`: a server on a copy of the database under load and through an import, over HTTP —
/// the first view of pages right after start, requests/s and latency of the region page, its JSON and search under
/// `wrk` (64 connections, 2 threads), then the server's memory and the worst /health and region page latency while a
/// SYNTHETIC enterprise file is imported over HTTP and the server rebuilds its analyses.
struct PagesLoad {
    let server: String
    let database: String
    let data: String
    let seconds: Int
    let importRows: Int

    static let cities = ["320500", "440300", "330100", "320100", "420100", "510100", "370200", "310000"]
    static let districts = ["320583", "320506", "440305", "330106", "320585", "420111"]
    static let queries = ["医药", "生物", "恒瑞", "苏州", "细胞治疗", "疫苗", "医疗器械", "药明"]

    func run() async throws {
        guard let wrk = ["/usr/bin/wrk", "/usr/local/bin/wrk"].first(where: FileManager.default.isExecutableFile) else {
            throw CommandFailure("bench pages --load needs wrk: apt-get install -y wrk")
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("brain-pages-load-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        // The import writes into the database: the bench serves a copy, so the one given stays as it was.
        let copy = work.appendingPathComponent("brain.sqlite")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: database), to: copy)
        let port = 20_000 + Int(ProcessInfo.processInfo.processIdentifier % 1000)
        let base = "http://127.0.0.1:\(port)"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: server).standardizedFileURL
        process.arguments = ["serve", "--database", copy.path, "--port", "\(port)", "--data", data]
        let log = work.appendingPathComponent("server.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let logHandle = try FileHandle(forWritingTo: log)
        process.standardOutput = logHandle
        process.standardError = logHandle
        let launched = DispatchTime.now().uptimeNanoseconds
        try process.run()
        defer { process.terminate(); process.waitUntilExit() }
        let pid = "\(process.processIdentifier)"
        let since = { Double(DispatchTime.now().uptimeNanoseconds - launched) / 1e9 }

        var up = false
        while !up, since() < 180 {
            up = (try? await HTTPProbe.get(base + "/health", timeout: 5).status) == 200
            if !up { try await Task.sleep(for: .milliseconds(50)) }
        }
        guard up else { throw CommandFailure("the server did not answer /health within 180 s (log: \(log.path))") }
        print(String(format: "server up (/health answers) %.2f s after start", since()))
        for path in FirstViews.paths {
            let first = try await HTTPProbe.get(base + path)
            print(String(format: "first view %-28@ status %d in %6.2f s (%.2f s after start)", Self.shown(path) as NSString, first.status, first.seconds, since()))
        }
        let regionPages = (Self.cities + Self.districts).map { "/regions/" + $0 }
        let mixes: [(String, [String])] = [
            ("region page /regions/{city|district}", regionPages),
            ("region JSON /api/regions/{city|district}", (Self.cities + Self.districts).map { "/api/regions/" + $0 }),
            ("search /api/search?q=…", Self.queries.map { "/api/search?q=" + Self.encode($0) }),
            ("search page /search?q=…", Self.queries.map { "/search?q=" + Self.encode($0) }),
        ]
        // Every path once (the analyses they need computed), so the measured runs see a warm server.
        for path in mixes.flatMap(\.1) {
            let answer = try await HTTPProbe.get(base + path)
            guard answer.status == 200 else { throw CommandFailure("\(Self.shown(path)) answered \(answer.status)") }
        }
        print("warm after \(String(format: "%.1f", since())) s; wrk -t2 -c64 -d\(seconds)s, each request a random path of the mix:")
        for (name, paths) in mixes {
            let result = try WrkRun(wrk: wrk, base: base, paths: paths, work: work).run(seconds: seconds)
            print("  " + name.padding(toLength: 42, withPad: " ", startingAt: 0)
                  + String(format: "%8.0f requests/s  p50 %9@  p99 %9@", result.requestsPerSecond, result.p50 as NSString, result.p99 as NSString)
                  + (result.errors.isEmpty ? "" : "  (\(result.errors))"))
        }
        try await importUnderWatch(base: base, pid: pid, copy: copy, work: work, log: log)
        process.terminate()
        process.waitUntilExit()
        try await freshServer(on: copy, port: port + 1, paths: mixes.flatMap(\.1))
    }

    /// What a server started afresh on the imported database holds once it has served every page of the mixes: the
    /// baseline the imported server's memory should return to (the data grew by the imported firms).
    func freshServer(on copy: URL, port: Int, paths: [String]) async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: server).standardizedFileURL
        process.arguments = ["serve", "--database", copy.path, "--port", "\(port)", "--data", data]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { process.terminate(); process.waitUntilExit() }
        let base = "http://127.0.0.1:\(port)", pid = "\(process.processIdentifier)"
        var up = false
        for _ in 0..<600 where !up {
            up = (try? await HTTPProbe.get(base + "/health", timeout: 5).status) == 200
            if !up { try await Task.sleep(for: .milliseconds(50)) }
        }
        for path in paths { _ = try await HTTPProbe.get(base + path) }
        let rss = { (Measurement.statusKilobytes("VmRSS", pid: pid) ?? 0) / 1024 }
        var samples: [Double] = []
        for _ in 0..<60 {
            try await Task.sleep(for: .seconds(1))
            samples.append(rss())
            let recent = samples.suffix(5)
            if recent.count == 5, let low = recent.min(), let high = recent.max(), high - low < 0.02 * high { break }
        }
        print(String(format: "a fresh server on the imported database, every page of the mixes served once: RSS %.0f MB", rss()))
    }

    /// RSS before, at its peak during and after (settled) an import of `importRows` SYNTHETIC firms over HTTP, and the
    /// worst latency of /health and of a region page while it runs and the server rebuilds its analyses.
    func importUnderWatch(base: String, pid: String, copy: URL, work: URL, log: URL) async throws {
        let bundle = try BundleLoader(folder: URL(fileURLWithPath: data)).load().bundle
        let file = work.appendingPathComponent("synthetic-\(importRows).csv")
        try BenchImport.writeSyntheticFile(rows: importRows, seed: 7, bundle: bundle, to: file)
        // A credential as an organisation's client sends it (servers that also accept loopback imports ignore it).
        let (status, output) = try Measurement.run(server, ["org", "add", "bench-\(ProcessInfo.processInfo.processIdentifier)",
                                                            "--name", "性能测试", "--database", copy.path, "--json"])
        guard status == 0, let object = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any],
              let token = object["token"] as? String else { throw CommandFailure("brain org add failed: \(output)") }
        let rss: @Sendable () -> Double = { (Measurement.statusKilobytes("VmRSS", pid: pid) ?? 0) / 1024 }
        let before = rss()
        let memory = RSSSampler(read: rss)
        let health = Poller(url: base + "/health"), page = Poller(url: base + "/regions/320500")
        let watchers = [Task { await memory.run() }, Task { await health.run() }, Task { await page.run() }]
        var request = URLRequest(url: URL(string: base + "/api/imports?kind=enterprises&file=synthetic-\(importRows).csv")!)
        request.httpMethod = "POST"
        request.timeoutInterval = 900
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.setValue("text/csv", forHTTPHeaderField: "Content-Type")
        let body = try Data(contentsOf: file)
        let ((reply, response), importSeconds) = try await Measurement.asyncSeconds { try await URLSession.shared.upload(for: request, from: body) }
        let importStatus = (response as? HTTPURLResponse)?.statusCode ?? 0
        let created = ((try? JSONSerialization.jsonObject(with: reply)) as? [String: Any])
            .flatMap { $0["outcome"] as? [String: Any] }.flatMap { $0["created"] as? Int }
        // Settled: the new analyses swapped in (when the server logs it) and RSS moved by less than 2 % over the last
        // 5 s (the server may still rebuild after answering), at most 180 s.
        var samples: [Double] = []
        let settleStart = Date()
        while Date().timeIntervalSince(settleStart) < 180 {
            // A server that logs its analyses ("computed …") also logs the swap; an older one logs neither.
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            let swapped = !text.contains("computed ") || text.contains("swapped in")
            if !swapped && Date().timeIntervalSince(settleStart) < 120 {
                try await Task.sleep(for: .milliseconds(200))
                continue
            }
            try await Task.sleep(for: .seconds(1))
            samples.append(rss())
            let recent = samples.suffix(5)
            if recent.count == 5, let low = recent.min(), let high = recent.max(), high - low < 0.02 * high { break }
        }
        for watcher in watchers { watcher.cancel() }
        let after = rss()
        print(String(format: "import of %d SYNTHETIC firms over HTTP: status %d, %@ created, %.1f s; settled %.0f s after it answered",
                     importRows, importStatus, created.map(String.init) as NSString? ?? "?", importSeconds, Date().timeIntervalSince(settleStart)))
        print(String(format: "server RSS: before %.0f MB, peak %.0f MB during import and rebuild, after (settled) %.0f MB",
                     before, max(memory.peak, after), after))
        print(String(format: "during import and rebuild: /health worst %.2f s (%d requests), /regions/320500 worst %.2f s (%d requests)",
                     health.worst, health.count, page.worst, page.count))
        for (name, poller) in [("/health", health), ("/regions/320500", page)] where !poller.failed.isEmpty {
            print("  \(name) failed \(poller.failed.count) times: " + poller.failed.prefix(3).joined(separator: "; "))
        }
        if importStatus != 200 { print(String(decoding: reply.prefix(400), as: UTF8.self)) }
    }

    static func encode(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text }
    static func shown(_ path: String) -> String { path.removingPercentEncoding ?? path }
}

/// One timed GET.
enum HTTPProbe {
    /// A page's first view as a browser gets it (issue 14): the answer, and when it is the placeholder served while
    /// warming (`data-pending`), the fill `pending.js` asks for; `filled` is the seconds until the whole page is in.
    static func firstView(_ url: String) async throws -> (status: Int, seconds: Double, filled: Double?) {
        guard let address = URL(string: url) else { throw CommandFailure("bad URL \(url)") }
        var request = URLRequest(url: address)
        request.timeoutInterval = 600
        let started = DispatchTime.now().uptimeNanoseconds
        let ((body, response), seconds) = try await Measurement.asyncSeconds { try await URLSession.shared.data(for: request) }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard String(decoding: body, as: UTF8.self).contains("data-pending=") else { return (status, seconds, nil) }
        request.setValue("1", forHTTPHeaderField: "X-Brain-Fill")
        _ = try await URLSession.shared.data(for: request)
        return (status, seconds, Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
    }

    static func get(_ url: String, timeout: Double = 600) async throws -> (status: Int, seconds: Double) {
        guard let address = URL(string: url) else { throw CommandFailure("bad URL \(url)") }
        var request = URLRequest(url: address)
        request.timeoutInterval = timeout
        let ((_, response), seconds) = try await Measurement.asyncSeconds { try await URLSession.shared.data(for: request) }
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, seconds)
    }
}

/// GETs one URL back to back until cancelled, keeping the worst latency.
final class Poller: @unchecked Sendable {
    let url: String
    private let lock = NSLock()
    private var worstSeconds = 0.0, requests = 0, failures: [String] = []

    init(url: String) { self.url = url }

    var worst: Double { lock.withLock { worstSeconds } }
    var count: Int { lock.withLock { requests } }
    /// Requests that got no 200 (status or error), with how long they took.
    var failed: [String] { lock.withLock { failures } }

    func run() async {
        while !Task.isCancelled {
            let start = DispatchTime.now().uptimeNanoseconds
            var outcome = "ok"
            do {
                let status = try await HTTPProbe.get(url).status
                if status != 200 { outcome = "status \(status)" }
            } catch {
                outcome = Task.isCancelled ? "ok" : "\(error)"
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            lock.withLock {
                worstSeconds = max(worstSeconds, seconds)
                requests += 1
                if outcome != "ok" { failures.append(String(format: "%@ after %.1f s", outcome, seconds)) }
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
    }
}

/// The largest of RSS samples taken every 100 ms until cancelled.
final class RSSSampler: @unchecked Sendable {
    let read: @Sendable () -> Double
    private let lock = NSLock()
    private var highest = 0.0

    init(read: @escaping @Sendable () -> Double) { self.read = read }

    var peak: Double { lock.withLock { highest } }

    func run() async {
        while !Task.isCancelled {
            let value = read()
            lock.withLock { highest = max(highest, value) }
            try? await Task.sleep(for: .milliseconds(100))
        }
    }
}

/// `wrk` on a list of paths (each request a random one), a short unmeasured run first.
struct WrkRun {
    let wrk: String
    let base: String
    let paths: [String]
    let work: URL

    struct Result {
        var requestsPerSecond: Double
        var p50: String
        var p99: String
        var errors: String
    }

    func run(seconds: Int) throws -> Result {
        let script = work.appendingPathComponent("paths.lua")
        try """
        local paths = {\(paths.map { "\"\($0)\"" }.joined(separator: ","))}
        math.randomseed(1)
        request = function() return wrk.format("GET", paths[math.random(#paths)]) end
        """.write(to: script, atomically: true, encoding: .utf8)
        _ = try Measurement.run(wrk, ["-t2", "-c64", "-d2s", "-s", script.path, base])
        let (_, output) = try Measurement.run(wrk, ["-t2", "-c64", "-d\(seconds)s", "--timeout", "30s", "--latency", "-s", script.path, base])
        let lines = output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let field = { (prefix: String) in
            lines.first { $0.hasPrefix(prefix) }?.split(separator: " ", omittingEmptySubsequences: true).last.map(String.init) ?? "–"
        }
        let errors = lines.filter { $0.hasPrefix("Non-2xx") || $0.hasPrefix("Socket errors") }.joined(separator: "; ")
        return Result(requestsPerSecond: Double(field("Requests/sec:")) ?? 0, p50: field("50%"), p99: field("99%"), errors: errors)
    }
}

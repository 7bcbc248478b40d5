import ArgumentParser
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `brain bench pages`: server time of every web page and its exports, measured over real HTTP against `brain serve`
/// on the given database — the first request of each page (after the start-up warm-up) and the median and worst of
/// the next ones.
struct BenchPages: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pages",
                                                    abstract: "Time each web page over HTTP (cold, then warm median and max); --load: throughput, first views, memory and stalls through an import.")
    @Option(help: "SQLite database to serve (built with brain build-db).")
    var database = "brain.sqlite"
    @Option(help: "Folder with the bundled data (map geometry, region codes).")
    var data = "data"
    @Option(help: "Warm requests per page.")
    var repeats = 10
    @Option(help: "Seconds to let the server compute its common analyses before measuring.")
    var warmup = 60.0
    @Flag(help: "Instead: first views after start, requests/s and latency under wrk (64 connections) of the region page, its JSON and search, then memory and stalls during an HTTP import.")
    var load = false
    @Flag(help: "Only the first view of each page after start (a fresh server per page, timed once /health answers 200).")
    var firstViews = false
    @Option(help: "With --load: seconds of each wrk run.")
    var seconds = 10
    @Option(help: "With --load: SYNTHETIC enterprise rows to import over HTTP.")
    var importRows = 20_000
    @Option(help: "For --load and the first views: the brain executable to serve with (default: this one), to compare builds on one database.")
    var server: String?

    static let paths = ["/", "/api/map/320000", "/regions/320500", "/regions/320000", "/regions/320583", "/enterprises/600276.SH",
                        "/chain", "/chain/api", "/products?name=%E9%9D%92%E9%9C%89%E7%B4%A0", "/parks", "/parks/suzhou-biobay",
                        "/search?q=%E5%8C%BB%E8%8D%AF", "/api/search?q=%E6%81%92%E7%91%9E", "/import", "/match", "/api/demands",
                        "/regions/320500/export.xlsx", "/regions/320500/report.pdf"]

    func run() async throws {
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
        if load {
            return try await PagesLoad(server: server ?? me, database: database, data: data, seconds: seconds, importRows: importRows).run()
        }
        let port = 19_000 + Int(ProcessInfo.processInfo.processIdentifier % 1000)
        try await FirstViews(server: server ?? me, database: database, data: data, port: port + 1).run()
        if firstViews { return }
        let server = Process()
        server.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        server.arguments = ["serve", "--database", database, "--port", "\(port)", "--data", data]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { server.terminate(); server.waitUntilExit() }
        let base = "http://127.0.0.1:\(port)"
        var healthy = false
        for _ in 0..<100 where !healthy {
            healthy = (try? await Self.get(base + "/health").status) == 200
            if !healthy { try await Task.sleep(for: .milliseconds(200)) }
        }
        guard healthy else { throw CommandFailure("brain serve did not start on port \(port)") }
        print("warming up for \(Int(warmup)) s (the server computes the common analyses at start)…")
        try await Task.sleep(for: .seconds(warmup))
        print("page".padding(toLength: 44, withPad: " ", startingAt: 0) + "  status     bytes    first   median      max")
        for path in Self.paths {
            let first = try await Self.get(base + path)
            var times: [Double] = []
            for _ in 0..<(path.hasSuffix(".pdf") ? 1 : repeats) { times.append(try await Self.get(base + path).seconds) }
            times.sort()
            let shown = (path.removingPercentEncoding ?? path).padding(toLength: 44, withPad: " ", startingAt: 0)
            print(shown + String(format: "  %6d %9d %6.0f ms %5.1f ms %5.1f ms", first.status, first.bytes, first.seconds * 1000,
                                 times[times.count / 2] * 1000, (times.last ?? 0) * 1000))
        }
        print("server peak RSS \(Int((Measurement.statusKilobytes("VmHWM", pid: "\(server.processIdentifier)") ?? 0) / 1024)) MB")
    }

    static func get(_ url: String) async throws -> (status: Int, bytes: Int, seconds: Double) {
        guard let address = URL(string: url) else { throw CommandFailure("bad URL \(url)") }
        var request = URLRequest(url: address)
        request.timeoutInterval = 600
        let ((data, response), seconds) = try await Measurement.asyncSeconds { try await URLSession.shared.data(for: request) }
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data.count, seconds)
    }
}

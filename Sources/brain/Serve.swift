import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Hummingbird
import BrainServer
import BrainStore

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the web application and JSON API; builds the database from data/ first if it is absent.")

    @OptionGroup var store: StoreOptions
    @Option(help: "Port to listen on.")
    var port: Int = 8080
    @Option(help: "Address to bind.")
    var host: String = "127.0.0.1"
    @Flag(help: ArgumentHelp("Deprecated, has no effect: imports over HTTP need an organisation's sign-in or an admin token.", visibility: .hidden))
    var allowImports = false
    @Flag(help: "Serve the database read-only (also chosen when the file or its folder cannot be written): writes answer 503.")
    var readOnly = false
    @Option(help: "Another host name the server answers to (repeatable): NAME on any port, or NAME:PORT. The bind host, localhost, 127.0.0.1 and [::1] with --port are always allowed.")
    var allowedHost: [String] = []
    @Option(help: "A host organisations' alert webhooks may use over plain http and on loopback or private addresses (repeatable; e.g. 127.0.0.1 for a receiver on this machine). Other webhooks must be https to public addresses.")
    var webhookAllowHost: [String] = []
    @Option(help: "Seconds between looks at the webhook outbox for alerts raised outside this server (brain import, brain review); the server's own imports are posted at once.")
    var webhookInterval: Int = 20
    @Flag(help: "Mark session cookies Secure (the server is reached over HTTPS).")
    var secureCookies = false
    @Flag(help: "Believe X-Forwarded-Proto from the reverse proxy in front (Secure cookies for https).")
    var trustProxy = false
    @Option(help: "Seconds a connection may send nothing (or only part of a request) before it is closed.")
    var idleTimeout: Int = 30
    @Option(help: "Seconds a request head may take in all, however steadily it trickles in (slowloris); also the longest a kept-alive connection waits for its next request.")
    var headerTimeout: Int = 20
    @Option(help: "Seconds a request body may take, plus one for every 500 bytes received (at most 600 s in all).")
    var bodyTimeout: Int = 20
    @Option(help: "Connections open at once; more wait until one closes.")
    var maxConnections: Int = 2_048
    @Option(help: "Folder holding the bundled open data (used to build a missing database, and for map geometry).")
    var data: String = "data"
    @Option(help: "ECharts file fetched by scripts/fetch-web-assets.")
    var echarts: String = "web/vendor/echarts.min.js"
    @Option(help: "Folder where the heaviest analyses are kept between starts and loaded instead of computed when the database has not changed (issue 14; off by default: on a loaded machine, checking and decoding them took longer than computing them — docs/web.md).")
    var analyticsCache: String?
    @Option(help: "Milliseconds a page waits for its analyses while the start-up warm-up runs before it is answered with a placeholder its script fills (issue 14; default 400); 0: the placeholder at once, -1: pages always wait.")
    var firstViewBudget: Int?

    func run() async throws {
        let location = try StoreLocation(store.db)
        let opened: any ImportingStore
        if let built = try await location.openIfBuilt(readOnly: readOnly) {
            opened = built
            if built.isReadOnly { print("\(location) is open read-only: pages are served, imports and other writes are refused") }
        } else {
            if readOnly { throw CommandFailure("no database at \(location) to serve read-only") }
            print("no database at \(location): building it from \(data)/")
            try await BuildDB.build(data: data, out: store.db)
            opened = try await location.open()
        }
        var configuration = ServerConfiguration(host: host, port: port, echartsFile: URL(fileURLWithPath: echarts),
                                                geoFolder: URL(fileURLWithPath: data).appendingPathComponent("geo"),
                                                dataFolder: URL(fileURLWithPath: data))
        configuration.warmCaches = true
        if let firstViewBudget { configuration.firstViewBudget = firstViewBudget < 0 ? nil : .milliseconds(firstViewBudget) }
        configuration.analyticsCacheFolder = analyticsCacheFolder(location)
        if allowImports {
            print("--allow-imports is deprecated and has no effect: sign in on /import with an organisation's token, or send an admin token (brain admin token)")
        }
        guard idleTimeout > 0, headerTimeout > 0, bodyTimeout > 0, maxConnections > 0, webhookInterval > 0 else {
            throw ValidationError("--idle-timeout, --header-timeout, --body-timeout, --max-connections and --webhook-interval must be positive")
        }
        configuration.security.allowedHosts = allowedHost
        configuration.webhooks.allowedHosts = webhookAllowHost
        configuration.webhooks.interval = .seconds(webhookInterval)
        configuration.security.secureCookies = secureCookies
        configuration.security.trustForwardedProto = trustProxy
        configuration.security.idleTimeout = .seconds(idleTimeout)
        configuration.security.headTimeout = .seconds(headerTimeout)
        configuration.security.bodyTimeout = .seconds(bodyTimeout)
        configuration.security.maxConnections = maxConnections
        FileDescriptorLimit.raise()
        let app = try await buildApplication(store: opened, configuration: configuration)
        print("IndustryBrain serving \(location) on http://\(host):\(port)")
        try await app.runService()
    }
}

extension Serve {
    /// `--analytics-cache`; nil (memory only) without it.
    func analyticsCacheFolder(_ location: StoreLocation) -> URL? {
        analyticsCache.map { URL(fileURLWithPath: $0, isDirectory: true) }
    }
}

/// Raises the open-file soft limit to the hard limit, so the connection cap rather than the descriptor limit bounds
/// how many clients are served (the soft limit is often 1,024).
enum FileDescriptorLimit {
    static func raise() {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
        limit.rlim_cur = limit.rlim_max
        _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }
}

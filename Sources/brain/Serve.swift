import ArgumentParser
import Foundation
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
    @Flag(help: "Accept imports from the web page and POST /api/imports on a non-loopback address (there is no login yet).")
    var allowImports = false
    @Flag(help: "Serve the database read-only (also chosen when the file or its folder cannot be written): writes answer 503.")
    var readOnly = false
    @Option(help: "Folder holding the bundled open data (used to build a missing database, and for map geometry).")
    var data: String = "data"
    @Option(help: "ECharts file fetched by scripts/fetch-web-assets.")
    var echarts: String = "web/vendor/echarts.min.js"

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
        // On a loopback address only the machine's own users reach the server; elsewhere imports must be asked for.
        configuration.allowImports = allowImports || ["127.0.0.1", "localhost", "::1"].contains(host)
        let app = try await buildApplication(store: opened, configuration: configuration)
        print("IndustryBrain serving \(location) on http://\(host):\(port)")
        try await app.runService()
    }
}

import Foundation
import Hummingbird
import Logging
import Mustache
import BrainStore
import BrainIngest

/// Where the server listens and finds its files.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// `web/vendor/echarts.min.js`, fetched by scripts/fetch-web-assets.
    public var echartsFile: URL
    /// `data/geo`, the simplified boundaries.
    public var geoFolder: URL
    /// `data`, for the region codes uploaded files are located with.
    public var dataFolder: URL

    public init(host: String = "127.0.0.1", port: Int = 8080,
                echartsFile: URL = URL(fileURLWithPath: "web/vendor/echarts.min.js"),
                geoFolder: URL = URL(fileURLWithPath: "data/geo"), dataFolder: URL = URL(fileURLWithPath: "data")) {
        self.host = host
        self.port = port
        self.echartsFile = echartsFile
        self.geoFolder = geoFolder
        self.dataFolder = dataFolder
    }
}

/// Builds the whole application, so that tests run the same app in-process that `brain serve` runs.
public func buildApplication(store: any ImportingStore, configuration: ServerConfiguration,
                             logger: Logger = Logger(label: "IndustryBrain")) async throws -> some ApplicationProtocol {
    guard let templates = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
        throw ServerSetupError.templatesMissing
    }
    let library = try await MustacheLibrary(directory: templates.path)
    let router = Router()
    router.add(middleware: JSONErrorMiddleware())
    APIController(store: store).register(on: router)
    AnalyticsController(cache: AnalyticsCache(store: store)).register(on: router)
    ImportController(store: store, resolver: try AddressResolver.load(dataFolder: configuration.dataFolder)).register(on: router)
    let home = HomePage(store: store, library: library)
    router.get("/") { _, _ in try await home.render() }
    guard let importPage = library.render((), withTemplate: "import") else { throw ServerSetupError.templatesMissing }
    router.get("/import") { _, _ in
        Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: importPage)))
    }
    StaticAssets(echarts: configuration.echartsFile, geoFolder: configuration.geoFolder) { logger.warning("\($0)") }
        .register(on: router)
    return Application(router: router,
                       configuration: .init(address: .hostname(configuration.host, port: configuration.port),
                                            serverName: "IndustryBrain"),
                       logger: logger)
}

public enum ServerSetupError: Error, CustomStringConvertible {
    case templatesMissing
    public var description: String { "the HTML templates are missing from the BrainServer bundle" }
}

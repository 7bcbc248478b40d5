import Foundation
import BrainModel
import Hummingbird
import HummingbirdCore
import NIOCore
import Logging
import Mustache
import BrainStore
import BrainIngest
import BrainUseCases

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
    /// The region the navigation's "Region" link opens (苏州市 by default: the plan the data's policies come from).
    public var defaultRegion: String = "320500"
    /// Compute the common analyses in the background at start (`brain serve` does; tests need not).
    public var warmCaches = false
    /// Folder where the heaviest analyses are kept between starts (issue 14; nil: memory only).
    public var analyticsCacheFolder: URL?
    /// Serve while warming (issue 14): while the warm-up runs, a page not built within this long is answered with
    /// its layout and a placeholder its script fills (`FirstView`); nil, every page waits for its analyses. Zero
    /// answers the placeholder at once (the tests' way to see it every time).
    public var firstViewBudget: Duration? = FirstView.defaultBudget
    /// How long the placeholder's fill waits for its page before a 503 page says it is still being computed.
    public var firstViewFillWait: Duration = FirstView.defaultFillWait
    /// Host names, cookies, time-outs and connection limits (issue 14). Writes over HTTP always need a credential.
    public var security = SecurityConfiguration()
    /// Organisations' alert webhooks: hosts allowed over http or on private addresses, time-out, tries (issue 19).
    public var webhooks = WebhookConfiguration()

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
    let router = try await buildRouter(store: store, configuration: configuration, logger: logger)
    // A connection idle past the time-out is closed; a request head or body trickled in a byte at a time is cut at its
    // total deadline (slowloris, `RequestDeadlines`); heads are bounded; past the connection cap new connections wait
    // in the backlog instead of exhausting descriptors.
    let security = configuration.security
    let deadlines = RequestDeadlines.Limits(head: timeAmount(security.headTimeout), bodyInitial: timeAmount(security.bodyTimeout),
                                            bodyBytesPerSecond: security.bodyMinimumRate, bodyMaximum: timeAmount(security.bodyMaximum))
    let http1 = HTTP1Channel.Configuration(
        additionalChannelHandlers: [RequestDeadlines(deadlines, logger: logger), PeerAddress()],
        idleTimeout: timeAmount(security.idleTimeout),
        httpDecoderConfiguration: .init(maxHeaderFieldSize: 16 << 10, maxHeaderListSize: 64 << 10, maxHeaderFieldCount: 200))
    return Application(router: router, server: .http1(configuration: http1),
                       configuration: .init(address: .hostname(configuration.host, port: configuration.port),
                                            serverName: "IndustryBrain",
                                            availableConnectionsDelegate: MaximumAvailableConnections(security.maxConnections, logger: logger)),
                       logger: logger)
}

/// Every route and middleware of the application (the OpenAPI test reads its route list).
func buildRouter(store: any ImportingStore, configuration: ServerConfiguration, logger: Logger) async throws -> Router<BasicRequestContext> {
    let router = Router()
    let cache = AnalyticsCache(store: store, dataFolder: configuration.dataFolder, disk: configuration.analyticsCacheFolder.map(AnalyticsDiskCache.init),
                               warms: configuration.warmCaches, logger: logger)
    let renderer = try await PageRenderer.load(defaultRegion: configuration.defaultRegion,
                                               firstView: FirstView(budget: configuration.firstViewBudget, fillWait: configuration.firstViewFillWait) { cache.isWarming })
    let errorPage: @Sendable (HTTPResponse.Status, Reason) -> Response = { renderer.errorPage($0, $1) }
    // Outermost first: every answer, refusals included, is counted and gets the security headers.
    ServerMetrics.start()
    router.add(middleware: MetricsMiddleware())
    // The caller's language for every answer below, refusals and errors included.
    router.add(middleware: RequestLanguageMiddleware())
    router.add(middleware: SecurityHeaders())
    router.add(middleware: RequestGuard(hosts: AllowedHosts(bindHost: configuration.host, port: configuration.port,
                                                            extra: configuration.security.allowedHosts), errorPage: errorPage))
    router.add(middleware: JSONErrorMiddleware(errorPage: errorPage))
    Upload.sweep()
    cache.start()
    // Page routes first: Hummingbird matches a literal segment ("report") before a parameter (":method").
    let resolver = try AddressResolver.load(dataFolder: configuration.dataFolder)
    let access = MarketAccess(store: store, resolver: resolver, security: configuration.security), marketAPI = MarketAPI(access: access, cache: cache)
    OverviewPage(store: store, cache: cache, renderer: renderer, access: access).register(on: router)
    let printHost = ["0.0.0.0", "::", ""].contains(configuration.host) ? "127.0.0.1" : configuration.host
    let apiResponses = ResponseCache()
    let regionPage = RegionPage(store: store, cache: cache, renderer: renderer,
                                pdf: PDFPrinter(browser: PDFPrinter.findBrowser(), baseURL: "http://\(printHost):\(configuration.port)"),
                                access: access)
    let api = APIController(store: store, cache: apiResponses, access: access), analytics = AnalyticsController(cache: cache)
    let networkPage = NetworkPage(cache: cache, renderer: renderer)
    router.addRoutes(RegionRoutes.collection(api: api, page: regionPage, network: networkPage, analytics: analytics), atPath: "/api/regions")
    regionPage.register(on: router)
    cache.beforeSwap { new, old in await regionPage.prebuild(new, from: old) }
    EnterprisePage(store: store, cache: cache, renderer: renderer, access: access).register(on: router)
    ChainPage(store: store, cache: cache, renderer: renderer).register(on: router)
    ParksPage(cache: cache, renderer: renderer).register(on: router)
    SearchPage(store: store, cache: cache, renderer: renderer, access: access).register(on: router)
    PolicyRoutes(cache: cache, renderer: renderer, access: access).register(on: router)
    ParkLandingPage(cache: cache, renderer: renderer).register(on: router)
    networkPage.register(on: router)
    api.register(on: router)
    HealthRoutes(monitor: HealthMonitor(store: store) { _ = try await cache.index() }, warming: { cache.isWarming }).register(on: router)
    analytics.register(on: router)
    marketAPI.register(on: router)
    MarketPage(access: access, api: marketAPI, cache: cache, renderer: renderer).register(on: router)
    SignInPage(access: access, renderer: renderer).register(on: router)
    AdminPage(access: access, renderer: renderer).register(on: router)
    AccountPage(access: access, renderer: renderer).register(on: router)
    let webhooks = WebhookDispatcher(store: store, configuration: configuration.webhooks, logger: logger)
    // Alerts raised outside this server (brain import, brain review, another server) are posted on the timer.
    if !store.isReadOnly { webhooks.startTimer() }
    WebhookPage(access: access, renderer: renderer, dispatcher: webhooks).register(on: router)
    LeadRoutes(leads: LeadAccess(access: access)).register(on: router)
    LeadsPage(leads: LeadAccess(access: access), renderer: renderer).register(on: router)
    MetricsRoute(access: access).register(on: router)
    AuditPage(store: store, access: access, renderer: renderer).register(on: router)
    OpenAPIRoutes(renderer: renderer).register(on: router)
    let classifier = try ImportClassifier.load(dataFolder: configuration.dataFolder)
    let imports = ImportService(sources: .init(store: { store }, resolver: { resolver }, classifier: { classifier }))
    ImportController(store: store, imports: imports, access: access).register(on: router)
    ImportWriter(store: store, imports: imports, access: access, webhooks: webhooks) {
        apiResponses.clear()
        await cache.refresh()
    }.register(on: router)
    WatchController(store: store, access: access).register(on: router)
    InboxPage(store: store, access: access, renderer: renderer).register(on: router)
    CurationController(store: store, access: access) {
        apiResponses.clear()
        await cache.refresh()
    }.register(on: router)
    // Publishing changes what everyone sees as an import does: the same rebuild and swap of the analytics.
    let publisher = Publisher(store: store) {
        apiResponses.clear()
        await cache.refresh()
    }
    PublishRoutes(publisher: publisher, access: access).register(on: router)
    PublishPage(publisher: publisher, access: access, renderer: renderer).register(on: router)
    // Signed out, the page says so and offers the sign-in form (back here after); signed in, its script posts with
    // the session's CSRF token.
    router.get("/import") { request, _ in
        let caller = try await access.caller(request)
        var view = ImportView(organisation: caller.organisation.map { .init(id: $0.id.nonEmpty, name: $0.name.nonEmpty) },
                              csrfToken: caller.csrfToken.nonEmpty)
        if let own = caller.organisation?.id {
            let rows = try await store.imports().filter { $0.organisationId == own }.reversed()
                .map { ImportView.Batch(id: $0.id, file: $0.file, kind: $0.kind, asOf: $0.asOf, published: $0.publishedAt != nil) }
            view.imports = rows.isEmpty ? nil : .init(rows: rows)
        }
        return try renderer.render("import", nav: "import", view: view, data: [String: String]())
    }
    StaticAssets(echarts: configuration.echartsFile, geoFolder: configuration.geoFolder) { logger.warning("\($0)") }
        .register(on: router)
    return router
}

/// NIO's time amount for a Swift duration (whole nanoseconds).
func timeAmount(_ duration: Duration) -> TimeAmount {
    .nanoseconds(duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
}

public enum ServerSetupError: Error, CustomStringConvertible {
    case templatesMissing
    public var description: String { "the HTML templates are missing from the BrainServer bundle" }
}

import Foundation
import Hummingbird
import HummingbirdCore
import HTTPTypes
import BrainModel

/// Serve while warming (issue 14): the first view of a heavy page after `brain serve` starts must not wait for the
/// warm-up. While it runs, a page that is not built within `budget` is answered at once with its layout and one
/// pending section ("正在计算…", `data-pending` holding the page's own address); `pending.js` asks for the page again
/// with `X-Brain-Fill` — the same route, so the same access rules, layers and language — which waits for the
/// analyses (at most `fillWait`, 60 s by default) and puts what it answers in place of the placeholder. The build
/// started for the first request goes on meanwhile, so the fill finds its analyses computed or nearly so. After the
/// warm-up, and for every server that does not warm (the tests'), pages are built and answered exactly as before;
/// exports (`?print=1` for the PDF, XLSX, CSV) and the JSON routes never take this path.
struct FirstView: Sendable {
    /// How long a first view waits for its page before answering with the placeholder: under the 1 s goal with room
    /// for the request's own work and the network, long enough that a page whose analyses are ready is answered whole.
    static let defaultBudget: Duration = .milliseconds(400)
    /// How long the fill waits for the page before answering a clear 503 error page instead.
    static let defaultFillWait: Duration = .seconds(60)
    /// Sent by `pending.js`: wait for the whole page, never answer the placeholder.
    static let fillHeader = HTTPField.Name("X-Brain-Fill")!
    /// Pages always wait for their analyses.
    static let off = FirstView(budget: nil) { false }

    /// nil: never serve the placeholder.
    let budget: Duration?
    /// How long a fill waits for its page (`defaultFillWait` unless configured).
    let fillWait: Duration
    /// Whether the server's warm-up still runs (`AnalyticsCache.isWarming`).
    let warming: @Sendable () -> Bool

    init(budget: Duration?, fillWait: Duration = Self.defaultFillWait, warming: @escaping @Sendable () -> Bool) {
        self.budget = budget
        self.fillWait = fillWait
        self.warming = warming
    }

    /// The page's own address (path and query as asked), kept on this server: a path written `//host/…` would be
    /// another site's to `fetch` and to the reload link.
    static func address(_ uri: URI) -> String {
        var path = uri.path
        while path.hasPrefix("//") { path.removeFirst() }
        if !path.hasPrefix("/") { path = "/" + path }
        guard let query = uri.query, !query.isEmpty else { return path }
        return path + "?" + query
    }
}

/// The placeholder page's one value besides the layout's.
struct PendingView: PageView {
    /// The page's address: fetched by `pending.js`, the reload link without JavaScript.
    let fillAddress: String
}

extension PageRenderer {
    /// A heavy page (`build`) answered whole, or while the server warms up and it is not ready within the budget, as
    /// the placeholder page that fills itself (`FirstView`). `nav` marks the navigation's current section.
    func firstView(_ request: Request, nav: String, _ build: @escaping @Sendable () async throws -> Response) async throws -> Response {
        if request.headers[FirstView.fillHeader] != nil {
            let task = Task { try await build() }
            guard let result = await HealthMonitor.within(firstView.fillWait.inSeconds, task) else {
                return errorPage(.serviceUnavailable, Reason("page.still-computing"))
            }
            return try result.get()
        }
        guard let budget = firstView.budget, firstView.warming(), request.uri.queryParameters.get("print") == nil else {
            return try await build()
        }
        // Started here and left running if the placeholder is answered: the fill then finds the work done.
        let task = Task { try await build() }
        if budget > .zero, let result = await HealthMonitor.within(budget.inSeconds, task) { return try result.get() }
        guard let html = try html("pending", nav: nav, view: PendingView(fillAddress: FirstView.address(request.uri)), data: String?.none) else {
            return JSONResponse.error(.internalServerError, Reason("api.template-missing", ["name": "pending"]))
        }
        var response = Self.htmlResponse(html)
        // Never kept by the browser: going back to the page asks for it again rather than showing the placeholder.
        response.headers[.cacheControl] = "no-store"
        return response
    }
}

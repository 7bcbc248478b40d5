import Foundation
import BrainModel
import Hummingbird
import HTTPTypes

/// Refuses, before any route runs, a request for another Host (421: DNS rebinding) and an unsafe method whose
/// Origin, or Referer when there is no Origin, is another site (403: cross-site request forgery). Requests without
/// either header (API clients, curl) pass: they carry no browser's ambient cookie to abuse, and writes need a
/// credential anyway.
struct RequestGuard<Context: RequestContext>: RouterMiddleware {
    let hosts: AllowedHosts
    let errorPage: @Sendable (HTTPResponse.Status, Reason) -> Response

    static var hostField: HTTPField.Name { HTTPField.Name("Host")! }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // Health probes come from load balancers and orchestrators by IP address; they read no private data.
        if request.method == .get, request.uri.path == "/health" || request.uri.path.hasPrefix("/health/") {
            return try await next(request, context)
        }
        // HTTP/1's Host becomes the authority; a literal Host field as well is checked too.
        for authority in [request.head.authority, request.headers[Self.hostField]].compactMap({ $0 }) where !hosts.allows(authority: authority) {
            return refuse(request, .misdirectedRequest, Reason("api.wrong-host", ["host": String(authority.prefix(100))]))
        }
        if ![.get, .head, .options].contains(request.method) {
            if let origin = request.headers[.origin] {
                guard hosts.allows(origin: origin) else { return refuse(request, .forbidden, Reason("api.cross-site-origin", ["origin": String(origin.prefix(100))])) }
            } else if let referer = request.headers[.referer], !hosts.allows(origin: referer) {
                return refuse(request, .forbidden, Reason("api.cross-site-referer"))
            }
        }
        return try await next(request, context)
    }

    private func refuse(_ request: Request, _ status: HTTPResponse.Status, _ message: Reason) -> Response {
        request.uri.path.hasPrefix("/api/") ? JSONResponse.error(status, message) : errorPage(status, message)
    }
}

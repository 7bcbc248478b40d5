import Foundation
import Hummingbird
import HTTPTypes

/// Headers every response carries: a Content-Security-Policy (pages' own inline scripts run by a per-response nonce
/// that `PageRenderer` sets; everything else gets the policy without one), no MIME sniffing, no framing, no
/// cross-site Referer, and `Cache-Control: no-store` on anything that may hold private data.
struct SecurityHeaders<Context: RequestContext>: RouterMiddleware {
    /// Paths whose answers depend on who asks (or are private outright) even without a credential.
    static var privatePrefixes: [String] { ["/match", "/import", "/api/imports", "/api/review", "/api/demands", "/api/offers",
                                            "/api/talents", "/api/market", "/api/enterprises/", "/leads", "/api/leads", "/inbox", "/api/alerts",
                                            "/api/watchlist", "/api/watch", "/api/changes", "/admin", "/api/audit", "/signin", "/account"] }

    /// ECharts sets inline styles (tooltips), hence 'unsafe-inline' for styles only; scripts are the site's own files
    /// and the page's nonce-marked inline scripts.
    static func contentSecurityPolicy(nonce: String?) -> String {
        let scripts = nonce.map { "'self' 'nonce-\($0)'" } ?? "'self'"
        return "default-src 'self'; script-src \(scripts); style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
            + "connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        if response.headers[.contentSecurityPolicy] == nil {
            response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy(nonce: nil)
        }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        let path = request.uri.path
        let carriesCredential = request.headers[.authorization] != nil || request.headers[.cookie] != nil || response.headers[.setCookie] != nil
        let isStatic = path.hasPrefix("/assets/") || path.hasPrefix("/geo/")
        if !isStatic && (carriesCredential || Self.privatePrefixes.contains(where: { path.hasPrefix($0) })) {
            response.headers[.cacheControl] = "no-store"
        }
        return response
    }
}

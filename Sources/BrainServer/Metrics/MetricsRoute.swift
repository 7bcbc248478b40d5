import Foundation
import BrainModel
import Hummingbird
import NIOCore

/// `GET /metrics` for a Prometheus scraper. Route names, latencies and import volumes describe how the service is
/// used, so the scrape needs the operator's admin token (`Authorization: Bearer …`, as Prometheus' `authorization`
/// setting sends it), never the caller's address.
struct MetricsRoute: Sendable {
    let access: MarketAccess

    func register(on router: Router<BasicRequestContext>) {
        router.get("/metrics") { request, _ -> Response in
            guard try await access.caller(request).isAdmin else {
                return JSONResponse.error(.unauthorized, Reason("api.metrics-token"))
            }
            var response = Response(status: .ok, body: .init(byteBuffer: ByteBuffer(bytes: ServerMetrics.exposition())))
            response.headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            response.headers[.cacheControl] = "no-store"
            return response
        }
    }
}

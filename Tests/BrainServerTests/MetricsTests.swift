import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import BrainServer
import BrainStore

/// `/metrics` speaks Prometheus' text format to the operator only: requests by route pattern (not by raw path, so a
/// scanner cannot grow it), cache lookups and the analytics rebuild time.
@Suite struct MetricsTests {
    @Test func theOperatorScrapesRequestsByRouteAndCacheLookups() async throws {
        let admin = try await ServerFixture.store().createAdminToken()
        try await ServerFixture.withApp { client in
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(String(buffer: response.body).contains("管理员令牌"))
            }
            for _ in 0..<2 { try await client.execute(uri: "/api/chain", method: .get) { #expect($0.status == .ok) } }
            for code in ["999991", "999992", "999993"] { try await client.execute(uri: "/api/regions/\(code)", method: .get) { _ in } }
            _ = try await HealthTests.settledHealth(client)
            let text = try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: "Bearer \(admin)"]) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
                return String(buffer: response.body)
            }
            let lines = text.split(separator: "\n").map(String.init)
            func value(_ prefix: String, _ labels: [String]) -> Double? {
                lines.first { $0.hasPrefix(prefix) && labels.allSatisfy($0.contains) }
                    .flatMap { $0.split(separator: " ").last }.flatMap { Double($0) }
            }
            let chain = value("hb_requests", [#"http_route="/api/chain""#, #"http_response_status_code="200""#])
            #expect((chain ?? 0) >= 2, "\(lines.filter { $0.contains("hb_requests") })")
            // Three unknown codes are one route pattern, not three series.
            #expect(!text.contains("999991") && text.contains(#"http_route="/api/regions/{code}""#))
            #expect((value("brain_cache_lookups_total", [#"cache="response""#, #"result="hit""#]) ?? 0) >= 1)
            #expect(text.contains("http_server_request_duration_bucket"))
            #expect(value("brain_analytics_rebuild_seconds_count", [#"result="ok""#]).map { $0 >= 1 } == true, "\(text.prefix(2000))")
        }
    }
}

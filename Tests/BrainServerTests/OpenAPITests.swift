import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
@testable import BrainServer

/// The OpenAPI document is kept true by the router: every JSON and operational route is documented and every
/// documented operation is a route.
@Suite struct OpenAPITests {
    /// Hummingbird's `{name}` templates; pages (HTML, XLSX, PDF, forms) are not part of the API contract.
    static func isContractRoute(_ path: String) -> Bool {
        path.hasPrefix("/api/") || path.hasPrefix("/health") || path == "/metrics"
    }

    @Test func everyRouteIsDocumentedAndEveryEntryIsARoute() async throws {
        let router = try await buildRouter(store: try ServerFixture.store(), configuration: ServerFixture.configuration,
                                           logger: Logger(label: "test"))
        let registered = Set(router.routes.map { "\($0.method.rawValue.lowercased()) \($0.path.description)" }
            .filter { Self.isContractRoute(String($0.split(separator: " ")[1])) })
        let documented = Set(APIRoutes.all.map { "\($0.method.rawValue) \($0.path)" })
        #expect(registered.subtracting(documented).sorted() == [], "routes without an OpenAPI entry")
        #expect(documented.subtracting(registered).sorted() == [], "OpenAPI entries without a route")
        #expect(documented.count == APIRoutes.all.count, "an operation is documented twice")
    }

    @Test func theDocumentIsServedAsOpenAPI31WithChineseSummaries() async throws {
        try await ServerFixture.withApp { client in
            let document = try await client.execute(uri: "/api/openapi.json", method: .get) { response in
                #expect(response.status == .ok)
                return try ServerFixture.jsonObject(response.body)
            }
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = document["paths"] as? [String: Any] ?? [:]
            let region = (paths["/api/regions/{code}"] as? [String: Any])?["get"] as? [String: Any]
            #expect((region?["summary"] as? String)?.hasPrefix("区域概况") == true)
            try await client.execute(uri: "/api/docs", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("接口说明") && html.contains("/api/regions/{code}/targets"))
            }
        }
    }
}

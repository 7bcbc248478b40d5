import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import BrainServer

/// Route queries decoded as `RouteQuery` structs: each refused value is a 400 in the one error shape naming the
/// parameter's own reason, and values the route accepts still answer 200.
@Suite struct QueryDecodingTests {
    func answer(_ client: any TestClientProtocol, _ uri: String) async throws -> (HTTPResponse.Status, String?) {
        try await client.execute(uri: uri, method: .get) { response in
            let body = try? ServerFixture.jsonObject(response.body)
            let error = body?["error"] as? [String: Any]
            if error != nil { #expect(body?["status"] as? Int == Int(response.status.code), "\(uri)") }
            return (response.status, error?["code"] as? String)
        }
    }

    @Test func badValuesNameTheirParameter() async throws {
        try await ServerFixture.withApp { client in
            let refused: [(String, String)] = [
                ("/api/regions/320500/profile?level=country", "api.level"), ("/api/regions/320500/profile?level=town", "api.level"),
                ("/api/regions/320500/profile?measure=sales", "api.measure"), ("/api/regions/320500/profile?threshold=abc", "api.threshold"),
                ("/api/regions/320500/profile?threshold=0", "api.threshold"), ("/api/regions/320500/profile?threshold=inf", "api.threshold"),
                ("/api/regions/320500/gaps?strongLq=-1", "api.strong-lq"), ("/api/regions/320500/peers?count=2.5", "api.count"),
                ("/api/regions/320500/peers?count=51", "api.count"), ("/api/regions/320500/index?from=2024&to=2020", "api.years"),
                ("/api/regions/320500/index?to=x", "api.years"), ("/api/chokepoints?measure=lq", "api.measure"),
                ("/api/products/graph?product=x&fanout=0", "api.fanout"), ("/api/products/graph?fanout=many", "api.fanout"),
            ]
            for (uri, code) in refused {
                let (status, answer) = try await answer(client, uri)
                #expect(status == .badRequest && answer == code, "\(uri): \(status) \(answer ?? "-")")
            }
            for uri in ["/api/regions/320500/peers?count=3&measure=employees", "/api/regions/320500/profile?level=city&threshold=1.5",
                        "/api/chokepoints?measure=firms"] {
                #expect(try await answer(client, uri).0 == .ok, "\(uri)")
            }
        }
    }

    /// A value that is not one of its enumeration's names is told by the decoder's own coding path.
    @Test func decodingErrorsNameTheParameter() throws {
        do {
            _ = try URLEncodedFormDecoder().decode(AnalysisQuery.self, from: "count=3&measure=sales")
            Issue.record("a measure that is not one decoded")
        } catch let error as DecodingError {
            #expect(Request.parameter(of: error) == "measure")
        }
    }
}

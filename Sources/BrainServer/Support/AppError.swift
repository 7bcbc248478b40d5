import Hummingbird
import BrainModel
import BrainUseCases

/// The one error a route throws for input it refuses or a thing it cannot find: a catalogue reason and the HTTP
/// status. `JSONErrorMiddleware` answers it as the JSON error body under `/api` and as the HTML error page elsewhere,
/// so a handler never chooses between the two styles itself.
struct AppError: Error, Sendable {
    var status: HTTPResponse.Status
    var reason: Reason

    /// A bad parameter or body (400).
    static func badRequest(_ reason: Reason) -> AppError { AppError(status: .badRequest, reason: reason) }
    /// An unknown region, node, firm, park or record (404).
    static func notFound(_ reason: Reason) -> AppError { AppError(status: .notFound, reason: reason) }

    /// The JSON error body the API answers with.
    var json: Response { JSONResponse.error(status, reason) }
}

extension Parameters {
    /// A path parameter the route pattern names. The router only calls a handler when every named segment is there,
    /// so a missing one is a routing mistake answered as a 404 rather than a crash or an empty string.
    func path(_ name: String) throws -> String {
        guard let value = self.get(name) else { throw AppError.notFound(Reason("api.no-route")) }
        return value
    }
}

extension AppError {
    /// A use case's refusal, with its reason: a 400, or a 404 for what it cannot find.
    init(_ refusal: Refusal) { self.init(status: refusal.kind == .notFound ? .notFound : .badRequest, reason: refusal.reason) }
}

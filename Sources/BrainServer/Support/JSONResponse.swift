import Foundation
import Hummingbird
import BrainModel
import BrainStore
import BrainUseCases
import NIOCore

/// JSON bodies for the API: sorted keys so responses are stable, errors as
/// `{"error": {"code": …, "message": …, "values": {…}}, "status": …}` — the message in the caller's language
/// (`RequestLanguage`: Chinese unless `?lang=en` or Accept-Language asks for English), the code and values for
/// programs.
enum JSONResponse {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func ok<T: Encodable>(_ value: T) throws -> Response {
        response(.ok, data: try encoder.encode(value))
    }

    /// JSON whose reasons carry `text` in the language the request asks for (`?lang=en`; Chinese otherwise).
    static func ok<T: Encodable>(_ value: T, for request: Request) throws -> Response {
        try ok(value, in: DisplayLanguage(query: request.uri.queryParameters.get("lang")))
    }

    /// JSON whose reasons carry `text` in `language`.
    static func ok<T: Encodable>(_ value: T, in language: DisplayLanguage) throws -> Response {
        response(.ok, data: try (encoders[language] ?? encoder).encode(value))
    }

    static let encoders: [DisplayLanguage: JSONEncoder] = Dictionary(uniqueKeysWithValues: DisplayLanguage.allCases.map {
        ($0, ReasonEncoding.language($0).encoder(like: encoder))
    })

    static func error(_ status: HTTPResponse.Status, _ reason: Reason) -> Response {
        let detail = ErrorDetail(code: reason.code, message: ReasonText.render(reason, in: RequestLanguage.current), values: reason.values)
        return response(status, data: (try? encoder.encode(ErrorBody(error: detail, status: Int(status.code)))) ?? Data())
    }

    static func response(_ status: HTTPResponse.Status, data: Data, contentType: String = "application/json; charset=utf-8") -> Response {
        Response(status: status, headers: [.contentType: contentType], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    struct ErrorBody: Encodable {
        var error: ErrorDetail
        var status: Int
    }

    struct ErrorDetail: Encodable {
        var code: String
        var message: String
        var values: [String: String]
    }
}

/// Turns any thrown error into an answer: `AppError` (a route's refusal), a use case's `Refusal` and a body over a
/// route's limit (413) as JSON under /api and the HTML error page elsewhere; unknown routes as a JSON 404; anything
/// else a 500 without leaking internals.
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let errorPage: @Sendable (HTTPResponse.Status, Reason) -> Response

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch is NIOTooManyBytesError {
            let message = Reason("api.body-too-large")
            return request.uri.path.hasPrefix("/api/") ? JSONResponse.error(.contentTooLarge, message) : errorPage(.contentTooLarge, message)
        } catch let error as AppError {
            return refuse(error, request)
        } catch let refusal as Refusal {
            return refuse(AppError(refusal), request)
        } catch let error as HTTPError {
            return JSONResponse.error(error.status, APIErrorReason.of(error))
        } catch let error as StoreUnavailableError {
            context.logger.error("store unavailable", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            return JSONResponse.error(.serviceUnavailable, Reason("api.store-unavailable", ["detail": "\(error)"]))
        } catch where ReadOnlyRefusal.matches(error) {
            return JSONResponse.error(.serviceUnavailable, Reason("api.read-only"))
        } catch {
            context.logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            return JSONResponse.error(.internalServerError, Reason("api.internal"))
        }
    }

    /// A route's or a use case's refusal: JSON under /api, the HTML error page elsewhere.
    private func refuse(_ error: AppError, _ request: Request) -> Response {
        request.uri.path.hasPrefix("/api/") ? error.json : errorPage(error.status, error.reason)
    }
}

/// Hummingbird's own errors (an unknown route, a wrong method) and the few thrown with a message: a catalogue reason.
enum APIErrorReason {
    /// Messages thrown as `HTTPError` by the sign-in checks, by the code they stand for.
    static let thrown: [String: String] = [
        MarketAccessMessage.signIn: "api.sign-in", MarketAccessMessage.adminNoOrganisation: "api.admin-no-organisation",
        MarketAccessMessage.staleForm: "api.stale-form", MarketAccessMessage.role: "api.role-forbids",
    ]

    static func of(_ error: HTTPError) -> Reason {
        if let body = error.body, let code = thrown[body] { return Reason(code) }
        if error.status == .notFound { return Reason("api.no-route") }
        if let body = error.body, !body.isEmpty { return Reason("api.bad-request", ["detail": body]) }
        return Reason("api.refused", ["status": "\(error.status.code)"])
    }
}

import Foundation
import Hummingbird
import BrainStore
import NIOCore
import BrainModel

/// JSON bodies for the API: sorted keys so responses are stable, errors as `{"error": …, "status": …}`.
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
        let language = DisplayLanguage(query: request.uri.queryParameters.get("lang"))
        return response(.ok, data: try (encoders[language] ?? encoder).encode(value))
    }

    static let encoders: [DisplayLanguage: JSONEncoder] = Dictionary(uniqueKeysWithValues: DisplayLanguage.allCases.map {
        ($0, ReasonEncoding.language($0).encoder(like: encoder))
    })

    static func error(_ status: HTTPResponse.Status, _ message: String) -> Response {
        let body = ErrorBody(error: message, status: Int(status.code))
        return response(status, data: (try? encoder.encode(body)) ?? Data())
    }

    static func response(_ status: HTTPResponse.Status, data: Data, contentType: String = "application/json; charset=utf-8") -> Response {
        Response(status: status, headers: [.contentType: contentType], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    struct ErrorBody: Encodable {
        var error: String
        var status: Int
    }
}

/// Turns any thrown error into a JSON 500 without leaking internals, and unknown routes into a JSON 404. A body over
/// a route's limit is a 413: JSON under /api, the HTML error page elsewhere.
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let errorPage: @Sendable (HTTPResponse.Status, String) -> Response

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch is NIOTooManyBytesError {
            let message = "the request body is larger than this form or API accepts"
            return request.uri.path.hasPrefix("/api/") ? JSONResponse.error(.contentTooLarge, message) : errorPage(.contentTooLarge, message)
        } catch let error as PageError {
            return error.json
        } catch let error as HTTPError {
            return JSONResponse.error(error.status, error.body ?? error.status.reasonPhrase)
        } catch let error as StoreUnavailableError {
            context.logger.error("store unavailable", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            return JSONResponse.error(.serviceUnavailable, "the database is unavailable: \(error)")
        } catch where ReadOnlyRefusal.matches(error) {
            return JSONResponse.error(.serviceUnavailable, StoreReadOnlyError().description)
        } catch {
            context.logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            return JSONResponse.error(.internalServerError, "internal error")
        }
    }
}

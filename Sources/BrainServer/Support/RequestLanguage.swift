import BrainModel
import Hummingbird

/// The language a request asked for: `?lang=en`, else an `Accept-Language` that prefers English, else Chinese.
/// Set for the whole handling of a request by `RequestLanguageMiddleware`, so an error or a rendered reason deep in
/// a handler speaks the caller's language without every function passing it along.
enum RequestLanguage {
    @TaskLocal static var current: DisplayLanguage = .zh

    static func of(_ request: Request) -> DisplayLanguage {
        if let lang = request.uri.queryParameters.get("lang") { return DisplayLanguage(query: lang) }
        guard let accepted = request.headers[.acceptLanguage] else { return .zh }
        // The first language listed is the most preferred one in practice (browsers list by preference).
        let first = accepted.split(separator: ",").first.map { String($0.split(separator: ";")[0]).trimmingCharacters(in: .whitespaces) }
        return DisplayLanguage(query: first)
    }
}

struct RequestLanguageMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        try await RequestLanguage.$current.withValue(RequestLanguage.of(request)) { try await next(request, context) }
    }
}

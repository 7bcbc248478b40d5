import Foundation
import Hummingbird
import BrainModel

/// A route's query parameters as one `Decodable` struct, decoded by Hummingbird's `URLEncodedFormDecoder` instead of
/// read and parsed one by one. A value that does not decode (a word where a number goes, a measure that is not one) is
/// the 400 its parameter's reason names, in the API's one error shape; checks of range and consistency live in the
/// struct's `validate()` and throw `AppError` the same way.
protocol RouteQuery: Decodable {
    /// Why a parameter's value was refused (called with the parameter's name).
    static func badValue(_ parameter: String) -> Reason
    /// Ranges and combinations the types alone do not say.
    func validate() throws
}

extension RouteQuery {
    func validate() throws {}
}

extension Request {
    /// The route's query decoded and checked (parameters the struct does not name are ignored).
    func query<Query: RouteQuery>(_ type: Query.Type) throws -> Query {
        let query: Query
        do {
            query = try URLEncodedFormDecoder().decode(Query.self, from: uri.query ?? "")
        } catch let error as DecodingError {
            throw AppError.badRequest(Query.badValue(Self.parameter(of: error) ?? badParameter(Query.self) ?? ""))
        } catch let error as URLEncodedFormError {
            // A query the form syntax cannot read (a name given twice, brackets that do not nest).
            throw AppError.badRequest(error.reason)
        }
        try query.validate()
        return query
    }

    /// The top-level parameter a decoding error is about (nil when it names none).
    static func parameter(of error: DecodingError) -> String? {
        let path: [any CodingKey] = switch error {
        case .keyNotFound(let key, let context): context.codingPath + [key]
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context): context.codingPath
        @unknown default: []
        }
        return path.first?.stringValue
    }

    /// The first parameter that does not decode on its own. Hummingbird's decoder leaves a number's key out of the
    /// error's coding path (its keyed container unboxes numbers without pushing the key), so the parameter is found by
    /// decoding each alone: every field of a query struct is optional, so only the bad one fails.
    private func badParameter<Query: RouteQuery>(_ type: Query.Type) -> String? {
        for parameter in uri.queryParameters {
            var one = URLComponents()
            one.queryItems = [URLQueryItem(name: String(parameter.key), value: String(parameter.value))]
            if (try? URLEncodedFormDecoder().decode(Query.self, from: one.percentEncodedQuery ?? "")) == nil { return String(parameter.key) }
        }
        return nil
    }
}

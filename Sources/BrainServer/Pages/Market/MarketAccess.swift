import Foundation
import Hummingbird
import BrainIngest
import BrainModel
import BrainStore

/// Who is asking, and what they sent: the organisation behind a request (`Authorization: Bearer TOKEN` from API
/// clients, the `brain_org` cookie from the sign-in form), form bodies, and the parser every way in shares.
struct MarketAccess: Sendable {
    static let cookie = "brain_org"
    static let maxBody = 64 << 10

    let store: any ImportingStore
    let resolver: AddressResolver

    func organisation(_ request: Request) async throws -> Organisation? {
        guard let token = Self.token(request), token.count <= 128 else { return nil }
        return try await store.organisation(token: token)
    }

    /// The organisation, or a 401 that says how to get one.
    func requireOrganisation(_ request: Request) async throws -> Organisation {
        guard let organisation = try await organisation(request) else {
            throw HTTPError(.unauthorized, message: "sign in: send Authorization: Bearer TOKEN (brain org add ID --name NAME prints one)")
        }
        return organisation
    }

    static func token(_ request: Request) -> String? {
        if let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") {
            return String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        }
        return request.headers[.cookie].flatMap { cookies in
            cookies.split(separator: ";").lazy.map { $0.trimmingCharacters(in: .whitespaces) }
                .first { $0.hasPrefix(cookie + "=") }.map { String($0.dropFirst(cookie.count + 1)) }
        }
    }

    func parser() async throws -> MarketRowParser {
        MarketRowParser(taxonomy: try await store.taxonomy(), resolver: resolver)
    }

    /// `application/x-www-form-urlencoded` fields (the first of a repeated name).
    static func form(_ request: Request) async throws -> [String: String] {
        var request = request
        let body = try await request.collectBody(upTo: maxBody)
        var fields: [String: String] = [:]
        for pair in String(buffer: body).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
            if let name = parts.first, fields[name] == nil { fields[name] = parts.count > 1 ? parts[1] : "" }
        }
        return fields
    }

    /// A JSON object's values as the parser's strings; nested values are refused.
    static func jsonFields(_ request: Request) async throws -> [String: String] {
        var request = request
        let body = try await request.collectBody(upTo: maxBody)
        guard let object = try? JSONDecoder().decode([String: Scalar].self, from: Data(buffer: body)) else {
            throw PageError.badRequest("the body is not a JSON object of strings and numbers: {\"title\": …, \"node\": \"cro\", \"region\": \"苏州市\"}")
        }
        return object.compactMapValues(\.text)
    }

    /// A JSON string, number, boolean or null.
    enum Scalar: Decodable {
        case text(String?)

        var text: String? { if case .text(let t) = self { t } else { nil } }

        init(from decoder: any Decoder) throws {
            let value = try decoder.singleValueContainer()
            if value.decodeNil() { self = .text(nil) }
            else if let flag = try? value.decode(Bool.self) { self = .text(flag ? "true" : "false") }
            else if let whole = try? value.decode(Int.self) { self = .text(String(whole)) }
            else if let number = try? value.decode(Double.self) { self = .text(String(number)) }
            else { self = .text(try value.decode(String.self)) }
        }
    }

    static func flag(_ value: String?) -> Bool? {
        guard let value else { return nil }
        return ["1", "true", "yes", "on"].contains(value.lowercased())
    }

    /// Store refusals as HTTP answers: unknown and not-yours records are both 404, so existence is not disclosed.
    static func translating<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let error as MarketStoreError {
            switch error {
            case .noSuchRecord, .noSuchOrganisation: throw PageError.notFound(error.description)
            default: throw PageError.badRequest(error.description)
            }
        }
    }
}

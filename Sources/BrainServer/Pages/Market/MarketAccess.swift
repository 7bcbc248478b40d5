import Foundation
import Hummingbird
import HTTPTypes
import BrainIngest
import BrainModel
import BrainStore

/// Who is asking, and what they sent: the caller behind a request (`Authorization: Bearer TOKEN` from API clients,
/// an organisation's or the operator's; the `brain_session` cookie from the sign-in form), JSON bodies, and the
/// parser every way in shares. Writes need a credential, never an address; a cookie's writes also need its CSRF token.
struct MarketAccess: Sendable {
    static let maxBody = 64 << 10

    let store: any ImportingStore
    let resolver: AddressResolver
    let security: SecurityConfiguration

    func caller(_ request: Request) async throws -> Caller {
        if let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") {
            let token = String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
            guard token.count <= 128 else { return .anonymous }
            // A person's own API token acts as the person, with their role (issue 19 item 1).
            if token.hasPrefix(AccountPage.tokenPrefix) {
                guard let holder = try await store.tokenHolder(digest: StoreSecret.digest(token), at: ISO8601DateFormatter().string(from: Date())) else {
                    return .anonymous
                }
                return Caller(organisation: holder.organisation, person: holder.person)
            }
            if let organisation = try await store.organisation(token: token) { return Caller(organisation: organisation) }
            return try await store.isAdminToken(token) ? Caller(isAdmin: true) : .anonymous
        }
        guard let session = SessionCookie.value(request), (1...128).contains(session.count),
              let holder = try await store.sessionHolder(session, policy: security.sessionPolicy, now: security.now()) else {
            return .anonymous
        }
        return Caller(organisation: holder.organisation, person: holder.person, session: session)
    }

    /// The organisation a read is shown to (nil: shared records only).
    func organisation(_ request: Request) async throws -> Organisation? {
        try await caller(request).organisation
    }

    /// The organisation a write is made for, or a 401 that says how to sign in; a session's write without its CSRF
    /// token (form field `csrf` or header `X-CSRF-Token`) is a 403.
    func requireOrganisation(_ request: Request, csrf: String? = nil, for permission: Permission? = nil) async throws -> Organisation {
        let caller = try await requireWriter(request, csrf: csrf, for: permission)
        guard let organisation = caller.organisation else {
            throw HTTPError(.forbidden, message: MarketAccessMessage.adminNoOrganisation)
        }
        return organisation
    }

    /// A caller allowed to write: an organisation or the admin, with the CSRF token when it came with the cookie. A
    /// person writes only what their role allows (`permission`); a write that names none is one a viewer may not make.
    func requireWriter(_ request: Request, csrf: String? = nil, for permission: Permission? = nil) async throws -> Caller {
        let caller = try await caller(request)
        guard caller.organisation != nil || caller.isAdmin else {
            throw HTTPError(.unauthorized, message: MarketAccessMessage.signIn)
        }
        if let expected = caller.csrfToken {
            let sent = request.headers[SessionCookie.header] ?? csrf ?? ""
            guard SessionCookie.same(sent, expected) else {
                throw HTTPError(.forbidden, message: MarketAccessMessage.staleForm)
            }
        }
        // Every kind of caller is held to the permission (an organisation's token has no say over people, publishing
        // or the audit trail); a write that names none is one a viewer may not make.
        let allowed = permission.map(caller.may) ?? (caller.person?.role != .viewer)
        guard allowed else { throw HTTPError(.forbidden, message: MarketAccessMessage.role) }
        return caller
    }

    /// Session cookies are Secure when the server is told it sits behind HTTPS, or a trusted proxy says so.
    func secureCookies(_ request: Request) -> Bool {
        security.secureCookies || (security.trustForwardedProto
            && request.headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased().hasPrefix("https") == true)
    }

    func parser() async throws -> MarketRowParser {
        MarketRowParser(taxonomy: try await store.taxonomy(), resolver: resolver)
    }

    /// A JSON object's values as the parser's strings; nested values are refused.
    static func jsonFields(_ request: Request) async throws -> [String: String] {
        var request = request
        let body = try await request.collectBody(upTo: maxBody)
        guard let object = try? JSONDecoder().decode([String: Scalar].self, from: Data(buffer: body)) else {
            throw AppError.badRequest(Reason("api.not-json-object", ["example": #"{"title": …, "node": "cro", "region": "苏州市"}"#]))
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
            case .noSuchRecord, .noSuchOrganisation: throw AppError.notFound(error.reason)
            default: throw AppError.badRequest(error.reason)
            }
        }
    }
}

/// The sign-in refusals' messages (HTTPError carries text): `APIErrorReason` turns each into its catalogue reason.
enum MarketAccessMessage {
    static let signIn = "sign in: send Authorization: Bearer TOKEN (brain org add ID --name NAME prints one), or sign in on /match"
    static let adminNoOrganisation = "an admin token acts for no organisation: use the organisation's token (brain org add ID --name NAME prints one)"
    static let staleForm = "the form is stale or came from another site: reload the page and try again"
    static let role = "your role does not allow this: ask your organisation's administrator"
}

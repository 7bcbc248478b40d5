import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import Testing
@testable import BrainServer
import BrainModel
import BrainStore

/// Issue 19 item 5: every route of the router, walked as another organisation's admin, as a viewer and signed out,
/// shows nothing of organisation A's private records — not the record, not a count that moved, not a different answer
/// for A's id than for an id that does not exist — and every write is refused without the role, the organisation or
/// the session's CSRF token.
@Suite struct IsolationTests {
    /// Who walks: a name for messages and the request headers.
    struct Walker: Sendable { let name: String; let headers: HTTPFields }

    static func session(_ client: any TestClientProtocol, _ login: String) async throws -> String {
        try #require(try await AccountsHTTPTests.signIn(client, login).session)
    }

    /// The template with its path parameters filled: A's record ids where the route names a private record, else
    /// the documented public examples. `missing` fills private ids with ids that do not exist.
    static func fill(_ template: String, _ records: IsolationWorld.Records, logins: [Role: String], missing: Bool) -> String {
        let privateId: String
        switch template {
        case let t where t.contains("/leads/"): privateId = missing ? "999999" : String(records.lead)
        case let t where t.contains("/watchlist/"): privateId = missing ? "999999" : String(records.watch)
        // A firm id that does not exist but has the same form as A's, so an answer naming the id differs only in digits.
        case let t where t.contains("/enterprises/"): privateId = missing ? IsolationWorld.absentLike(records.enterprise) : records.enterprise
        case let t where t.contains("/demands/") || t.contains("/market/") || t.contains("/match/"):
            privateId = missing ? "999999" : String(records.demand)
        // A's private import and curation, named by the publish routes (and the curation's revocation).
        case let t where t.contains("/imports/{id}"): privateId = missing ? "999999" : String(records.imported)
        case let t where t.contains("/curations/{id}"): privateId = missing ? "no-such-curation" : records.curation
        case let t where t.contains("/parks/"): privateId = "suzhou-biobay"
        case let t where t.contains("/policies/"): privateId = "sz-approval"
        case let t where t.contains("/chain"): privateId = "antibodies"
        default: privateId = "none"
        }
        return template.replacingOccurrences(of: "{id}", with: privateId).replacingOccurrences(of: "{code}", with: "320500")
            .replacingOccurrences(of: "{method}", with: "gaps").replacingOccurrences(of: "{login}", with: logins[.viewer] ?? "")
    }

    /// Whether the route names one of A's private records by id.
    static func namesPrivateRecord(_ template: String) -> Bool {
        template.contains("{id}") && ["/leads/", "/watchlist/", "/enterprises/", "/demands/", "/market/", "/match/"].contains { template.contains($0) }
    }

    /// Queries that would find A's records if they leaked: the start of its marker in searches (a search answer
    /// repeats its words, so not the whole marker), its region in lists.
    static func query(_ path: String, marker: String) -> String {
        // Every curation: A's curation of its own firm must not be among them.
        if path == "/api/curations" { return "" }
        if path.contains("search") || path == "/api/enterprises" {
            return "?q=\(IsolationWorld.escaped(IsolationWorld.markerStem))&firm=x"
        }
        return "?region=320500"
    }

    /// What a walker sees of a GET: status and body, with the digits removed (ids, counts of time) where `digits` is false.
    static func read(_ client: any TestClientProtocol, _ uri: String, _ walker: Walker, method: HTTPRequest.Method = .get) async throws -> (HTTPResponse.Status, String) {
        try await client.execute(uri: uri, method: method, headers: walker.headers) { ($0.status, Self.withoutNonce(try IsolationWorld.text($0.body))) }
    }

    /// Pages carry a fresh CSP nonce in every answer; it says nothing about A.
    static func withoutNonce(_ html: String) -> String {
        html.replacingOccurrences(of: #"nonce="[^"]*""#, with: "nonce", options: .regularExpression)
    }

    /// Firms of a private import are found, shown and counted for everyone by the enterprise routes and the search
    /// (found by this walk; the routes take no caller yet). Recorded as a known issue (a failure shown, not counted)
    /// until they do; drop this when the enterprise routes filter by the caller's imports.
    static func knownLeak(_ path: String) -> Bool { false }

    static func check(_ condition: Bool, _ comment: Comment, path: String, sourceLocation: SourceLocation = #_sourceLocation) {
        if knownLeak(path) {
            withKnownIssue("private imported firms are readable by outsiders", isIntermittent: true) {
                #expect(condition, comment, sourceLocation: sourceLocation)
            }
        } else {
            #expect(condition, comment, sourceLocation: sourceLocation)
        }
    }

    /// Where two answers part: a little of each from the first differing character.
    static func difference(_ one: String, _ other: String) -> String {
        let common = zip(one, other).prefix { $0 == $1 }.count
        return "…\(one.dropFirst(max(0, common - 40)).prefix(120)) ≠ …\(other.dropFirst(max(0, common - 40)).prefix(120))"
    }

    static func digitless(_ text: String) -> String { text.filter { !$0.isNumber } }

    /// Answers that change by themselves between two reads, not because of A's records.
    static let volatile: Set<String> = ["/metrics", "/health", "/health/ready", "/health/live"]

    @Test func outsidersReadNothingOfAnOrganisationsPrivateRecords() async throws {
        let world = try await IsolationWorld.make()
        let routes = try await IsolationWorld.routes().filter { $0.method == .get }
        #expect(routes.count > 60, "the router lists its routes")
        try await ServerFixture.withApp(store: world.store) { client in
            let bSession = try await Self.session(client, world.bAdmin)
            let viewerSession = try await Self.session(client, try #require(world.logins[.viewer]))
            let outsiders = [Walker(name: "signed out", headers: [:]), Walker(name: "B's admin", headers: ServerFixture.browser(bSession))]
            let viewer = Walker(name: "A's viewer", headers: ServerFixture.browser(viewerSession))
            // Before A has private records: what outsiders see of every route without a private id.
            var before: [String: (HTTPResponse.Status, String)] = [:]
            for route in routes where !Self.namesPrivateRecord(route.path) && !Self.volatile.contains(route.path) {
                let uri = Self.fill(route.path, IsolationWorld.Records(demand: 0, lead: 0, watch: 0, enterprise: ""), logins: world.logins, missing: false)
                    + Self.query(route.path, marker: world.marker)
                for walker in outsiders { before["\(walker.name) \(uri)"] = try await Self.read(client, uri, walker) }
            }
            let records = try await world.createRecords(client)
            for route in routes {
                let uri = Self.fill(route.path, records, logins: world.logins, missing: false) + Self.query(route.path, marker: world.marker)
                for walker in outsiders {
                    let (status, body) = try await Self.read(client, uri, walker)
                    Self.check(!body.contains(world.marker) && !body.contains(world.a.organisation.id), "\(walker.name) reads A's record at \(uri)", path: route.path)
                    if Self.namesPrivateRecord(route.path) {
                        // A's id answers as an id that does not exist: the record is not even inferable.
                        let absent = Self.fill(route.path, records, logins: world.logins, missing: true) + Self.query(route.path, marker: world.marker)
                        let (absentStatus, absentBody) = try await Self.read(client, absent, walker)
                        Self.check(status == absentStatus && Self.digitless(body) == Self.digitless(absentBody),
                                   "\(walker.name) tells A's record from a missing one at \(uri)", path: route.path)
                    } else if let earlier = before["\(walker.name) \(uri)"] {
                        Self.check(earlier.0 == status && earlier.1 == body, "\(walker.name) sees \(uri) change with A's private records: \(Self.difference(earlier.1, body))", path: route.path)
                    }
                    // HEAD: the router serves no HEAD routes (404), or answers as GET does; never with A's records.
                    let (headStatus, headBody) = try await Self.read(client, uri, walker, method: .head)
                    #expect((headStatus == status || headStatus == .notFound) && !headBody.contains(world.marker), "HEAD \(uri) as \(walker.name): \(headStatus) vs \(status)")
                }
                // A's viewer reads A's records but not its audit trail.
                if route.path.contains("audit") {
                    let (status, body) = try await Self.read(client, uri, viewer)
                    #expect(status == .forbidden || status == .unauthorized, "A's viewer reads \(uri): \(status)")
                    #expect(!body.contains(world.marker))
                }
            }
        }
    }
}

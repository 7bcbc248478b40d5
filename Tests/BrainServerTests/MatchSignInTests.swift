import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import Testing
@testable import BrainServer
import BrainModel
import BrainStore

/// The organisation-token sign-in on /match is held to /signin's rules: attempts limited per client address, and a
/// sign-in ends the session the browser came with (session fixation).
@Suite struct MatchSignInTests {
    static func signIn(_ client: any TestClientProtocol, token: String, address: String, cookie: String? = nil) async throws -> (HTTPResponse.Status, String?) {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        headers[HTTPField.Name("X-Brain-Peer")!] = address
        if let cookie { headers[.cookie] = "brain_session=\(cookie)" }
        return try await client.execute(uri: "/match/signin", method: .post, headers: headers, body: ByteBuffer(string: "token=\(token)")) { response in
            let session = response.headers[.setCookie].flatMap { $0.split(separator: ";").first?.split(separator: "=", maxSplits: 1).last }.map(String.init)
            return (response.status, session)
        }
    }

    @Test func tokenGuessesAreLimitedPerAddress() async throws {
        let org = try await ServerFixture.store().createOrganisation(id: "match-limit-\(UUID().uuidString.prefix(8).lowercased())", name: "令牌限流")
        var configuration = ServerFixture.configuration
        configuration.security.signInLimit = SignInLimit(perLogin: 3, perAddress: 5, windowSeconds: 86_400)
        try await ServerFixture.withApp(configuration: configuration) { client in
            for _ in 0..<3 { #expect(try await Self.signIn(client, token: "wrong-token", address: "198.51.100.20").0 == .unauthorized) }
            // The fourth attempt from that address is refused even with the right token; another address is not held back.
            let (limited, none) = try await Self.signIn(client, token: org.token, address: "198.51.100.20")
            #expect(limited == .tooManyRequests && none == nil)
            #expect(try await Self.signIn(client, token: org.token, address: "198.51.100.21").0 == .seeOther)
        }
    }

    @Test func aSignInEndsTheSessionTheBrowserCameWith() async throws {
        let org = try await ServerFixture.store().createOrganisation(id: "match-fixation-\(UUID().uuidString.prefix(8).lowercased())", name: "会话固定")
        try await ServerFixture.withApp { client in
            let (_, first) = try await Self.signIn(client, token: org.token, address: "198.51.100.30")
            let old = try #require(first)
            let (status, second) = try await Self.signIn(client, token: org.token, address: "198.51.100.30", cookie: old)
            let new = try #require(second)
            #expect(status == .seeOther && new != old)
            #expect(try await AccountsHTTPTests.me(client, old)["signedIn"] as? Bool == false)
            #expect(try await AccountsHTTPTests.me(client, new)["signedIn"] as? Bool == true)
        }
    }
}

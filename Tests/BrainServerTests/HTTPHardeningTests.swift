import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import Testing
@testable import BrainServer
import BrainStore
#if canImport(Glibc)
import Glibc
#endif

/// Requests that would kill, starve or fool the server (issue 14): security headers, foreign hosts and origins,
/// oversized bodies, idle connections and left-over upload folders.
@Suite struct HTTPHardeningTests {
    static let host = HTTPField.Name("Host")!

    @Test func everyResponseCarriesTheSecurityHeaders() async throws {
        try await ServerFixture.withApp { client in
            for uri in ["/", "/regions/320500", "/api/imports", "/assets/app.js", "/no-such-page", "/api/no-such"] {
                try await client.execute(uri: uri, method: .get) { response in
                    let csp = response.headers[.contentSecurityPolicy] ?? ""
                    #expect(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'") && csp.contains("object-src 'none'"), "\(uri)")
                    #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(uri)")
                    #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY", "\(uri)")
                    #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin", "\(uri)")
                }
            }
            // A page's inline scripts carry the nonce its policy names, a new one each time.
            var nonces: Set<String> = []
            for _ in 0..<2 {
                try await client.execute(uri: "/policies", method: .get) { response in
                    let csp = response.headers[.contentSecurityPolicy] ?? ""
                    let nonce = try #require(csp.split(separator: "'").first { $0.hasPrefix("nonce-") }).dropFirst("nonce-".count)
                    #expect(String(buffer: response.body).contains("<script nonce=\"\(nonce)\">"))
                    #expect(!csp.contains("'unsafe-inline' 'self'") && !csp.contains("script-src 'self' 'unsafe-inline'"))
                    nonces.insert(String(nonce))
                }
            }
            #expect(nonces.count == 2)
            // Private answers are never stored by a cache; public static files may be.
            try await client.execute(uri: "/api/imports", method: .get) { #expect($0.headers[.cacheControl] == "no-store") }
            try await client.execute(uri: "/match", method: .get) { #expect($0.headers[.cacheControl] == "no-store") }
            for page in ["/account", "/admin/webhook"] {
                try await client.execute(uri: page, method: .get) { #expect($0.headers[.cacheControl] == "no-store", "\(page)") }
            }
            try await client.execute(uri: "/regions/320500", method: .get, headers: [.authorization: "Bearer x"]) {
                #expect($0.headers[.cacheControl] == "no-store")
            }
            try await client.execute(uri: "/assets/app.js", method: .get) { #expect($0.headers[.cacheControl] == "public, max-age=3600") }
        }
    }

    @Test func reviewFindings() async throws {
        try await ServerFixture.withApp { client in
            // Years whose difference overflows used to trap the process.
            try await client.execute(uri: "/api/regions/320500/index?from=-9223372036854775808&to=0", method: .get) {
                #expect($0.status == .badRequest)
            }
            // The nonce placeholder typed as a query stays text: the live nonce is only in nonce="…" attributes.
            try await client.execute(uri: "/search?q=\(PageRenderer.noncePlaceholder)", method: .get) { response in
                let csp = response.headers[.contentSecurityPolicy] ?? ""
                let nonce = try #require(csp.components(separatedBy: "'nonce-").dropFirst().first?.split(separator: "'").first)
                let page = String(buffer: response.body)
                #expect(page.contains(PageRenderer.noncePlaceholder))
                #expect(page.components(separatedBy: String(nonce)).count - 1 == page.components(separatedBy: "nonce=\"\(nonce)\"").count - 1)
            }
        }
    }

    @Test func aForeignHostIsRefused() async throws {
        var configuration = ServerFixture.configuration
        configuration.security.allowedHosts = ["localhost", "brain.example.org"]
        try await ServerFixture.withApp(configuration: configuration) { client in
            try await client.execute(uri: "/", method: .get, headers: [Self.host: "evil.example"]) { response in
                #expect(response.status == .misdirectedRequest && response.headers[.contentType]?.hasPrefix("text/html") == true)
            }
            try await client.execute(uri: "/api/imports", method: .get, headers: [Self.host: "evil.example:8080"]) { response in
                #expect(response.status == .misdirectedRequest)
                let message = try ServerFixture.errorMessage(response.body)
                #expect(message?.contains("--allowed-host") == true)
            }
            for name in ["brain.example.org", "BRAIN.example.org:8443", "localhost"] {
                try await client.execute(uri: "/", method: .get, headers: [Self.host: name]) { #expect($0.status == .ok, "\(name)") }
            }
        }
    }

    @Test func theAllowedHostsAreTheBindHostAndLoopbackWithThePort() {
        let hosts = AllowedHosts(bindHost: "0.0.0.0", port: 8080, extra: ["brain.example.org", "10.1.2.3:9000"])
        for yes in ["127.0.0.1:8080", "localhost:8080", "[::1]:8080", "brain.example.org", "brain.example.org:1", "10.1.2.3:9000"] {
            #expect(hosts.allows(authority: yes), "\(yes)")
        }
        for no in ["localhost", "localhost:9090", "0.0.0.0:8080", "evil.example:8080", "10.1.2.3:8080", "localhost:8080 x", "", "[::1"] {
            #expect(!hosts.allows(authority: no), "\(no)")
        }
        #expect(hosts.allows(origin: "http://localhost:8080") && hosts.allows(origin: "https://brain.example.org/match?x=1"))
        for no in ["null", "http://localhost:8080.evil.example", "http://user@localhost:8080", "ftp://localhost:8080", "http://localhost"] {
            #expect(!hosts.allows(origin: no), "\(no)")
        }
        #expect(AllowedHosts(bindHost: "10.0.0.5", port: 80, extra: []).allows(authority: "10.0.0.5"))
    }

    @Test func crossSiteWritesAreRefusedBeforeTheyRun() async throws {
        let admin = try await ServerFixture.store().createAdminToken()
        let csv = ByteBuffer(string: "企业名称,注册地址\n跨站\(UUID().uuidString.prefix(6))生物有限公司,江苏省苏州市\n")
        try await ServerFixture.withApp { client in
            let uri = "/api/imports?kind=enterprises&file=a.csv"
            // A cross-site text/plain POST (no CORS preflight), even one that somehow carried a credential.
            for headers: HTTPFields in [[.origin: "http://evil.example", .contentType: "text/plain"],
                                        [.origin: "http://evil.example", .authorization: "Bearer \(admin)"],
                                        [.origin: "null"], [.referer: "http://evil.example/page", .contentType: "text/plain"]] {
                try await client.execute(uri: uri, method: .post, headers: headers, body: csv) { #expect($0.status == .forbidden, "\(headers)") }
            }
            try await client.execute(uri: "/match/signin", method: .post, headers: [.origin: "http://evil.example", .contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: "token=x")) { response in
                #expect(response.status == .forbidden && response.headers[.contentType]?.hasPrefix("text/html") == true)
            }
            // The same site's own page passes the check (and then needs a credential).
            try await client.execute(uri: uri, method: .post, headers: [.origin: "http://localhost", .contentType: "text/plain"], body: csv) {
                #expect($0.status == .unauthorized)
            }
        }
    }

    @Test func everyOversizedBodyIsA413() async throws {
        let (a, _) = try await MarketAPITests.organisations()
        let big = ByteBuffer(repeating: UInt8(ascii: "a"), count: MarketAccess.maxBody + 1)
        try await ServerFixture.withApp { client in
            try await client.execute(uri: "/match/signin", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: big) { response in
                #expect(response.status == .contentTooLarge && response.headers[.contentType]?.hasPrefix("text/html") == true)
            }
            for (uri, headers) in [("/api/demands", MarketAPITests.bearer(a.token)), ("/api/recommend/park", [.contentType: "application/json"]),
                                   ("/api/market/1/share", MarketAPITests.bearer(a.token))] as [(String, HTTPFields)] {
                try await client.execute(uri: uri, method: .post, headers: headers, body: big) { response in
                    #expect(response.status == .contentTooLarge, "\(uri)")
                    let status = try ServerFixture.jsonObject(response.body)["status"] as? Int
                    #expect(status == 413, "\(uri)")
                }
            }
            let session = try await ServerFixture.signIn(client, token: a.token).session
            try await client.execute(uri: "/match/demands", method: .post, headers: ServerFixture.browser(session), body: big) {
                #expect($0.status == .contentTooLarge)
            }
        }
    }

    /// A connection that sends part of a request head and then nothing is closed after the idle time-out (slowloris).
    /// The head deadline is set far beyond the client's own wait, so a close it sees can only be the idle time-out's;
    /// the client waits a minute, as a loaded machine may stall the server for seconds (a 10 s bound failed in CI).
    @Test func anIdleConnectionIsClosed() async throws {
        var configuration = ServerFixture.configuration
        configuration.port = 0
        configuration.security.idleTimeout = .seconds(1)
        configuration.security.headTimeout = .seconds(600)
        let app = try await buildApplication(store: try ServerFixture.store(), configuration: configuration)
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let started = ContinuousClock.now
            // The blocking socket waits on a thread of its own, not one of the few the tests' tasks share.
            let received = try await withCheckedThrowingContinuation { (done: CheckedContinuation<Int, any Error>) in
                Thread.detachNewThread { done.resume(with: Result { try Self.sendPartialHeadAndWait(port: port) }) }
            }
            let waited = ContinuousClock.now - started
            #expect(received == 0, "the server should close the connection (recv = 0), got \(received)")
            #expect(waited >= .milliseconds(900), "\(waited)")
        }
    }

    /// Connects, sends an unfinished request head, and blocks until the server closes (0) or 60 s pass (-1).
    static func sendPartialHeadAndWait(port: Int) throws -> Int {
        let fd = try ServerFixture.connectLoopback(port: port)
        defer { close(fd) }
        var limit = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        let partial = Array("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".utf8)
        try #require(send(fd, partial, partial.count, 0) == partial.count)
        var buffer = [UInt8](repeating: 0, count: 1024)
        return recv(fd, &buffer, buffer.count, 0)
    }

    @Test func uploadFoldersArePrivateAndThoseOfDeadServersAreSwept() throws {
        let root = try Upload.privateRoot()
        var status = stat()
        #expect(lstat(root.path, &status) == 0 && status.st_mode & 0o777 == 0o700)
        // A process id above the kernel's largest stands for a server that crashed mid-upload: no such process runs.
        let pidMax = try #require(Int(try String(contentsOfFile: "/proc/sys/kernel/pid_max", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)))
        let dead = root.appendingPathComponent("upload-\(pidMax + 1)-\(UUID().uuidString)")
        let live = root.appendingPathComponent("upload-\(getpid())-\(UUID().uuidString)")
        for folder in [dead, live] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false) }
        defer { try? FileManager.default.removeItem(at: live) }
        Upload.sweep()
        #expect(!FileManager.default.fileExists(atPath: dead.path))
        #expect(FileManager.default.fileExists(atPath: live.path), "a running server's upload must stay")
    }
}

import Foundation
import BrainStore

/// What the server trusts and how long it waits (issue 14): the Host names it answers to, how session cookies are
/// marked, how long a connection may sit idle and how many may be open.
public struct SecurityConfiguration: Sendable {
    /// More names the server answers to (`brain serve --allowed-host NAME`): "NAME" on any port, "NAME:PORT" on that
    /// port only. The bind host, localhost, 127.0.0.1 and [::1] with the server's port are always allowed.
    public var allowedHosts: [String] = []
    /// Mark the session cookie Secure on every response (`--secure-cookies`: the server sits behind HTTPS).
    public var secureCookies = false
    /// Believe `X-Forwarded-Proto: https` from the proxy in front (`--trust-proxy`) and mark those cookies Secure.
    public var trustForwardedProto = false
    /// A connection that sends nothing (no request, or only part of a request head) for this long is closed.
    public var idleTimeout: Duration = .seconds(30)
    /// A request head must be complete this long after the connection opened or the previous response ended, however
    /// steadily its bytes trickle in (slowloris).
    public var headTimeout: Duration = .seconds(20)
    /// A request body gets this long, plus a second for every `bodyMinimumRate` bytes that arrive, and at most
    /// `bodyMaximum` in all: a slow real upload goes on, a body trickled a byte at a time is cut.
    public var bodyTimeout: Duration = .seconds(20)
    public var bodyMinimumRate = 500
    public var bodyMaximum: Duration = .seconds(600)
    /// Connections open at once; more wait in the listen backlog.
    public var maxConnections = 2_048
    public var sessionPolicy: SessionPolicy = .standard
    /// Password sign-in: attempts per login and per address (`SignInLimiter`), and wrong passwords before a lock.
    public var signInLimit: SignInLimit = .standard
    public var lockout: LockoutPolicy = .standard
    /// The clock sessions are measured with, in Unix seconds (tests move it).
    public var now: @Sendable () -> Int = { Int(Date().timeIntervalSince1970) }

    public init() {}
}

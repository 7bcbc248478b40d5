import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which webhook URLs an admin may set (SSRF): https to a host whose every address is public. Plain http, and hosts
/// on loopback, private, link-local or other special addresses, only for hosts the operator allows with
/// `brain serve --webhook-allow-host HOST` (a receiver on the same machine, a test). Checked when the URL is set and
/// again before each delivery, as a name may point elsewhere later; the delivery then connects to exactly the address
/// checked (`Pinned`), so a name that answers differently the second time (DNS rebinding) cannot reach inside.
struct WebhookAddress: Sendable {
    /// Every address a host name resolves to, as raw bytes (4 for IPv4, 16 for IPv6); tests put a stub here.
    typealias Resolver = @Sendable (String) async -> [[UInt8]]

    /// Lower-case host names (or literal addresses) the operator allows.
    let allowedHosts: Set<String>
    let resolver: Resolver

    init(allowedHosts: [String], resolver: Resolver? = nil, resolveTimeout: Duration = .seconds(5)) {
        self.allowedHosts = Set(allowedHosts.map { $0.lowercased() })
        self.resolver = resolver ?? { host in await Self.resolveOffLoop(host, timeout: resolveTimeout) }
    }

    enum Refusal: Error, Equatable {
        case notAURL, scheme, credentials, unresolvable(String), privateAddress(String)

        var words: Bilingual {
            switch self {
            case .notAURL: Bilingual(zh: "网址无效：请填写完整的 https:// 网址（不超过 500 个字符）", en: "Not a valid URL: give a full https:// URL (at most 500 characters)")
            case .scheme: Bilingual(zh: "只接受 https:// 网址", en: "Only https:// URLs are accepted")
            case .credentials: Bilingual(zh: "网址中不能包含用户名或密码", en: "The URL may not carry a user name or password")
            case .unresolvable(let host): Bilingual(zh: "无法解析主机 \(host)", en: "Host \(host) does not resolve")
            case .privateAddress(let host):
                Bilingual(zh: "主机 \(host) 指向内网、本机或链路本地地址，不允许作为 webhook", en: "Host \(host) points to a private, loopback or link-local address: not allowed as a webhook")
            }
        }
    }

    /// A checked URL and the address to connect to: the URL keeps the host name (for the Host header, TLS SNI and the
    /// certificate check), `connectTo` is the checked address (nil when the URL names an address itself).
    struct Pinned: Sendable, Equatable {
        var url: URL
        /// The host as the URL spells it, the key the HTTP client maps to `connectTo`.
        var host: String
        var connectTo: String?
    }

    /// The URL as it will be posted to and the address it will reach, or why not. A host name is resolved off the
    /// event loop with a time limit (`resolveOffLoop`).
    func check(_ text: String) async throws(Refusal) -> Pinned {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.count <= 500, let components = URLComponents(string: trimmed), let url = components.url,
              let scheme = components.scheme?.lowercased(), let rawHost = components.host, !rawHost.isEmpty else { throw .notAURL }
        guard components.user == nil, components.password == nil else { throw .credentials }
        let host = rawHost.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        let allowed = allowedHosts.contains(host)
        guard scheme == "https" || (scheme == "http" && allowed) else { throw scheme == "http" ? .scheme : .notAURL }
        if let literal = Self.literal(host) {
            guard allowed || Self.isPublic(literal) else { throw .privateAddress(host) }
            return Pinned(url: url, host: rawHost, connectTo: nil)
        }
        let addresses = await resolver(host)
        guard let first = addresses.first, let text = Self.text(first) else { throw .unresolvable(host) }
        guard allowed || addresses.allSatisfy(Self.isPublic) else { throw .privateAddress(host) }
        return Pinned(url: url, host: rawHost, connectTo: text)
    }

    /// The bytes of an IPv4 or IPv6 literal, nil for a name.
    static func literal(_ host: String) -> [UInt8]? {
        var v4 = in_addr(), v6 = in6_addr()
        if inet_pton(AF_INET, host, &v4) == 1 { return withUnsafeBytes(of: v4) { Array($0) } }
        if inet_pton(AF_INET6, host, &v6) == 1 { return withUnsafeBytes(of: v6) { Array($0) } }
        return nil
    }

    /// An address's usual text form (`203.0.113.7`, `2001:db8::1`).
    static func text(_ bytes: [UInt8]) -> String? {
        let family: Int32
        switch bytes.count { case 4: family = AF_INET; case 16: family = AF_INET6; default: return nil }
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        let written = bytes.withUnsafeBytes { raw in inet_ntop(family, raw.baseAddress, &buffer, socklen_t(buffer.count)) }
        guard written != nil else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `resolve` on a Dispatch worker thread (getaddrinfo blocks: never on an event loop or the cooperative pool),
    /// given up after `timeout` (the lookup itself cannot be stopped; its answer is then dropped).
    static func resolveOffLoop(_ host: String, timeout: Duration) async -> [[UInt8]] {
        let once = ResumeOnce<[[UInt8]]>()
        return await withCheckedContinuation { continuation in
            once.set(continuation)
            let timer = Task { try? await Task.sleep(for: timeout); once.resume([]) }
            DispatchQueue.global().async {
                once.resume(resolve(host))
                timer.cancel()
            }
        }
    }

    /// Every address the host resolves to, as raw bytes (4 for IPv4, 16 for IPv6). Blocks: see `resolveOffLoop`.
    static func resolve(_ host: String) -> [[UInt8]] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &list) == 0, let first = list else { return [] }
        defer { freeaddrinfo(first) }
        var found: [[UInt8]] = []
        var node: UnsafeMutablePointer<addrinfo>? = first
        while let entry = node {
            if let address = entry.pointee.ai_addr {
                switch Int32(address.pointee.sa_family) {
                case AF_INET:
                    address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { v4 in
                        found.append(withUnsafeBytes(of: v4.pointee.sin_addr) { Array($0) })
                    }
                case AF_INET6:
                    address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { v6 in
                        found.append(withUnsafeBytes(of: v6.pointee.sin6_addr) { Array($0) })
                    }
                default: break
                }
            }
            node = entry.pointee.ai_next
        }
        return found
    }

    /// False for loopback, private, shared (CGNAT), link-local, unspecified, multicast, documentation and reserved
    /// addresses, and IPv6 addresses that carry an IPv4 one (mapped, compatible, NAT64, 6to4) that is any of these.
    static func isPublic(_ bytes: [UInt8]) -> Bool {
        if bytes.count == 4 {
            let (a, b) = (bytes[0], bytes[1])
            return !(a == 0 || a == 10 || a == 127 || a >= 224 || (a == 100 && (64...127).contains(b)) || (a == 169 && b == 254)
                     || (a == 172 && (16...31).contains(b)) || (a == 192 && b == 168) || (a == 192 && b == 0 && bytes[2] == 0)
                     || (a == 198 && (18...19).contains(b)) || (a == 198 && b == 51 && bytes[2] == 100)
                     || (a == 203 && b == 0 && bytes[2] == 113) || (a == 192 && b == 0 && bytes[2] == 2)
                     || (a == 192 && b == 88 && bytes[2] == 99))                       // 6to4 relay anycast
        }
        guard bytes.count == 16 else { return false }
        if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xff && bytes[11] == 0xff { return isPublic(Array(bytes[12...])) }
        if bytes[0..<15].allSatisfy({ $0 == 0 }) { return false }                  // :: and ::1
        // IPv4-translated ::ffff:0:a.b.c.d (SIIT) carries an IPv4 address like a mapped one does.
        if bytes[0..<8].allSatisfy({ $0 == 0 }) && bytes[8] == 0xff && bytes[9] == 0xff && bytes[10] == 0 && bytes[11] == 0 {
            return isPublic(Array(bytes[12...]))
        }
        if bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0 && bytes[3] == 0 { return false }   // Teredo 2001::/32
        if bytes[0] == 0x01 && bytes[1..<8].allSatisfy({ $0 == 0 }) { return false }            // discard-only 100::/64
        if bytes[0..<12].allSatisfy({ $0 == 0 }) { return isPublic(Array(bytes[12...])) }   // IPv4-compatible ::a.b.c.d
        // NAT64: 64:ff9b::/96 reaches the IPv4 address in its last four bytes; the local-use 64:ff9b:1::/48 (and
        // anything else under 64:ff9b) is a network's own translator, never a public receiver.
        if bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == 0xff && bytes[3] == 0x9b {
            return bytes[4..<12].allSatisfy { $0 == 0 } && isPublic(Array(bytes[12...]))
        }
        if bytes[0] == 0x20 && bytes[1] == 0x02 { return isPublic(Array(bytes[2..<6])) }   // 6to4 2002:a.b.c.d::/16
        if bytes[0] == 0xfe && (bytes[1] & 0xc0) == 0xc0 { return false }           // site-local fec0::/10 (deprecated)
        if bytes[0] == 0xff || (bytes[0] & 0xfe) == 0xfc { return false }           // multicast, unique local fc00::/7
        if bytes[0] == 0xfe && (bytes[1] & 0xc0) == 0x80 { return false }           // link-local fe80::/10
        return true
    }
}

/// A continuation resumed by whichever of two racers comes first, and only once.
final class ResumeOnce<Value: Sendable>: Sendable {
    private let state = Mutex<(continuation: CheckedContinuation<Value, Never>?, early: Value?, done: Bool)>((nil, nil, false))

    func set(_ continuation: CheckedContinuation<Value, Never>) {
        let early: Value? = state.withLock { state in
            if state.done, let value = state.early { state.early = nil; return value }
            state.continuation = continuation
            return nil
        }
        if let early { continuation.resume(returning: early) }
    }

    func resume(_ value: Value) {
        let continuation: CheckedContinuation<Value, Never>? = state.withLock { state in
            guard !state.done else { return nil }
            state.done = true
            guard let continuation = state.continuation else { state.early = value; return nil }
            state.continuation = nil
            return continuation
        }
        continuation?.resume(returning: value)
    }
}

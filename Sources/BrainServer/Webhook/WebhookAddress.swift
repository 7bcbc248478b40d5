import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which webhook URLs an admin may set (SSRF): https to a host whose every address is public. Plain http, and hosts
/// on loopback, private, link-local or other special addresses, only for hosts the operator allows with
/// `brain serve --webhook-allow-host HOST` (a receiver on the same machine, a test). Checked when the URL is set and
/// again before each delivery, as a name may point elsewhere later.
struct WebhookAddress: Sendable {
    /// Lower-case host names (or literal addresses) the operator allows.
    let allowedHosts: Set<String>

    init(allowedHosts: [String]) { self.allowedHosts = Set(allowedHosts.map { $0.lowercased() }) }

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

    /// The URL as it will be posted to, or why not.
    func check(_ text: String) throws(Refusal) -> URL {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.count <= 500, let components = URLComponents(string: trimmed), let url = components.url,
              let scheme = components.scheme?.lowercased(), let rawHost = components.host, !rawHost.isEmpty else { throw .notAURL }
        guard components.user == nil, components.password == nil else { throw .credentials }
        let host = rawHost.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        let allowed = allowedHosts.contains(host)
        guard scheme == "https" || (scheme == "http" && allowed) else { throw scheme == "http" ? .scheme : .notAURL }
        if allowed { return url }
        let addresses = Self.resolve(host)
        guard !addresses.isEmpty else { throw .unresolvable(host) }
        guard addresses.allSatisfy(Self.isPublic) else { throw .privateAddress(host) }
        return url
    }

    /// Every address the host resolves to, as raw bytes (4 for IPv4, 16 for IPv6).
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
                     || (a == 203 && b == 0 && bytes[2] == 113) || (a == 192 && b == 0 && bytes[2] == 2))
        }
        guard bytes.count == 16 else { return false }
        if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xff && bytes[11] == 0xff { return isPublic(Array(bytes[12...])) }
        if bytes[0..<15].allSatisfy({ $0 == 0 }) { return false }                  // :: and ::1
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

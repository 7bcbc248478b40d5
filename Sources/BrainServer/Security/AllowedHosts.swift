import Foundation

/// The Host header values (and so the Origin values) the server accepts: a page served under another name, as in a
/// DNS-rebinding attack, is refused before any route runs.
struct AllowedHosts: Sendable {
    /// host → the allowed port, or nil for any port.
    private let entries: [(host: String, port: Int?)]

    init(bindHost: String, port: Int, extra: [String]) {
        var entries: [(String, Int?)] = []
        var names = ["localhost", "127.0.0.1", "[::1]"]
        if !["0.0.0.0", "::", ""].contains(bindHost) { names.append(bindHost.contains(":") && !bindHost.hasPrefix("[") ? "[\(bindHost)]" : bindHost) }
        for name in names { entries.append((name.lowercased(), port)) }
        for name in extra {
            if let parsed = Self.split(name) { entries.append(parsed) }
        }
        self.entries = entries
    }

    /// Whether `authority` ("host" or "host:port", as in a Host header) names this server. Without a port it is 80.
    func allows(authority: String) -> Bool {
        guard let (host, port) = Self.split(authority) else { return false }
        return entries.contains { $0.host == host && ($0.port == nil || $0.port == (port ?? 80)) }
    }

    /// Whether an Origin or Referer ("scheme://host[:port][/…]") is this server.
    func allows(origin: String) -> Bool {
        let lower = origin.lowercased()
        guard let scheme = ["http://", "https://"].first(where: { lower.hasPrefix($0) }) else { return false }
        let rest = lower.dropFirst(scheme.count)
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !authority.contains("@"), let (host, port) = Self.split(String(authority)) else { return false }
        let effectivePort = port ?? (scheme == "https://" ? 443 : 80)
        return entries.contains { $0.host == host && ($0.port == nil || $0.port == effectivePort) }
    }

    /// "host", "host:port", "[v6]" or "[v6]:port" → lower-cased host and port; nil when malformed.
    static func split(_ authority: String) -> (host: String, port: Int?)? {
        let text = authority.lowercased().trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty, text.utf8.count <= 255 else { return nil }
        var host = text, portText: Substring?
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            host = String(text[...close])
            let after = text[text.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { return nil }
                portText = after.dropFirst()
            }
        } else if let colon = text.lastIndex(of: ":") {
            host = String(text[..<colon])
            portText = text[text.index(after: colon)...]
        }
        guard !host.isEmpty, host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-._[]:".contains($0)) }) else { return nil }
        guard let portText else { return (host, nil) }
        guard let port = Int(portText), (1...65_535).contains(port) else { return nil }
        return (host, port)
    }
}

import Foundation

/// Sign-in attempts allowed per login and per client address in a sliding window (issue 19): the store's lock-out
/// stops guessing one person's password, this stops one address spraying many logins and a flood of hashing (each
/// attempt costs a deliberately slow PBKDF2). Kept in memory: a restart forgets it, the store's lock-out does not.
public struct SignInLimit: Sendable {
    public var perLogin: Int
    public var perAddress: Int
    public var windowSeconds: Int

    /// 10 attempts a login and 30 an address in 5 minutes: a person who mistypes never meets it.
    public static let standard = SignInLimit(perLogin: 10, perAddress: 30, windowSeconds: 300)

    public init(perLogin: Int, perAddress: Int, windowSeconds: Int) {
        (self.perLogin, self.perAddress, self.windowSeconds) = (perLogin, perAddress, windowSeconds)
    }
}

final class SignInLimiter: @unchecked Sendable {
    private let limit: SignInLimit
    private let lock = NSLock()
    // Guarded by `lock`: each key's attempt times (Unix seconds), oldest first.
    private var attempts: [String: [Int]] = [:]
    /// Past this many keys, expired ones are swept before adding (memory stays bounded under a flood of addresses).
    private let sweepAbove = 10_000
    /// A flood of distinct addresses past this many live keys is refused outright (fail closed) rather than grown.
    private let maxKeys = 200_000
    /// Sweeps run at most once a second, so a flood cannot make every attempt walk the whole table.
    private var lastSweep = Int.min

    init(_ limit: SignInLimit) { self.limit = limit }

    /// Records an attempt for the login and the address and says whether it may go ahead; a refused attempt is
    /// recorded too, so hammering does not reopen the window.
    func allow(login: String, address: String, now: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if attempts.count > sweepAbove, now != lastSweep {
            lastSweep = now
            attempts = attempts.compactMapValues { times in
                let live = times.filter { now - $0 < limit.windowSeconds }
                return live.isEmpty ? nil : live
            }
        }
        guard attempts.count < maxKeys else { return false }
        // An address over its limit adds nothing more: a sprayer cannot grow the table with new logins.
        guard record("address:" + address, now) <= limit.perAddress else { return false }
        return record("login:" + login, now) <= limit.perLogin
    }

    /// Adds now to the key's attempts and returns how many fall in the window.
    private func record(_ key: String, _ now: Int) -> Int {
        var times = (attempts[key] ?? []).filter { now - $0 < limit.windowSeconds }
        // Kept no longer than needed to decide: a flood of one key cannot grow it without bound.
        if times.count > limit.perLogin + limit.perAddress { times.removeFirst() }
        times.append(now)
        attempts[key] = times
        return times.count
    }
}

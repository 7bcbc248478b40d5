import Crypto
import _CryptoExtras

/// Passwords are kept as PBKDF2-HMAC-SHA256 digests with a per-person random salt: slow on purpose (each guess costs
/// `iterations` HMACs), so a stolen copy of the database yields passwords only at great cost. The iteration count is
/// stored with each digest, so raising it later leaves earlier passwords working.
public struct PasswordHash: Sendable, Equatable {
    /// OWASP's 2023 floor for PBKDF2-HMAC-SHA256, and the least swift-crypto accepts without an "unsafe" call.
    public static let iterations = 210_000
    static let saltBytes = 16, digestBytes = 32

    public var digest: String
    public var salt: String
    public var iterations: Int

    /// A new digest of `password` under a fresh salt.
    public static func make(_ password: String, iterations: Int = PasswordHash.iterations) throws -> PasswordHash {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<saltBytes).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return PasswordHash(digest: hex(try derive(password, salt: salt, iterations: iterations)), salt: hex(salt), iterations: iterations)
    }

    /// Whether `password` gives this digest, compared in time independent of where they differ.
    public func matches(_ password: String) throws -> Bool {
        guard let saltBytes = Self.bytes(hex: salt), let expected = Self.bytes(hex: digest) else { return false }
        let derived = try Self.derive(password, salt: saltBytes, iterations: iterations)
        guard derived.count == expected.count else { return false }
        return zip(derived, expected).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    static func derive(_ password: String, salt: [UInt8], iterations: Int) throws -> [UInt8] {
        let key = try KDF.Insecure.PBKDF2.deriveKey(from: Array(password.utf8), salt: salt, using: .sha256,
                                                     outputByteCount: digestBytes, rounds: iterations)
        return key.withUnsafeBytes { Array($0) }
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        return String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0f)]] })
    }

    static func bytes(hex: String) -> [UInt8]? {
        let characters = Array(hex.utf8)
        guard characters.count % 2 == 0 else { return nil }
        var result: [UInt8] = []
        result.reserveCapacity(characters.count / 2)
        for index in stride(from: 0, to: characters.count, by: 2) {
            guard let byte = UInt8(String(decoding: characters[index...index + 1], as: UTF8.self), radix: 16) else { return nil }
            result.append(byte)
        }
        return result
    }
}

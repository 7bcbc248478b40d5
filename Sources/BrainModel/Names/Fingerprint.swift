/// FNV-1a 64-bit: a stable, dependency-free key for file contents and for ids of firms without a 统一社会信用代码.
/// Not cryptographic: it tells re-imports apart from new files, it does not guard against forgery.
public struct Fingerprint: Sendable {
    private(set) var hash: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func add<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
    }

    public var hex: String {
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    public static func of(_ text: String) -> String {
        var fingerprint = Fingerprint()
        fingerprint.add(text.utf8)
        return fingerprint.hex
    }
}

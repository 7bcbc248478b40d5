import Crypto

/// Organisation tokens: 32 random bytes in hex, given to the organisation once; the store keeps their SHA-256, so a
/// copy of the database does not hand out the right to act as anyone.
enum MarketToken {
    static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in hex(UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    static func digest(_ token: String) -> String {
        SHA256.hash(data: Array(token.utf8)).map(hex).joined()
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0f)]])
    }
}

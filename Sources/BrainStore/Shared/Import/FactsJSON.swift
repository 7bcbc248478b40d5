import Foundation
import BrainModel

/// A row's facts as the JSON text `JSONEncoder` (sorted keys, slashes unescaped) writes, byte for byte, at a fraction
/// of its cost: the encoder was a tenth of the import's write thread. The key order is JSONEncoder's own, learnt once
/// per set of keys (a file's rows share one); values are escaped by `JSONText`; keys that would need escaping go
/// through JSONEncoder itself.
struct FactsJSON {
    private let encoder: JSONEncoder
    /// Keys (sorted by `<`) → JSONEncoder's order of them; nil when a key needs escaping.
    private var orders: [[String]: [String]?] = [:]

    init(encoder: JSONEncoder) { self.encoder = encoder }

    mutating func encode(_ facts: [String: String]) throws -> String {
        let keys = facts.keys.sorted()
        let order: [String]?
        if let known = orders[keys] { order = known } else {
            order = try learnOrder(keys)
            if orders.count > 1_000 { orders = [:] }
            orders[keys] = order
        }
        guard let order else { return try encoded(facts) }
        var json: [UInt8] = [UInt8(ascii: "{")]
        json.reserveCapacity(facts.values.reduce(16) { $0 + $1.utf8.count } + order.reduce(0) { $0 + $1.utf8.count + 6 })
        for (i, key) in order.enumerated() {
            if i > 0 { json.append(UInt8(ascii: ",")) }
            json.append(UInt8(ascii: "\""))
            json.append(contentsOf: key.utf8)
            json.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
            JSONText.appendString(facts[key] ?? "", to: &json)
        }
        json.append(UInt8(ascii: "}"))
        return String(decoding: json, as: UTF8.self)
    }

    private func encoded(_ facts: [String: String]) throws -> String {
        String(decoding: try encoder.encode(facts), as: UTF8.self)
    }

    /// The encoder's key order, read from its output for placeholder values: with plain keys every `"` in it opens or
    /// closes a key or a value, so the keys are every other quoted string.
    private func learnOrder(_ keys: [String]) throws -> [String]? {
        guard keys.allSatisfy(Self.isPlain) else { return nil }
        let json = try encoded(Dictionary(uniqueKeysWithValues: keys.map { ($0, "") }))
        let quoted = json.split(separator: "\"", omittingEmptySubsequences: false)
        // {"k1":"","k2":""} splits into "{", k1, ":", "", ",", k2, … : the keys are at 1, 5, 9, …
        let order = stride(from: 1, to: quoted.count, by: 4).map { String(quoted[$0]) }
        return Set(order) == Set(keys) && order.count == keys.count ? order : nil
    }

    /// Text JSONEncoder surely writes as it is (a key the order is read from): no quote, backslash, control character,
    /// DEL, or line/paragraph separator.
    static func isPlain(_ text: String) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F { return false }
            // U+2028 and U+2029 are E2 80 A8 / E2 80 A9.
            if previous == (0xE2, 0x80), byte == 0xA8 || byte == 0xA9 { return false }
            previous = (previous.1, byte)
        }
        return true
    }
}

/// One `FactsJSON` (its learnt key orders) for every thread, behind a lock.
// @unchecked: `json` is read and written only while `lock` is held.
final class SharedFactsJSON: @unchecked Sendable {
    private let lock = NSLock()
    private var json: FactsJSON

    init() {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        json = FactsJSON(encoder: encoder)
    }

    func encode(_ values: [String: String]) throws -> String {
        lock.lock()
        defer { lock.unlock() }
        return try json.encode(values)
    }
}

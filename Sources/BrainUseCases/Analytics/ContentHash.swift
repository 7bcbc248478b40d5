import Foundation

/// A stable 128-bit digest of an `Encodable` value's content (issue 14: the key under which analyses computed from a
/// snapshot are kept on disk between starts). Walks the value as an encoder would, into one running hash, without
/// building any text or nested encoders, so a snapshot of ~100,000 rows is digested in a fraction of what encoding it
/// as JSON takes.
///
/// Stable across processes: a `[String: …]` dictionary, whose order changes from one process to the next, is digested
/// in the order of its keys. A value holding a `Set` or a dictionary of other keys would digest differently from one
/// process to another — a cache miss, never a wrong hit.
public struct ContentHash: Sendable, Hashable, CustomStringConvertible {
    public let high: UInt64
    public let low: UInt64

    public static func of<Value: Encodable>(_ value: Value) throws -> ContentHash {
        let encoder = HashingEncoder()
        try encoder.feed(value)
        return ContentHash(high: HashLanes.mix(encoder.lanes.a), low: HashLanes.mix(encoder.lanes.b))
    }

    /// 32 hex digits.
    public var description: String { Self.hex(high) + Self.hex(low) }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// Two independent multiply-xor lanes, fed a 64-bit word at a time.
struct HashLanes {
    var a: UInt64 = 0xcbf2_9ce4_8422_2325
    var b: UInt64 = 0x6c62_272e_07bb_0142

    @inline(__always) mutating func add(_ word: UInt64) {
        a = (a ^ word) &* 0x100_0000_01b3
        a ^= a >> 29
        b = (b ^ word) &* 0xff51_afd7_ed55_8ccd
        b ^= b >> 31
    }

    /// A tag telling kinds of values apart (text from a number, the start of a nested value from its end).
    mutating func tag(_ tag: UInt8) { add(0x5a5a_0000_0000_0000 | UInt64(tag)) }

    /// The text's UTF-8 bytes eight at a time, after its length (so "ab","c" and "a","bc" differ).
    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            add(UInt64(bytes.count))
            var index = 0
            while index + 8 <= bytes.count {
                add(UnsafeRawBufferPointer(bytes).loadUnaligned(fromByteOffset: index, as: UInt64.self))
                index += 8
            }
            var last: UInt64 = 0
            for (shift, byte) in bytes[index...].enumerated() { last |= UInt64(byte) << (8 * UInt64(shift)) }
            add(last)
        }
    }

    /// splitmix64's finaliser.
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}

/// The one encoder a whole value is fed through: every container writes into its lanes, in encoding order.
final class HashingEncoder: Encoder {
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    var lanes = HashLanes()

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedHashing<Key>(encoder: self))
    }
    func unkeyedContainer() -> any UnkeyedEncodingContainer { UnkeyedHashing(encoder: self) }
    func singleValueContainer() -> any SingleValueEncodingContainer { UnkeyedHashing(encoder: self) }

    /// A primitive by its bits; a `[String: …]` dictionary in the order of its keys; anything else through its own
    /// `encode(to:)`, between a start and an end tag.
    func feed<T: Encodable>(_ value: T) throws {
        switch value {
        case let text as String: lanes.tag(1); lanes.add(text)
        case let number as Int: lanes.tag(2); lanes.add(UInt64(bitPattern: Int64(number)))
        case let number as Double: lanes.tag(3); lanes.add(number.bitPattern)
        case let flag as Bool: lanes.tag(4); lanes.add(flag ? 1 : 0)
        case let number as any FixedWidthInteger: lanes.tag(2); lanes.add(UInt64(truncatingIfNeeded: number))
        case let number as Float: lanes.tag(3); lanes.add(Double(number).bitPattern)
        case let sorted as any SortedEncodable:
            lanes.tag(5)
            try sorted.feedSorted(into: self)
            lanes.tag(6)
        default:
            lanes.tag(7)
            try value.encode(to: self)
            lanes.tag(8)
        }
    }
}

/// A dictionary keyed by text, fed in the order of its keys.
protocol SortedEncodable { func feedSorted(into encoder: HashingEncoder) throws }
extension Dictionary: SortedEncodable where Key == String, Value: Encodable {
    func feedSorted(into encoder: HashingEncoder) throws {
        encoder.lanes.add(UInt64(count))
        for key in keys.sorted() {
            encoder.lanes.add(key)
            if let value = self[key] { try encoder.feed(value) }
        }
    }
}

struct KeyedHashing<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: HashingEncoder
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws { encoder.lanes.add(key.stringValue); encoder.lanes.tag(0) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        encoder.lanes.add(key.stringValue)
        try encoder.feed(value)
    }
    mutating func encode(_ value: String, forKey key: Key) throws { encoder.lanes.add(key.stringValue); encoder.lanes.tag(1); encoder.lanes.add(value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { encoder.lanes.add(key.stringValue); encoder.lanes.tag(2); encoder.lanes.add(UInt64(bitPattern: Int64(value))) }
    mutating func encode(_ value: Double, forKey key: Key) throws { encoder.lanes.add(key.stringValue); encoder.lanes.tag(3); encoder.lanes.add(value.bitPattern) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { encoder.lanes.add(key.stringValue); encoder.lanes.tag(4); encoder.lanes.add(value ? 1 : 0) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { encoder.lanes.add(key.stringValue); try encoder.feed(value) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { encoder.lanes.add(key.stringValue); try encoder.feed(value) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { encoder.lanes.add(key.stringValue); try encoder.feed(value) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { encoder.lanes.add(key.stringValue); try encoder.feed(value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { encoder.lanes.add(key.stringValue); try encoder.feed(value) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { encoder.lanes.add(key.stringValue); try encoder.feed(value) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { encoder.lanes.add(key.stringValue); try encoder.feed(value) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { encoder.lanes.add(key.stringValue); try encoder.feed(value) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { encoder.lanes.add(key.stringValue); try encoder.feed(value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { encoder.lanes.add(key.stringValue); try encoder.feed(value) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        encoder.lanes.add(key.stringValue)
        return KeyedEncodingContainer(KeyedHashing<NestedKey>(encoder: encoder))
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        encoder.lanes.add(key.stringValue)
        return UnkeyedHashing(encoder: encoder)
    }
    mutating func superEncoder() -> any Encoder { encoder }
    mutating func superEncoder(forKey key: Key) -> any Encoder { encoder.lanes.add(key.stringValue); return encoder }
}

/// Arrays and single values, in order.
struct UnkeyedHashing: UnkeyedEncodingContainer, SingleValueEncodingContainer {
    let encoder: HashingEncoder
    var codingPath: [any CodingKey] { [] }
    var count = 0

    mutating func encodeNil() throws { encoder.lanes.tag(0); count += 1 }
    mutating func encode<T: Encodable>(_ value: T) throws { try encoder.feed(value); count += 1 }
    mutating func encode(_ value: String) throws { encoder.lanes.tag(1); encoder.lanes.add(value); count += 1 }
    mutating func encode(_ value: Int) throws { encoder.lanes.tag(2); encoder.lanes.add(UInt64(bitPattern: Int64(value))); count += 1 }
    mutating func encode(_ value: Double) throws { encoder.lanes.tag(3); encoder.lanes.add(value.bitPattern); count += 1 }
    mutating func encode(_ value: Bool) throws { encoder.lanes.tag(4); encoder.lanes.add(value ? 1 : 0); count += 1 }
    mutating func encode(_ value: Int8) throws { try encoder.feed(value); count += 1 }
    mutating func encode(_ value: Int16) throws { try encoder.feed(value); count += 1 }
    mutating func encode(_ value: Int32) throws { try encoder.feed(value); count += 1 }
    mutating func encode(_ value: Int64) throws { try encoder.feed(value); count += 1 }
    mutating func encode(_ value: UInt) throws { try encoder.feed(value); count += 1 }
    mutating func encode(_ value: UInt8) throws { try encoder.feed(value); count += 1 }
    mutating func encode(_ value: UInt16) throws { try encoder.feed(value); count += 1 }
    mutating func encode(_ value: UInt32) throws { try encoder.feed(value); count += 1 }
    mutating func encode(_ value: UInt64) throws { try encoder.feed(value); count += 1 }
    mutating func encode(_ value: Float) throws { try encoder.feed(value); count += 1 }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(KeyedHashing<NestedKey>(encoder: encoder))
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { UnkeyedHashing(encoder: encoder) }
    mutating func superEncoder() -> any Encoder { encoder }
}

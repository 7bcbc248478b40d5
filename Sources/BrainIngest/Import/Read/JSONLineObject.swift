import BrainModel
/// One JSON Lines row parsed by hand: an object whose values are text, numbers, booleans or null. Hand-written so
/// that every way a line can be wrong gets its own reason naming the key (a number out of range, a key given twice,
/// a nested list) where Foundation's decoder only says "not valid JSON", and so that nesting is refused at its first
/// bracket instead of being parsed to any depth.
struct JSONLineObject {
    private let bytes: [UInt8]
    private var i = 0

    /// Key → cell text (numbers as written when integral beyond Int64, else as Swift prints them; null as empty).
    static func parse(_ text: String) -> Result<[String: String], RowReaderError> {
        var parser = JSONLineObject(bytes: Array(text.utf8))
        do { return .success(try parser.object()) } catch { return .failure(error) }
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func object() throws(RowReaderError) -> [String: String] {
        skipSpace()
        guard i < bytes.count else { throw RowReaderError("read.json-empty-line") }
        guard bytes[i] == UInt8(ascii: "{") else {
            throw RowReaderError("read.json-not-object", ["found": Self.show(bytes[i])])
        }
        i += 1
        var result: [String: String] = [:]
        skipSpace()
        if peek(UInt8(ascii: "}")) { i += 1; return try end(result) }
        while true {
            skipSpace()
            guard peek(UInt8(ascii: "\"")) else { throw RowReaderError("read.json-expected-key", ["position": String(i + 1)]) }
            let key = try string(for: nil)
            skipSpace()
            guard peek(UInt8(ascii: ":")) else { throw RowReaderError("read.json-expected-colon", ["key": key]) }
            i += 1
            skipSpace()
            let value = try self.value(key)
            guard result.updateValue(value, forKey: key) == nil else {
                throw RowReaderError("read.json-duplicate-key", ["key": key])
            }
            skipSpace()
            if peek(UInt8(ascii: ",")) { i += 1; continue }
            if peek(UInt8(ascii: "}")) { i += 1; return try end(result) }
            throw RowReaderError("read.json-expected-comma", ["key": key])
        }
    }

    private mutating func end(_ result: [String: String]) throws(RowReaderError) -> [String: String] {
        skipSpace()
        guard i == bytes.count else { throw RowReaderError("read.json-text-after-object") }
        return result
    }

    private mutating func value(_ key: String) throws(RowReaderError) -> String {
        guard i < bytes.count else { throw RowReaderError("read.json-no-value", ["key": key]) }
        switch bytes[i] {
        case UInt8(ascii: "\""): return try string(for: key)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            throw RowReaderError("read.json-nested", ["key": key])
        case UInt8(ascii: "t"): return try literal("true", key, "true")
        case UInt8(ascii: "f"): return try literal("false", key, "false")
        case UInt8(ascii: "n"): return try literal("null", key, "")
        default: return try number(key)
        }
    }

    private mutating func literal(_ word: String, _ key: String, _ text: String) throws(RowReaderError) -> String {
        let expected = Array(word.utf8)
        guard bytes.count - i >= expected.count, Array(bytes[i..<(i + expected.count)]) == expected else {
            throw RowReaderError("read.json-bad-value", ["key": key])
        }
        i += expected.count
        return text
    }

    /// A JSON number: the grammar checked, then read. An integer beyond Int64 keeps its digits (nothing lost); a
    /// number no Double holds (1e999) is an error, not infinity.
    private mutating func number(_ key: String) throws(RowReaderError) -> String {
        let start = i
        if peek(UInt8(ascii: "-")) { i += 1 }
        let integerStart = i
        while i < bytes.count, Self.isDigit(bytes[i]) { i += 1 }
        let integerDigits = i - integerStart
        var integral = true
        if peek(UInt8(ascii: ".")) {
            integral = false
            i += 1
            let fraction = i
            while i < bytes.count, Self.isDigit(bytes[i]) { i += 1 }
            guard i > fraction else { throw invalidNumber(key, start) }
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            integral = false
            i += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { i += 1 }
            let exponent = i
            while i < bytes.count, Self.isDigit(bytes[i]) { i += 1 }
            guard i > exponent else { throw invalidNumber(key, start) }
        }
        guard integerDigits > 0, !(integerDigits > 1 && bytes[integerStart] == UInt8(ascii: "0")) else { throw invalidNumber(key, start) }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        if integral { return Int64(text).map { String($0) } ?? text }
        guard let value = Double(text), value.isFinite else {
            throw RowReaderError("read.json-number-range", ["key": key, "text": String(text.prefix(40))])
        }
        return String(value)
    }

    private func invalidNumber(_ key: String, _ start: Int) -> RowReaderError {
        let end = bytes[start...].firstIndex { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "}") } ?? bytes.count
        let shown = String(decoding: bytes[start..<min(end, start + 40)], as: UTF8.self)
        return RowReaderError("read.json-bad-number", ["key": key, "text": shown])
    }

    /// A string at `i` (which holds the opening quote), its escapes decoded. `key`: the key whose value it is (nil
    /// for a key itself), for the error.
    private mutating func string(for key: String?) throws(RowReaderError) -> String {
        let what = key.map { (zh: "键“\($0)”的值", en: "the value of key “\($0)”") } ?? (zh: "某个键", en: "a key")
        i += 1
        var out: [UInt8] = []
        while i < bytes.count {
            let byte = bytes[i]
            i += 1
            switch byte {
            case UInt8(ascii: "\""): return String(decoding: out, as: UTF8.self)
            case 0x00...0x1F:
                throw Self.error("read.json-control-character", what, ["code": String(byte, radix: 16, uppercase: true)])
            case UInt8(ascii: "\\"):
                guard i < bytes.count else { break }
                let escape = bytes[i]
                i += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    guard let scalar = try unicodeEscape(what) else { continue }
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                default: throw Self.error("read.json-unknown-escape", what, ["escape": Self.show(escape)])
                }
            default: out.append(byte)
            }
        }
        throw Self.error("read.json-unclosed-string", what)
    }

    /// `\uXXXX` (after the `u`), a surrogate pair joined; a lone surrogate is an error.
    private mutating func unicodeEscape(_ what: Phrase) throws(RowReaderError) -> Unicode.Scalar? {
        guard let high = hex4() else { throw Self.error("read.json-short-escape", what) }
        if (0xD800...0xDBFF).contains(high) {
            guard bytes.count - i >= 6, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                throw Self.error("read.json-lone-surrogate", what, ["unit": String(high, radix: 16)])
            }
            i += 2
            guard let low = hex4(), (0xDC00...0xDFFF).contains(low) else {
                throw Self.error("read.json-lone-surrogate", what, ["unit": String(high, radix: 16)])
            }
            return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
        }
        guard let scalar = Unicode.Scalar(high) else {
            throw Self.error("read.json-lone-surrogate", what, ["unit": String(high, radix: 16)])
        }
        return scalar
    }

    /// Where in the object a problem is (a key, or the value of a named key), in both languages.
    typealias Phrase = (zh: String, en: String)

    private static func error(_ code: String, _ what: Phrase, _ values: [String: String] = [:]) -> RowReaderError {
        RowReaderError(Reason(code, values).with("what", zh: what.zh, en: what.en))
    }

    private mutating func hex4() -> UInt32? {
        guard bytes.count - i >= 4 else { return nil }
        var value: UInt32 = 0
        for byte in bytes[i..<(i + 4)] {
            guard let digit = Character(UnicodeScalar(byte)).hexDigitValue else { return nil }
            value = value * 16 + UInt32(digit)
        }
        i += 4
        return value
    }

    private func peek(_ byte: UInt8) -> Bool { i < bytes.count && bytes[i] == byte }

    private mutating func skipSpace() {
        while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func show(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? "'\(Character(UnicodeScalar(byte)))'" : "0x\(String(byte, radix: 16, uppercase: true))"
    }
}

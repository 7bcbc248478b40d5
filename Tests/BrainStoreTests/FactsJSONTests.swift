import Foundation
import Testing
@testable import BrainStore

/// The import writes each row's facts with `FactsJSON` instead of JSONEncoder: the stored text must be the same bytes.
@Suite struct FactsJSONTests {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    func expectSameAsEncoder(_ facts: [String: String], _ json: inout FactsJSON) throws {
        let expected = String(decoding: try Self.encoder.encode(facts), as: UTF8.self)
        #expect(try json.encode(facts) == expected)
    }

    @Test func keyOrderIsTheEncodersOwn() throws {
        var json = FactsJSON(encoder: Self.encoder)
        // Case, digits (the encoder's order is not `<`: extra:a10 after extra:a9), Chinese headers, punctuation.
        let keys = ["name", "uscc", "address", "scope", "extra:备注", "extra:B", "extra:a", "extra:a10", "extra:a9", "extra:注册资本(万元)",
                    "extra:Ä", "extra:_x", "extra:-y", "extra:1", "extra:01", "extra:é", "extra:E", "extra: space", "extra:http://x/y"]
        var random = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let subset = keys.filter { _ in Bool.random(using: &random) }
            try expectSameAsEncoder(Dictionary(uniqueKeysWithValues: subset.map { ($0, "苏州\($0.count)号") }), &json)
        }
    }

    @Test func valuesThatNeedEscapingMatchTheEncoder() throws {
        var json = FactsJSON(encoder: Self.encoder)
        let values = ["plain", "", "引号\"内", "back\\slash", "a/b", "tab\there", "line\nbreak", "\u{7F}del", "\u{2028}ls", "\u{2029}ps",
                      "emoji 🧬", "\u{0}nul", "\u{1F}", "全角　空格", "\u{85}nel", "\u{FEFF}bom", "\u{200B}zw"]
        for value in values {
            try expectSameAsEncoder(["name": value, "scope": "x"], &json)
            try expectSameAsEncoder(["extra:\(value)": "v", "name": "n"], &json)
        }
    }

    @Test func everyBMPCharacterAsAValueMatchesTheEncoder() throws {
        var json = FactsJSON(encoder: Self.encoder)
        for code in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(code) else { continue }
            try expectSameAsEncoder(["name": "a\(Character(scalar))b", "uscc": "9132"], &json)
        }
    }
}

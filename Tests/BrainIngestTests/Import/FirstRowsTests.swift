import BrainModel
import Foundation
import Testing
@testable import BrainIngest

/// The check's compact de-duplication (`FirstRows`) names the same first rows as the `[String: Int]` dictionaries it
/// replaced: packed codes, names in an arena, growth of both tables, and hash-tag collisions among many names.
@Suite struct FirstRowsTests {
    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")

    @Test func packedCodesAreOneToOneOnTheAlphabet() throws {
        let code = "91330100799655058B"
        let packed = try #require(PackedUSCC(code))
        // Every other character at every position packs to another code.
        for position in 0..<18 {
            for letter in Self.alphabet where letter != Array(code)[position] {
                var changed = Array(code)
                changed[position] = letter
                let other = try #require(PackedUSCC(String(changed)))
                #expect(!other.sameCode(packed), "\(String(changed))")
            }
        }
        #expect(try #require(PackedUSCC("YYYYYYYYYYYYYYYYYY")).sameCode(try #require(PackedUSCC("YYYYYYYYYYYYYYYYYY"))))
        // Not 18 characters of the alphabet: not packed (lower case, I O Z S V, full width, spaces, length, non-ASCII).
        for bad in ["91330100799655058b", "91330100799655058I", "91330100799655058O", "９1330100799655058B", "9133010079965505 8B",
                    "91330100799655058", "91330100799655058B1", "", "9133010079965505中B"] {
            #expect(PackedUSCC(bad) == nil, "\(bad)")
        }
    }

    @Test func packedRowsRoundTripWithoutTouchingTheCode() throws {
        let packed = try #require(PackedUSCC("YYYYYYYYYYYYYYYYYY"))
        for row in [0, 1, 2, 1 << 19 - 1, 1 << 19, 1 << 19 + 1, 123_456_789, PackedUSCC.rowLimit - 2] {
            let stored = packed.with(row: row)
            #expect(stored.row == row)
            #expect(!stored.isEmpty)
            #expect(stored.sameCode(packed))
            #expect(stored.with(row: 5).row == 5)
        }
    }

    @Test func codesNameTheirFirstRowAsADictionaryDoes() {
        var random = SplitMix64(seed: 16)
        var distinct: [String] = []
        for _ in 0..<3_000 { distinct.append(String((0..<18).map { _ in Self.alphabet[random.below(31)] })) }
        // Neighbours: codes one character apart must stay apart.
        distinct += distinct.prefix(500).map { String($0.dropLast()) + ($0.last == "0" ? "1" : "0") }
        distinct += ["not a code", "91330100799655058b"]  // unpackable ones take the dictionary
        var rows = FirstRows(), expected: [String: Int] = [:]
        for row in 0..<40_000 {
            let code = distinct[random.below(distinct.count)]
            let first = expected[code]
            if first == nil { expected[code] = row }
            #expect(rows.code(code, row: row) == first, "\(code) at \(row)")
        }
    }

    @Test func namesNameTheirFirstRowAsADictionaryDoes() {
        var random = SplitMix64(seed: 4)
        let pieces = ["华为", "技术", "有限公司", "A", "é", "e\u{301}", "ｅ", "😀", "臺灣", "", " ", "\u{200B}", "(北京)", "ß", "Ⅻ"]
        // 200,000 names: many share the 24 hash bits a slot keeps, so the byte comparison behind them is exercised.
        var names = (0..<200_000).map { "合成企业\($0)" }
        for _ in 0..<2_000 { names.append((0..<random.below(5)).map { _ in pieces[random.below(pieces.count)] }.joined()) }
        var rows = FirstRows(), expected: [String: Int] = [:]
        for row in 0..<300_000 {
            let name = row < 200_000 ? names[row] : names[random.below(names.count)]
            let first = expected[name]
            if first == nil { expected[name] = row }
            #expect(rows.name(name, row: row) == first, "\(name) at \(row)")
        }
    }

    @Test func canonicallyEquivalentNamesAreOneName() {
        var rows = FirstRows()
        #expect(rows.name("Café 合成", row: 7) == nil)
        #expect(rows.name("Cafe\u{301} 合成", row: 9) == 7)  // other bytes, the same String
        #expect(rows.name("Cafe 合成", row: 10) == nil)
        #expect(rows.name("", row: 11) == nil)
        #expect(rows.name("", row: 12) == 11)
    }
}

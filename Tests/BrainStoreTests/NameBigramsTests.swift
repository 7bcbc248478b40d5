import Testing
@testable import BrainStore

/// The fast path of `NameBigrams.of` (names of single-scalar characters) must give the grams by characters exactly.
@Suite struct NameBigramsTests {
    @Test func fastPathEqualsGramsByCharacters() {
        let pieces = ["江苏", "恒瑞", "医药", "股份有限公司", "（上海）", "(集团)", "ABC", "Bio-Tech", "ｂｉｏ", "Ａ", "〇", "、", "　", " ", "x", "9",
                      "\u{3029}", "\u{3030}", "\u{4DBF}", "\u{3400}"]
        var random = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let name = (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            for length in [2, 3] {
                #expect(NameBigrams.of(name, length: length) == NameBigrams.byCharacters(name, length: length), "\(name)")
            }
        }
    }

    @Test func namesWithJoiningCharactersTakeTheCharacterPath() {
        // A combining mark, an ideographic tone mark, a variation selector, a joiner, CR LF, an emoji: not single-scalar.
        for name in ["e\u{301}医药", "医\u{302A}药", "葛\u{E0100}根", "a\u{200D}b", "甲\r\n乙", "生物🧬科技"] {
            #expect(NameBigrams.singleScalarCharacters(name) == nil, "\(name)")
            #expect(NameBigrams.of(name) == NameBigrams.byCharacters(name, length: 2))
        }
    }

    /// The import's gram changes by sorted numbers equal the grams by strings: same grams, same (string) order.
    @Test func changesBySortedKeysEqualChangesBySets() {
        let pieces = ["江苏", "恒瑞", "医药", "股份有限公司", "（上海）", "(集团)", "ABC", "Bio-Tech", "ｂｉｏ", "ＢＩＯ", "Ａ", "〇", "、", "　", " ",
                      "x", "Z", "9", "~", "\u{3029}", "\u{3030}", "\u{4DBF}", "\u{3400}", "\u{FF5E}", "\u{FF01}"]
        var random = SystemRandomNumberGenerator()
        func name() -> String { (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined() }
        for _ in 0..<2_000 {
            let old = (0..<Int.random(in: 0...2, using: &random)).map { _ in name() }, new = (0..<Int.random(in: 0...2, using: &random)).map { _ in name() }
            for length in [2, 3] {
                let before = old.reduce(into: Set<String>()) { $0.formUnion(NameBigrams.byCharacters($1, length: length)) }
                let after = new.reduce(into: Set<String>()) { $0.formUnion(NameBigrams.byCharacters($1, length: length)) }
                let changes = NameBigrams.changes(from: old, to: new, length: length)
                #expect(changes.removed == before.subtracting(after).sorted(), "\(old) → \(new)")
                #expect(changes.added == after.subtracting(before).sorted(), "\(old) → \(new)")
            }
        }
    }

    /// Every single-scalar character, beside every other class of them: lower case and order as strings have them.
    @Test func everySingleScalarCharacterLowersAndSortsAsItsString() {
        let ranges: [ClosedRange<UInt32>] = [0x20...0x7E, 0x3000...0x3029, 0x3030...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF5E]
        let all = ranges.flatMap { $0 }.compactMap(Unicode.Scalar.init).map { String($0) }
        for start in stride(from: 0, to: all.count, by: 64) {
            let name = all[start..<min(start + 64, all.count)].joined() + "Aa中Ｚ"
            #expect(NameBigrams.sortedKeys([name], length: 2) != nil)
            #expect(NameBigrams.changes(from: [], to: [name], length: 2).added == NameBigrams.byCharacters(name, length: 2).sorted(), "\(name)")
        }
        #expect(NameBigrams.sortedKeys(["医\u{302A}药"], length: 2) == nil)
        #expect(NameBigrams.changes(from: ["医\u{302A}药"], to: [], length: 2).removed == NameBigrams.byCharacters("医\u{302A}药", length: 2).sorted())
    }
}

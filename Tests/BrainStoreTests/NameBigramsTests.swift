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
}

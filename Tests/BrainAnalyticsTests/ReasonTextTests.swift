@testable import BrainModel
import Testing

@Suite struct ReasonTextTests {
    @Test func fillsSlotsAndPrefersEnglishValuesInEnglish() {
        let values = ["node": "化学药", "node.en": "Chemical drugs", "density": "0.54"]
        #expect(ReasonText.fill("{node} 密度 {density}", with: values, language: .zh) == "化学药 密度 0.54")
        #expect(ReasonText.fill("{node}: density {density}", with: values, language: .en) == "Chemical drugs: density 0.54")
        #expect(ReasonText.fill("missing {absent}", with: values, language: .en) == "missing –")
        // A value in Chinese only is data (a name): quoted as written in English, as it is in Chinese.
        #expect(ReasonText.fill("{city}: {n} firms", with: ["city": "苏州市", "n": "3"], language: .en) == "“苏州市”: 3 firms")
        #expect(ReasonText.fill("{city}: {n} 家", with: ["city": "苏州市", "n": "3"], language: .zh) == "苏州市: 3 家")
        #expect(ReasonText.fill("in {city}", with: ["city": "“苏州市”"], language: .en) == "in “苏州市”")
        #expect(ReasonText.fill("names “{word}”", with: ["word": "承接"], language: .en) == "names “承接”")
    }

    /// "1 firms" read wrong on English pages: a count of one takes the singular, others the plural, "(s)" resolved.
    @Test func englishNounsAgreeWithTheirCount() {
        #expect(ReasonText.fill("{n} firms here", with: ["n": "1"], language: .en) == "1 firm here")
        #expect(ReasonText.fill("{n} firm(s) here, but LQ", with: ["n": "1"], language: .en) == "1 firm here, but LQ")
        #expect(ReasonText.fill("{n} firm(s) here", with: ["n": "3"], language: .en) == "3 firms here")
        #expect(ReasonText.fill("supply {n} local firms: x", with: ["n": "1"], language: .en) == "supply 1 local firm: x")
        #expect(ReasonText.fill("{n} product link(s), e.g.", with: ["n": "1"], language: .en) == "1 product link, e.g.")
        #expect(ReasonText.fill("({n} firms, LQ 2)", with: ["n": "1"], language: .en) == "(1 firm, LQ 2)")
        #expect(ReasonText.fill("{n} universities", with: ["n": "1"], language: .en) == "1 university")
        // Not a count, or not a countable noun: unchanged; Chinese untouched.
        #expect(ReasonText.fill("{n} is shown", with: ["n": "1"], language: .en) == "1 is shown")
        #expect(ReasonText.fill("{n} has fields", with: ["n": "1"], language: .en) == "1 has fields")
        #expect(ReasonText.fill("{n} 家企业", with: ["n": "1"], language: .zh) == "1 家企业")
    }

    @Test func unknownCodeStillReadsAsItsCodeAndValues() {
        #expect(ReasonText.render(Reason("no.such.code", ["b": "2", "a": "1"]), in: .zh) == "no.such.code a=1 b=2")
    }

    @Test func languageFromQuery() {
        #expect(DisplayLanguage(query: "en-US") == .en)
        #expect(DisplayLanguage(query: nil) == .zh)
        #expect(DisplayLanguage(query: "zh-CN") == .zh)
    }

    /// Every template names the same slots in both languages, and the Chinese one has Chinese in it.
    @Test func catalogueTemplatesAgreeAcrossLanguages() {
        let parts = ReasonCatalogue.parts.flatMap { $0.keys }
        #expect(parts.count == Set(parts).count, "a reason code is worded twice")
        for (code, template) in ReasonText.templates {
            #expect(slots(template.zh) == slots(template.en), "\(code): slots differ between zh and en")
            #expect(template.zh.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(code): no Chinese")
        }
    }

    private func slots(_ pattern: String) -> Set<String> {
        var names: Set<String> = []
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}

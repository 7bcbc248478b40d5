@testable import BrainModel
import Testing

@Suite struct ReasonTextTests {
    @Test func fillsSlotsAndPrefersEnglishValuesInEnglish() {
        let values = ["node": "化学药", "node.en": "Chemical drugs", "density": "0.54"]
        #expect(ReasonText.fill("{node} 密度 {density}", with: values, language: .zh) == "化学药 密度 0.54")
        #expect(ReasonText.fill("{node}: density {density}", with: values, language: .en) == "Chemical drugs: density 0.54")
        #expect(ReasonText.fill("missing {absent}", with: values, language: .en) == "missing –")
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

import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import BrainServer
import BrainModel

/// Chain-assignment evidence in the JSON API (issue 18): codes and values, with `text` in the language asked for.
@Suite struct ChainEvidenceAPITests {
    static func hasChinese(_ text: String) -> Bool {
        text.replacingOccurrences(of: "“[^”]*”", with: "", options: .regularExpression)
            .unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }

    @Test func nodeFirmsAndPortraitsWordTheirEvidencePerLanguage() async throws {
        try await ServerFixture.withApp { client in
            for lang in ["zh", "en"] {
                try await client.execute(uri: "/api/chain/nodes/api?lang=\(lang)", method: .get) { response in
                    #expect(response.status == .ok)
                    let firms = try #require(try ServerFixture.jsonObject(response.body)["firms"] as? [[String: Any]])
                    let reasons = firms.flatMap { ($0["evidence"] as? [[String: Any]]) ?? [] }
                    #expect(!firms.isEmpty && reasons.count >= firms.count)
                    for reason in reasons {
                        let text = reason["text"] as? String ?? ""
                        #expect((reason["code"] as? String)?.hasPrefix("evidence.") == true)
                        #expect(lang == "zh" ? Self.hasChinese(text) : !Self.hasChinese(text), "\(lang): \(text)")
                    }
                }
                try await client.execute(uri: "/api/enterprises/600276.SH/portrait?lang=\(lang)", method: .get) { response in
                    #expect(response.status == .ok)
                    let evidence = try #require(try ServerFixture.jsonObject(response.body)["evidence"] as? [String: [[String: Any]]])
                    let texts = evidence.values.flatMap { $0 }.compactMap { $0["text"] as? String }
                    #expect(!texts.isEmpty)
                    #expect(texts.allSatisfy { lang == "zh" ? Self.hasChinese($0) || !$0.isEmpty : !Self.hasChinese($0) }, "\(texts)")
                }
            }
        }
    }
}

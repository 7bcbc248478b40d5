import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import BrainServer
import BrainUseCases

@Suite struct ImportPageTests {
    /// The upload form lists the registry's kinds, in its order, with their Chinese and English labels.
    @Test func theSignedInUploadFormListsEveryImportableKind() async throws {
        let (a, _) = try await MarketAPITests.organisations()
        try await ServerFixture.withApp { client in
            let session = try await ServerFixture.signIn(client, token: a.token).session
            let page = try await client.execute(uri: "/import", method: .get, headers: ServerFixture.browser(session)) { String(buffer: $0.body) }
            let select = try #require(page.range(of: "<select id=\"kind\" name=\"kind\">").map { page[$0.upperBound...] })
            let list = try #require(select.range(of: "</select>").map { select[..<$0.lowerBound] })
            let options = list.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            #expect(options == ImportKind.importableKinds.map { "<option value=\"\($0.rawValue)\" data-en=\"\($0.label.en)\">\($0.label.zh)</option>" })
            #expect(options.contains("<option value=\"relations\" data-en=\"Product relations\">产品关系</option>"))
        }
    }
}

import Foundation
import Testing
import BrainIngest

@Suite struct AddressResolverTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let resolver = Result { try AddressResolver.load(dataFolder: root.appendingPathComponent("data")) }

    @Test func labelledFixtureIsReadCorrectlyAtEveryLevel() throws {
        let fixture = try AddressFixture(file: Self.root.appendingPathComponent("Tests/BrainIngestTests/Fixtures/addresses.tsv"))
        #expect(fixture.cases.count >= 200)
        let accuracy = fixture.accuracy(of: try Self.resolver.get())
        for (item, got) in accuracy.misses {
            Issue.record("\(item.address): expected \(item.status) \(item.provinceCode ?? "-") \(item.cityCode ?? "-") \(item.districtCode ?? "-"), got \(got.status) \(got.provinceCode ?? "-") \(got.cityCode ?? "-") \(got.districtCode ?? "-")")
        }
    }

    @Test func bareSharedNameIsAmbiguousWithCandidates() throws {
        let got = try Self.resolver.get().resolve("鼓楼区中山路1号")
        #expect(got.status == .ambiguous)
        #expect(got.districtCode == nil)
        let districts = Set((got.candidates ?? []).compactMap(\.districtCode))
        #expect(districts.isSuperset(of: ["320106", "350102", "320302", "410204"]))
    }

    @Test func hintDecidesABareSharedName() throws {
        let got = try Self.resolver.get().resolve("鼓楼区中山路1号", hint: "350100")
        #expect(got.status == .ok && got.districtCode == "350102")
    }

    @Test func roadNamedAfterACityIsNotTheCity() throws {
        let got = try Self.resolver.get().resolve("中山路18号")
        #expect(got.status == .unknown && got.cityCode == nil)
    }

    @Test func formerNameSaysWhatItBecame() throws {
        let got = try Self.resolver.get().resolve("山东省莱芜市钢城区府前大街")
        #expect(got.cityCode == "370100" && got.districtCode == "370117")
        #expect(got.notes?.contains { $0.contains("莱芜市") } == true)
    }

    @Test func jsonUsesSnakeCaseFields() throws {
        let data = try JSONEncoder().encode(try Self.resolver.get().resolve("江苏省苏州市吴中区"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["province_code"] as? String == "320000")
        #expect(object["district_name"] as? String == "吴中区")
        #expect(object["status"] as? String == "ok")
    }
}

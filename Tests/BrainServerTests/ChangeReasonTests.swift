import Foundation
import Testing
import BrainModel
@testable import BrainServer

/// The feed's node and quality changes read per language: node ids as the chain's names, the quality input's field
/// named, nothing English on the Chinese side.
@Suite struct ChangeReasonTests {
    static func change(_ code: Change.Code, _ values: [String: String]) -> Change {
        Change(importId: 3, at: "2026-11-30T03:00:00Z", asOf: "2026-11-01", organisationId: nil, code: code, enterpriseId: "X",
               provinceCode: "320000", cityCode: "320500", districtCode: nil, nodeIds: ["cro"], values: values)
    }

    @Test func nodeChangesNameTheNodesInEachLanguage() {
        let names = ["node:cro": "CRO 研发外包", "node.en:cro": "CRO", "node:antibodies": "抗体药物", "node.en:antibodies": "Antibodies"]
        let text = ReasonText.bilingual(RegionNames.reason(Self.change(.firmNode, ["name": "丙医药", "added": "cro", "removed": "antibodies"]), names))
        #expect(text.zh == "产业链节点变化：丙医药 新增 CRO 研发外包，移除 抗体药物")
        #expect(text.en == "chain nodes changed: “丙医药” added CRO, removed Antibodies")
        let none = ReasonText.bilingual(RegionNames.reason(Self.change(.firmNode, ["name": "丙医药", "added": "cro", "removed": ""]), names))
        #expect(none.zh.hasSuffix("移除 —") && none.en.hasSuffix("removed none"))
    }

    @Test func qualityChangesNameTheirInput() {
        let text = ReasonText.bilingual(RegionNames.reason(Self.change(.firmQuality, ["name": "丙医药", "field": "employees", "before": "10", "after": "25"]), [:]))
        #expect(text.zh == "质量指标变化：丙医药 的从业人数由 10 变为 25")
        #expect(text.en == "quality input changed: “丙医药” employees from 10 to 25")
    }
}

import Testing
import BrainModel
@testable import BrainStore

@Suite struct ReviewRegionNamesTests {
    static let places = ReviewRegionNames([
        ("110000", "北京市", "000000"), ("110100", "北京市", "110000"), ("110101", "东城区", "110100"),
        ("320000", "江苏省", "000000"), ("320500", "苏州市", "320000"), ("320571", "苏州工业园区", "320500"),
        ("500000", "重庆市", "000000"), ("500200", "重庆市(辖县)", "500000"), ("500229", "城口县", "500200"),
        ("999901", "自环区", "999901"),
    ])

    @Test func codesReadAsPlacesFromTheProvinceDown() {
        #expect(Self.places.place("320500") == "江苏省苏州市")
        #expect(Self.places.place("320571") == "江苏省苏州市苏州工业园区")
        #expect(Self.places.place("110101") == "北京市东城区")
        #expect(Self.places.place("110000") == "北京市")
        #expect(Self.places.place("500229") == "重庆市城口县")
        #expect(Self.places.place("999901") == "自环区")
        #expect(Self.places.place("320599") == nil && Self.places.place("") == nil)
    }

    /// Only the review reasons that compare regions are worded; the file check's address reasons keep their codes,
    /// which sit beside codes that stay codes.
    @Test func onlyTheReviewsRegionReasonsAreWorded() {
        let item = ReviewItem(id: 1, importId: 1, file: "a.csv", row: 2, kind: .sameEntity, name: "甲", enterpriseId: nil, candidateId: nil,
                              candidateName: nil, reasons: [Reason("review.name-region-differs", ["city": "320500", "region": "110101", "target": "乙"]),
                                                            Reason("import.address-city-differs", ["city": "320500", "authority": "320500"])],
                              status: .pending, decidedAt: nil)
        let named = Self.places.named(item)
        #expect(named.reasons[0].values["city"] == "江苏省苏州市" && named.reasons[0].values["region"] == "北京市东城区")
        #expect(named.reasons[1] == item.reasons[1])
        #expect(named.reason.contains("该企业在江苏省苏州市，本行在北京市东城区"), "\(named.reason)")
    }
}

import Foundation
import Testing
import BrainAnalytics
import BrainIngest
import BrainModel

/// A park lists the listed firms whose annual-report address names it, within the park's city (real bundled data).
@Suite struct ParkFirmsTests {
    @Test func bioBayHoldsTheFirmsAtXinghuStreet218() throws {
        let index = try RealDataAnalyticsTests.index.get()
        let park = try #require(index.data.parks.first { $0.id == "suzhou-biobay" })
        let members = ParkFirms.members(of: park, in: index)
        let ids = Set(members.map(\.enterprise.id))
        #expect(ids.isSuperset(of: ["688166.SH", "688656.SH", "688607.SH"]), "\(ids)")   // 博瑞医药, 浩欧博, 康众医疗
        #expect(members.allSatisfy { $0.enterprise.cityCode == "320500" && $0.address.contains("星湖街218号") })
        #expect(members.first?.enterprise.isBiomedicine == true, "biomedicine firms first")
    }

    @Test func aParkWithoutMarkersListsNoMembers() throws {
        let index = try RealDataAnalyticsTests.index.get()
        let park = try #require(index.data.parks.first { $0.id == "kunshan-sirna" })
        #expect(park.addressMarkers.isEmpty)
        #expect(ParkFirms.members(of: park, in: index).isEmpty)
    }

    @Test func yizhuangMembersAreBeijingFirmsOnly() throws {
        let index = try RealDataAnalyticsTests.index.get()
        let park = try #require(index.data.parks.first { $0.id == "beijing-yizhuang" })
        let members = ParkFirms.members(of: park, in: index)
        #expect(members.count >= 10)
        #expect(members.allSatisfy { $0.enterprise.cityCode == "110100" })
        #expect(members.contains { $0.enterprise.id == "300759.SZ" }, "康龙化成")
    }
}

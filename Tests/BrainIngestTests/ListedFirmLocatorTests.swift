import Foundation
import Testing
import BrainModel
@testable import BrainIngest

/// The location rule of listed firms (registered address first, then office; an address in another city is not
/// trusted), on real addresses from data/companies/addresses_finglm.csv.
@Suite struct ListedFirmLocatorTests {
    static let locator = Result { () throws -> ListedFirmLocator in
        let regions = try BundleFixture.bundle().regions
        return ListedFirmLocator(resolver: try AddressResolver.load(dataFolder: BundleFixture.dataFolder), regions: regions)
    }

    func locate(city: String?, year: Int? = 2021, registered: String?, office: String?) throws -> (Enterprise, EnterpriseLocation) {
        var firm = Enterprise(id: "T", name: "T", stockCode: "000000", cityCode: city, provenance: Provenance(source: "test", asOf: "2024"))
        firm.provinceCode = city.map(Region.provinceCode(of:))
        let location = try Self.locator.get().locate(&firm, addresses: .init(reportYear: year, registered: registered, office: office))
        return (firm, location)
    }

    @Test func registeredAddressSettlesTheZone() throws {
        // 恒瑞医药 600276
        let (firm, location) = try locate(city: "320700", registered: "江苏连云港市经济技术开发区黄河路38号", office: "江苏连云港市经济技术开发区黄河路38号")
        #expect(firm.districtCode == "320771")
        #expect((location.level, location.basis, location.reason) == (.district, .registered, nil))
        #expect(location.address == "江苏连云港市经济技术开发区黄河路38号")
        #expect(location.reportYear == 2021)
    }

    @Test func officeAddressWhenTheRegisteredOneNamesNoDistrict() throws {
        // 华恒生物 688639: 双凤工业区 (合肥双凤经济开发区) lies in 长丰县 (data/regions/zones.csv), so the registered address
        // settles it; an address naming no district falls back to the office (合肥高新区, NBS 340176).
        let (firm, location) = try locate(city: "340100", registered: "安徽省合肥市双凤工业区", office: "安徽省合肥市高新区长安路197号")
        #expect(firm.districtCode == "340121")
        #expect(location.basis == .registered)
        let (other, fallback) = try locate(city: "340100", registered: "安徽省合肥市长江西路", office: "安徽省合肥市高新区长安路197号")
        #expect(other.districtCode == "340176")
        #expect(fallback.basis == .office)
    }

    @Test func anAddressInAnotherCityIsNotTrusted() throws {
        // 美年健康 002044: listed under 南通; its office address is in 上海市静安区
        let (firm, location) = try locate(city: "320600", registered: "江苏南通市人民东路218号", office: "上海市静安区灵石路697号健康智谷9号楼三楼")
        #expect(firm.districtCode == nil)
        #expect(firm.cityCode == "320600")
        #expect((location.level, location.reason, location.reasonValue) == (.city, .cityMismatch, "310100"))
    }

    @Test func reasonsWhenItStopsAtTheCity() throws {
        // 复星医药 600196: street addresses only
        let fosun = try locate(city: "310100", registered: "上海市曹杨路510号9楼", office: "上海市宜山路1289号A楼")
        #expect(fosun.1.reason == .noDistrictInAddress && fosun.0.districtCode == nil)
        // 天士力 600535: not in the address file
        let tasly = try locate(city: "120100", year: nil, registered: nil, office: nil)
        #expect(tasly.1.reason == .noAddress && tasly.1.level == .city)
        // 众生药业 002317: 东莞 has no county-level units
        let zhongsheng = try locate(city: "441900", registered: "广东省东莞市石龙镇西湖工业区信息产业园", office: nil)
        #expect(zhongsheng.1.reason == .cityWithoutDistricts)
    }

    @Test func withoutAKnownCityTheAddressDecides() throws {
        let (firm, location) = try locate(city: nil, registered: "苏州工业园区星湖街218号纳米科技园C25栋", office: nil)
        #expect(firm.districtCode == "320576" && firm.cityCode == "320500" && firm.provinceCode == "320000")
        #expect(location.basis == .registered)
    }

    @Test(arguments: [
        ("中国（上海）自由贸易试验区李冰路399号", "310115"),                       // 三生国健: the FTZ is in 浦东新区
        ("北京市北京经济技术开发区科创七街31号院5号楼307", "110115"),              // 神州细胞: 亦庄, 大兴区
        ("公司注册地址：中华人民共和国(“中国”)山东省淄博市高新技术产业开发区化工区", "370303"),  // 新华制药: label and (“中国”) dropped
        ("长沙市浏阳经济开发区康平路167号", "430181"),                            // 尔康制药: 浏阳 before a zone word
        ("江苏省常熟新材料产业园海旺路16号", "320581"),                          // 富士莱: a county name right after its province
        ("武汉东湖高新区高新大道666号", "420111"),                               // 人福医药: 光谷
        ("广州市国际生物岛螺旋三路10号", "440112"),                              // 金域医学
        ("泰州药城大道一号（创业路东侧、园南路北侧）", "321203"),                  // 亚虹医药: 中国医药城
    ]) func zonesAndParksResolveToTheirDistrict(address: String, district: String) throws {
        let resolver = try AddressResolver.load(dataFolder: BundleFixture.dataFolder)
        #expect(resolver.resolve(address).districtCode == district, "\(address)")
    }

    @Test func aBareCountyNameInsideAnotherPlaceIsNotRead() throws {
        let resolver = try AddressResolver.load(dataFolder: BundleFixture.dataFolder)
        #expect(resolver.resolve("常州西太湖科技产业园").districtCode != "340825", "太湖县 is in 安徽")
        // 东湖高新区 is 武汉's (its committee in 洪山区), never 南昌's 东湖区.
        #expect([nil, "420111", "420115"].contains(resolver.resolve("东湖高新区光谷生物城").districtCode), "not 南昌's 东湖区")
    }

    @Test func biomedicineFirmsWithAnAddressAreMostlyLocatedToADistrict() throws {
        let figures = LocationFigures(try BundleFixture.bundle())
        let row = figures.biomedicine
        #expect(row.total >= 500)
        #expect(Double(row.districtWithAddress) / Double(row.withAddress) >= 0.88, "\(row)")
        #expect(Double(row.district) / Double(row.total) >= 0.65, "\(row)")
        #expect(row.byBasis["registered", default: 0] > row.byBasis["office", default: 0])
    }

    @Test func locatedFirmsAgreeWithTheLabelledDistricts() throws {
        let file = BundleFixture.dataFolder.deletingLastPathComponent().appendingPathComponent("Tests/labelled/listed-districts.tsv")
        let labels = try ListedDistrictLabels(file: file)
        #expect(labels.labels.count >= 60)
        let check = labels.agreement(with: try BundleFixture.bundle())
        #expect(check.located >= 50, "\(check.misses)")
        #expect(Double(check.agreeing) / Double(check.located) >= 0.95, "\(check.misses)")
    }
}

import Foundation
import Testing
import BrainIngest

@Suite struct EnterpriseFileCheckTests {
    static let resolver = Result { try AddressResolver.load(dataFolder: AddressResolverTests.root.appendingPathComponent("data")) }

    func check(_ text: String, mapping: [String: String] = [:]) throws -> EnterpriseFileCheck.Summary {
        try EnterpriseFileCheck(url: try TemporaryFile.write(text), resolver: try Self.resolver.get(), mapping: mapping).run()
    }

    @Test func chineseHeadersAreMappedAndRowsValidatedAndLocated() throws {
        var accepted: [EnterpriseRecord] = []
        let url = try TemporaryFile.write("""
            企业名称,统一社会信用代码,成立日期,注册资本(万元),注册地址,参保人数,备注
            华为技术有限公司,914403001922038216,1987年9月15日,4104113.182,广东省深圳市龙岗区坂田华为基地,"1,000",重点
            坏代码公司,914403001922038217,2019-06-10,100,江苏省苏州市吴中区,5,
            鼓楼公司,,2019/6/10,100万美元,鼓楼区中山路1号,,
            """)
        let summary = try EnterpriseFileCheck(url: url, resolver: try Self.resolver.get()).run { accepted.append($0) }
        #expect(summary.rows == 3 && summary.accepted == 2 && summary.rejected == 1 && summary.review == 1)
        #expect(summary.mappedColumns["注册资本(万元)"] == "registered_capital")
        #expect(summary.extraColumns == ["备注"])
        let huawei = try #require(accepted.first)
        #expect(huawei.established == "1987-09-15" && huawei.registeredCapital?.currency == "CNY")
        #expect(abs((huawei.registeredCapital?.amount ?? 0) - 41_041_131_820) < 1)
        #expect(huawei.location?.districtCode == "440307" && huawei.insured == 1000 && huawei.extras == ["备注": "重点"])
        #expect(accepted[1].registeredCapital?.currency == "USD")
        let bad = try #require(summary.problems.first { $0.severity == .rejected })
        #expect(bad.row == 3 && bad.column == "统一社会信用代码" && bad.value == "914403001922038217" && bad.code == "import.check-digit"
                && bad.reason.contains("校验码") && bad.rendered(in: .en).reason.contains("check character"))
        let review = try #require(summary.problems.first { $0.severity == .review })
        #expect(review.row == 4 && review.reason.contains("南京市"))
        // The problems file names file, row, column, value and reason.
        let written = try EnterpriseFileCheck.writeProblems(summary, nextTo: url)
        let text = try String(contentsOf: written, encoding: .utf8)
        #expect(text.hasPrefix("file,row,column,value,reason,outcome\n"))
        #expect(text.contains("input.csv,3,统一社会信用代码,914403001922038217,"))
    }

    @Test func theCreditCodesRegistrationPlaceWitnessesTheAddress() throws {
        // 914403001922038216 was issued in 440300 深圳市.
        let moved = try check("企业名称,统一社会信用代码,注册地址\n华为技术有限公司,914403001922038216,江苏省苏州市吴中区东吴北路1号\n")
        #expect(moved.accepted == 1 && moved.review == 1)
        #expect(moved.problems.first?.reason.contains("440300") == true)
        let otherCity = try check("企业名称,统一社会信用代码,注册地址\n华为技术有限公司,914403001922038216,广东省广州市天河区天河路1号\n")
        #expect(otherCity.review == 1 && otherCity.problems.first?.reason.contains("地市 4401") == true)
        #expect(otherCity.problems.first?.rendered(in: .en).reason.contains("city 4401") == true)
        let agrees = try check("企业名称,统一社会信用代码,注册地址\n华为技术有限公司,914403001922038216,广东省深圳市龙岗区坂田华为基地\n")
        #expect(agrees.review == 0 && agrees.problems.isEmpty)
    }

    @Test func emptyFileAndHeaderOnly() throws {
        #expect(throws: EnterpriseFileCheck.FileError.self) { try check("") }
        let summary = try check("企业名称,统一社会信用代码\n")
        #expect(summary.rows == 0 && summary.accepted == 0)
    }

    @Test func wrongColumnCountRejectsTheRow() throws {
        let summary = try check("企业名称,注册地址\n甲公司,江苏省苏州市,多余\n乙公司,江苏省苏州市\n")
        #expect(summary.accepted == 1 && summary.rejected == 1)
        #expect(summary.problems.first?.reason == "本行有 3 列，表头有 2 列")
        #expect(summary.problems.first?.rendered(in: .en).reason == "has 3 fields, the header has 2")
    }

    @Test func duplicateRowsInOneFile() throws {
        let summary = try check("企业名称,统一社会信用代码\n华为,914403001922038216\n华为技术,914403001922038216\n无码公司,\n无码公司,\n")
        #expect(summary.accepted == 3 && summary.rejected == 1 && summary.review == 1)
        #expect(summary.problems.contains { $0.row == 3 && $0.code == "import.duplicate-code" && $0.rendered(in: .en).reason == "duplicate of row 2" })
        #expect(summary.problems.contains { $0.row == 5 && $0.severity == .review })
    }

    @Test func excelLeapDayAndUnreadableValuesAreRowRejections() throws {
        let summary = try check("企业名称,成立日期,注册资本\n甲,60,100万元\n乙,2019-06-10,若干\n")
        #expect(summary.rejected == 2)
        #expect(summary.problems.map(\.column) == ["成立日期", "注册资本"])
    }

    @Test func unknownHeadersNeedAMappingForTheName() throws {
        #expect(throws: EnterpriseFileCheck.FileError.self) { try check("主体,代码\n甲,1\n") }
        let summary = try check("主体,代码\n甲,914403001922038216\n", mapping: ["主体": "name", "代码": "uscc"])
        #expect(summary.accepted == 1)
    }

    @Test func gb18030FileIsDetected() throws {
        let fixture = AddressResolverTests.root.appendingPathComponent("Tests/BrainIngestTests/Fixtures/enterprises-gb18030.csv")
        let summary = try EnterpriseFileCheck(url: fixture, resolver: try Self.resolver.get()).run()
        #expect(summary.encoding == "gb18030" && summary.rows == 2)
        #expect(summary.problems.contains { $0.value == "91320700704045236A" })  // not a valid check character
    }
}

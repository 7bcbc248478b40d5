import BrainModel
import Foundation
import Testing
import BrainIngest

@Suite struct CompanyNameTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/name-pairs.tsv")

    @Test func labelledPairs() throws {
        let lines = try String(contentsOf: Self.fixture, encoding: .utf8).split(separator: "\n").dropFirst()
        #expect(lines.count >= 15)
        for line in lines {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let comparison = CompanyName.compare(fields[0], fields[1])
            #expect(comparison.same == (fields[2] == "true"), "\(fields[0]) | \(fields[1]): \(comparison.reason)")
        }
    }

    @Test func reasonsSayWhy() {
        #expect(CompanyName.compare("苏州某某生物科技有限公司", "苏州某某生物科技有限责任公司").reason.contains("different registered names"))
        #expect(CompanyName.compare("上海医药集团股份有限公司", "上海医药集团股份有限公司北京分公司").reason.contains("branch"))
        #expect(CompanyName.compare("國藥控股股份有限公司", "国药控股股份有限公司").reason.contains("traditional"))
    }

    @Test func normalisedFormFoldsOnlyPresentation() {
        #expect(CompanyName.normalized("药明康德（上海） 有限公司") == "药明康德(上海)有限公司")
        #expect(CompanyName.normalized("ＡＢＣ醫藥") == "ABC医药")
    }
}

import Foundation
import Testing
import BrainIngest
import BrainModel

/// Policy clause files: each row's eligibility settled against the real chain and region codes, the action kept
/// apart from it, and every problem named by row, column and value.
@Suite struct PolicyFileCheckTests {
    func check(_ text: String) throws -> (EnterpriseFileCheck.Summary, [ImportedPolicy]) {
        var rows: [ImportedPolicy] = []
        let check = PolicyFileCheck(url: try TemporaryFile.write(text), taxonomy: try MarketFileCheckTests.taxonomy.get(),
                                    resolver: try EnterpriseFileCheckTests.resolver.get())
        let summary = try check.run { rows.append($0) }
        return (summary, rows)
    }

    @Test func aClauseBecomesARuleWithItsActionApart() throws {
        let (summary, rows) = try check("""
            编号,政策名称,条款,发布地区,产业链环节,企业所在地区,上市企业,最少员工数,需持有批件,企业需办事项,最高金额(万元),发布日期
            t-1,某市生物医药若干措施,总部奖励,苏州市,抗体药物、cro,江苏省,是,100,药品注册,在苏州市设立地区总部,6000,2025/3/1
            """)
        #expect(summary.rows == 1 && summary.accepted == 1 && summary.problems.isEmpty, "\(summary.problems)")
        let clause = try #require(rows.first)
        #expect(clause.line == 2 && clause.policy.id == "t-1" && clause.policy.regionCode == "320500" && clause.policy.maxAmountWan == 6000)
        #expect(clause.policy.provenance.asOf == "2025-03-01")
        #expect(clause.rule.subject == "enterprise" && clause.rule.action == "在苏州市设立地区总部")
        #expect(clause.rule.conditions == [
            .init(field: "nodes", anyOf: ["antibodies", "cro"]), .init(field: "region", within: "320000"),
            .init(field: "listed", equals: true), .init(field: "employees", atLeast: 100), .init(field: "approvals", anyContains: ["药品注册"]),
        ])
        #expect(!clause.rule.conditions.contains { $0.field == "action" }, "the action is not a condition of eligibility")
    }

    @Test func eachBadRowIsNamedByRowColumnAndValue() throws {
        let (summary, rows) = try check("""
            编号,政策名称,条款,发布地区,适用对象,产业链环节,上市企业,最低注册资本(万元),最高金额(万元),发布日期
            ok-1,政策,条款,苏州市,企业,,,,,
            ,政策,缺编号,苏州市,,,,,,
            bad-node,政策,条款,苏州市,,火箭,,,,
            bad-money,政策,条款,苏州市,,,,很多,,
            bad-yes,政策,条款,苏州市,,,也许,,,
            bad-place,政策,条款,火星市,,,,,,
            bad-subject,政策,条款,苏州市,机构,,,,,
            bad-amount,政策,条款,苏州市,,,,,-5,
            bad-date,政策,条款,苏州市,,,,,,明天
            ok-1,政策,重复,苏州市,,,,,,
            """)
        #expect(summary.rows == 10 && summary.accepted == 1 && summary.rejected == 9)
        #expect(rows.map(\.policy.id) == ["ok-1"])
        let problems = summary.problems.map { "\($0.row) \($0.column) \($0.value)" }
        #expect(problems == ["3 编号 ", "4 产业链环节 火箭", "5 最低注册资本(万元) 很多", "6 上市企业 也许", "7 发布地区 火星市",
                             "8 适用对象 机构", "9 最高金额(万元) -5", "10 发布日期 明天", "11 编号 ok-1"])
        #expect(summary.problems.allSatisfy { $0.file == summary.file && !$0.reason.isEmpty })
        #expect(summary.problems.last?.reason.contains("第 2 行") == true)
    }

    @Test func amountsFollowTheHeadersUnitOrTheirOwn() throws {
        let (summary, rows) = try check("""
            编号,政策名称,条款,发布地区,最低注册资本（亿元）,最高金额(元),最少员工数
            yuan,政策,条款,苏州市,1,5000000,10
            own,政策,条款,苏州市,0.5,1.2亿元,
            dollars,政策,条款,苏州市,,300万美元,
            people,政策,条款,苏州市,,,十人
            """)
        #expect(rows.map(\.policy.id) == ["yuan", "own"])
        #expect(rows.map(\.policy.maxAmountWan) == [500, 12_000])
        #expect(rows.map { $0.rule.conditions.first { $0.field == "registeredCapitalWan" } } == [
            .init(field: "registeredCapitalWan", atLeast: 10_000), .init(field: "registeredCapitalWan", atLeast: 5_000)])
        #expect(summary.problems.map { "\($0.row) \($0.column) \($0.code ?? "")" } == [
            "4 最高金额(元) import.amount-not-yuan", "5 最少员工数 import.number"])
        // No unit in the header: 万元, as the template says.
        let (_, plain) = try check("编号,政策名称,条款,发布地区,最高金额\nwan,政策,条款,苏州市,300\n")
        #expect(plain.first?.policy.maxAmountWan == 300)
    }

    @Test func aFileWithoutTheClauseColumnsIsRefused() throws {
        #expect(throws: EnterpriseFileCheck.FileError.self) { _ = try check("编号,政策名称\nx,y\n") }
    }
}

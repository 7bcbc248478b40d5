import BrainModel
import Foundation
import Testing
@testable import BrainIngest

/// The check's fast paths give exactly what the general code gives: the USCC byte path against the character path,
/// the parallel map against a plain map, and a check over several chunks against the rules row by row.
@Suite struct CheckFastPathTests {
    /// Codes around every rule: valid ones, then each mutated — a character, the check character, case, width,
    /// spaces, a placeholder, a bad authority, kind of body or region, a run of digits, a repeated organisation body.
    static func candidateCodes() -> [String] {
        var random = SplitMix64(seed: 29)
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY"), extra = Array("IOZSVaxy０Ａ 　-")
        var codes = ["91330100799655058B", "914403001922038216", "91440300708461136T", withCheck("11100000000013127"),
                     withCheck("12345678901234567"), withCheck("98765432109876543"), withCheck("91320500AAAAAAAAA"),
                     withCheck("00000000000000000"), withCheck("91000000MA1MXXXX1"), withCheck("91100000MA1MXXXX1"),
                     withCheck("91010000MA1MXXXX1"), withCheck("Y1320500MA1MXXXX1"), "", "9133010079965505", "91330100799655058B1"]
        for _ in 0..<20_000 {
            var first17 = (0..<17).map { _ in alphabet[random.below(alphabet.count)] }
            if random.below(2) == 0 { first17[0] = "9"; first17[1] = "1" }
            if random.below(2) == 0 { for (i, digit) in Array("320500").enumerated() { first17[2 + i] = digit } }
            var code = Array(withCheck(String(first17)))
            switch random.below(6) {
            case 0: code[random.below(18)] = alphabet[random.below(alphabet.count)]
            case 1: code[random.below(18)] = extra[random.below(extra.count)]
            case 2: code.insert(" ", at: random.below(19))
            case 3: code = Array(String(code).lowercased())
            default: break
            }
            codes.append(String(code))
        }
        return codes
    }

    @Test func usccFastPathAgreesWithTheGeneralPath() {
        var valid = 0
        for code in Self.candidateCodes() {
            #expect(USCC.validate(code) == USCC.validateInGeneral(code), "\(code)")
            #expect(USCC.regionCode(of: code) == USCC.regionCodeInGeneral(code), "\(code)")
            if case .success = USCC.validate(code) { valid += 1 }
        }
        // Both outcomes are exercised, so the comparison means something.
        #expect(valid > 1_000 && valid < 19_000)
    }

    @Test(arguments: [0, 1, 63, 64, 65, 999, 1_000, 4_097])
    func parallelMapKeepsInputOrder(_ count: Int) {
        let input = Array(0..<count)
        #expect(OrderedParallelMap.map(input) { "\($0 * 7)" } == input.map { "\($0 * 7)" })
    }

    /// 2,500 rows, read in batches of 1,000 and so in several parallel chunks: duplicates whose first occurrence is
    /// in an earlier chunk, rejected and review rows, all reported in file order with the first line named.
    @Test func checkOverSeveralChunksKeepsFileOrderAndBatches() throws {
        var lines = ["企业名称,统一社会信用代码,注册地址"]
        for i in 0..<2_500 {
            let code = withCheck("9132050\(String(format: "%06d", i % 2_000))MA1M")
            switch i % 50 {
            case 7: lines.append("无码公司\(i % 3),,江苏省苏州市吴中区")
            case 13: lines.append("短码公司\(i),91320500MA1MXXXX1,江苏省苏州市吴中区")
            default: lines.append("合成公司\(i),\(code),江苏省苏州市吴中区")
            }
        }
        let url = try TemporaryFile.write(lines.joined(separator: "\n"))
        let check = EnterpriseFileCheck(url: url, resolver: try EnterpriseFileCheckTests.resolver.get())
        try check.start()
        var batches: [Int] = [], accepted: [Int] = []
        while let batch = try check.next(limit: 1_000) { batches.append(batch.count); accepted += batch.map(\.line) }
        let summary = check.summary
        #expect(summary.rows == 2_500 && summary.accepted + summary.rejected == 2_500)
        #expect(batches.dropLast().allSatisfy { $0 == 1_000 } && accepted == accepted.sorted())
        #expect(summary.problems.map(\.row) == summary.problems.map(\.row).sorted())
        // Row i + 2 repeats the code of row i - 2000 + 2 (no-code and bad-code rows aside).
        let duplicate = try #require(summary.problems.first { $0.code == "import.duplicate-code" })
        #expect(duplicate.row == 2_002 && duplicate.values == ["first": "2"])
        #expect(summary.problems.filter { $0.code == "import.duplicate-code" }.count == 500 - 20)
        // 无码公司0–2 in turn every 50 rows: rows 9, 59 and 109 are first, row 159 repeats row 9.
        let sameName = summary.problems.filter { $0.code == "import.same-name" }
        #expect(sameName.count == 50 - 3 && sameName.first?.row == 159 && sameName.first?.values == ["first": "9"])
        #expect(summary.problems.filter { $0.code == "import.uscc-length" }.count == 50)
        #expect(summary.rejected == 50 + 480)
    }
}

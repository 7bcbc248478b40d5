import Foundation
import Testing
@testable import BrainIngest

/// `first17` completed with its correct check character, so only the structure can reject it.
func withCheck(_ first17: String) -> String { first17 + String(USCC.checkCharacter(Array(first17))) }

/// Codes that pass the check character but are placeholders, exports that a spreadsheet would run as formulas, and
/// analysts' matrix files past their bounds (issue 14).
@Suite struct PlaceholderAndExportTests {
    @Test(arguments: [
        "000000000000000000", String(repeating: "０", count: 18), withCheck("00000000000000000"), withCheck("12345678901234567"),
        withCheck("98765432109876543"), "91110000000000000X", withCheck("91110000000000000"), withCheck("91320500AAAAAAAAA"),
    ])
    func placeholderCodesAreInvalid(_ code: String) {
        guard case .failure(let problem) = USCC.validate(code) else { Issue.record("\(code) passed"); return }
        #expect(problem.description.contains("placeholder") || problem.description.contains("character"))
    }

    @Test func structureIsJudgedByGB32100() {
        #expect(USCC.validate(withCheck("B1320500MA1MXXXX1")) == .failure(.authority("B")))
        #expect(USCC.validate(withCheck("94320500MA1MXXXX1")) == .failure(.category("4", authority: "9")))
        #expect(USCC.validate(withCheck("91990000MA1MXXXX1")) == .failure(.region("990000")))
        #expect(USCC.validate(withCheck("9132A500MA1MXXXX1")) == .failure(.region("32A500")))
        #expect(USCC.validate("000000000000000000") == .failure(.placeholder("one character repeated")))
        #expect(USCC.validate(String(repeating: "０", count: 18)) == .failure(.placeholder("one character repeated")))
    }

    @Test(arguments: ["91330100799655058B", "914403001922038216", "91440300708461136T",
                      withCheck("11100000000013127"), withCheck("53100000500021676"), withCheck("31310000425020745"),
                      withCheck("Y1320500MA1MXXXX1"), withCheck("N2320583MA1MXXXX1"), withCheck("81110108MA1MXXXX1")])
    func realCodesStayValid(_ code: String) {
        #expect(USCC.validate(code) == .success(code))
    }

    @Test func exportedCellsThatAreFormulasAreNeutralisedNumbersAreNot() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("brain-export-\(UUID().uuidString).csv")
        let writer = try CSVWriter(url: url, header: ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"])
        writer.write(["=HYPERLINK(\"http://evil\",\"x\")", "-3.5", "+12", "@SUM(A1)", "\tx", "\rx", "-x", "-1e-5", "1e5", "恒瑞"])
        try writer.close()
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[1] == "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",-3.5,+12,'@SUM(A1),'\tx,\"'\rx\",'-x,-1e-5,1e5,恒瑞")
        #expect(CSVWriter.neutralised("-") == "'-" && CSVWriter.neutralised("+.") == "'+." && CSVWriter.neutralised("-1e") == "'-1e")
    }

    @Test func theProblemsFileDoesNotCarryFormulas() throws {
        let url = try TemporaryFile.write("企业名称,统一社会信用代码\n苏州甲医药有限公司,=HYPERLINK(\"http://evil\")\n")
        let summary = try EnterpriseFileCheck(url: url, resolver: try EnterpriseFileCheckTests.resolver.get()).run()
        let text = try String(contentsOf: try EnterpriseFileCheck.writeProblems(summary, nextTo: url), encoding: .utf8)
        #expect(text.contains("\"'=HYPERLINK(\"\"http://evil\"\")\""))
        #expect(!text.contains(",=HYPERLINK") && !text.contains(",\"=HYPERLINK"))
    }

    func matrixError(_ text: String, _ limits: MatrixFile.Limits = MatrixFile.Limits()) throws -> SourceFileError? {
        let url = try TemporaryFile.write(text, "m.csv")
        do { _ = try MatrixFile(url: url, limits: limits); return nil } catch { return error }
    }

    @Test func matrixFilesAreBoundedAndHostileLabelsRefused() throws {
        #expect(try matrixError("region,sector,value\na,x,1\nb,y,2\n") == nil)
        var small = MatrixFile.Limits()
        small.regions = 2
        #expect(try matrixError("region,sector,value\na,x,1\nb,x,1\nc,x,1\n", small)
                == SourceFileError(file: "m.csv", row: 4, field: "region", value: "c", reason: "more than 2 distinct regions"))
        small = MatrixFile.Limits()
        small.matrixCells = 3
        #expect(try matrixError("region,sector,value\na,x,1\nb,y,1\n", small)?.reason == "2 regions × 2 sectors exceed 3 matrix cells")
        small = MatrixFile.Limits()
        small.bytes = 10
        #expect(try matrixError("region,sector,value\na,x,1\n", small)?.reason.contains("at most 10 bytes") == true)
        small = MatrixFile.Limits()
        small.cells = 1
        #expect(try matrixError("region,sector,value\na,x,1\nb,x,1\n", small)?.reason == "more than 1 data rows; split the file")
        let control = try #require(try matrixError("region,sector,value\na\u{0}b,x,1\n"))
        #expect(control.row == 2 && control.field == "region" && control.reason.contains("U+0000"))
        let long = try #require(try matrixError("region,sector,value\na,\(String(repeating: "s", count: 201)),1\n"))
        #expect(long.row == 2 && long.field == "sector" && long.reason == "longer than 200 characters")
        #expect(try matrixError("region,sector,value\na,x,1e300\n")?.field == "value")
        #expect(try matrixError("region,sector,value\na,x,1e999\n")?.reason == "not a number")
        #expect(try matrixError("region,sector,value\ra,x,1\rb,y,2\r") == nil)
    }

    @Test func anEmptyMatrixValueIsZeroAndSaidSo() throws {
        let file = try MatrixFile(url: try TemporaryFile.write("region,sector,value\na,x,1\na,y,\nb,x,2\n", "m.csv"))
        #expect(file.cells.map(\.value) == [1, 0, 2])
        #expect(file.emptyValueRows == [3])
        #expect(try matrixError("region,sector,value\na,x,abc\n")?.reason == "not a number")
    }
}

import Foundation
import Testing
import BrainModel
@testable import BrainIngest

/// Inputs that used to lose data silently or point at the wrong cause (issue 14): control characters, old Mac line
/// endings, encodings, an enormous header line, and JSON Lines edge cases. Each names file, row, column and reason.
@Suite struct HostileInputTests {
    func check(_ bytes: [UInt8], _ name: String = "input.csv") throws -> EnterpriseFileCheck.Summary {
        try EnterpriseFileCheck(url: try TemporaryFile.write(bytes, name), resolver: try EnterpriseFileCheckTests.resolver.get()).run()
    }

    func fileError(_ bytes: [UInt8], _ name: String = "input.csv") -> String {
        do { _ = try check(bytes, name); return "" } catch { return "\(error)" }
    }

    @Test(arguments: ["\u{0}", "\u{1}", "\u{1B}", "\u{7F}", "\u{85}", "\u{9F}"])
    func aControlCharacterRejectsItsRowOnlyNamingTheColumn(_ control: String) throws {
        let summary = try check(Array("企业名称,注册地址\n恒瑞\(control)医药,江苏省连云港市\n苏州甲医药有限公司,江苏省苏州市吴中区\n".utf8))
        #expect(summary.rows == 2 && summary.accepted == 1 && summary.rejected == 1)
        let problem = try #require(summary.problems.first)
        let code = String(control.unicodeScalars.first!.value, radix: 16, uppercase: true)
        #expect(problem.file == "input.csv" && problem.row == 2 && problem.column == "企业名称")
        let padded = String(repeating: "0", count: 4 - code.count) + code
        #expect(problem.code == "read.control-character" && problem.values == ["code": padded, "position": "3"])
        #expect(problem.reason == "第 3 个字符是控制字符 U+\(padded)；请删除后重新导入本行")
        #expect(problem.rendered(in: .en).reason == "holds the control character U+\(padded) at character 3; remove it and import the row again")
        #expect(problem.value == "恒瑞\\u{\(code)}医药")
    }

    @Test func aProblemWithTheWholeRowIsMarkedInTheReadersLanguage() throws {
        let summary = try check(Array("企业名称,注册地址\n苏州甲医药有限公司,江苏省苏州市,多余\n".utf8))
        let problem = try #require(summary.problems.first)
        #expect(problem.column == RowProblem.wholeRow && problem.value == "3" && problem.code == "import.field-count")
        #expect(problem.rendered(in: .zh).column == "（整行）" && problem.rendered(in: .zh).reason == "本行有 3 列，表头有 2 列")
        #expect(problem.rendered(in: .en).column == "(row)" && problem.rendered(in: .en).reason == "has 3 fields, the header has 2")
    }

    @Test func tabsAndLineBreaksInsideQuotedFieldsAreData() throws {
        let summary = try check(Array("企业名称,注册地址\n\"苏州\t甲医药有限公司\",\"江苏省苏州市\r\n吴中区\"\n".utf8))
        #expect(summary.accepted == 1 && summary.rejected == 0)
    }

    @Test func oldMacLineEndingsAreLineBreaks() throws {
        var reader = try DelimitedReader(url: try TemporaryFile.write("a,b\r1,2\r\"x\ry\",3\r\r4,5"))
        var items: [DelimitedReader.Item] = []
        while let item = try reader.next() { items.append(item) }
        #expect(items == [.record(line: 1, fields: ["a", "b"]), .record(line: 2, fields: ["1", "2"]),
                          .record(line: 3, fields: ["x\ry", "3"]), .record(line: 6, fields: ["4", "5"])])
        let summary = try check(Array("企业名称,注册地址\r苏州甲医药有限公司,江苏省苏州市吴中区\r苏州乙医药有限公司,江苏省苏州市吴中区\r".utf8))
        #expect(summary.rows == 2 && summary.accepted == 2)
        #expect(summary.mappedColumns == ["企业名称": "name", "注册地址": "address"])
    }

    @Test func crlfSplitAcrossChunksIsOneLineBreak() throws {
        // The CR ends one 1 MiB chunk, the LF starts the next.
        let head = "a,b\n" + String(repeating: "x", count: (1 << 20) - 7) + ",1"
        #expect(head.utf8.count == (1 << 20) - 1)
        var reader = try DelimitedReader(url: try TemporaryFile.write(head + "\r\n2,3\r\n"))
        var lines: [Int] = []
        while let item = try reader.next() { if case .record(let line, _) = item { lines.append(line) } }
        #expect(lines == [1, 2, 3])
    }

    @Test func invalidUTF8AfterAUTF8HeaderIsReportedAsInvalidUTF8WithItsLine() {
        let bytes = Array("企业名称,注册地址\n苏州甲医药有限公司,江苏省苏州市\n坏".utf8) + [0xFF] + Array(",x\n".utf8)
        let offset = Array("企业名称,注册地址\n苏州甲医药有限公司,江苏省苏州市\n坏".utf8).count
        #expect(fileError(bytes) == "input.csv: invalid UTF-8 at byte offset \(offset) (line 3) (declare the encoding with --encoding, or save the file as UTF-8)")
    }

    @Test func gb18030GuessedFromOneBadByteSaysSo() {
        let bytes = Array("name,address\nabc,".utf8) + [0xFF, 0xFF] + Array("\n".utf8)
        let error = fileError(bytes)
        #expect(error.contains("not valid GB18030") && error.contains("(line 2)"))
        #expect(error.contains("GB18030 was assumed only because byte offset 17 is not valid UTF-8"))
    }

    @Test(arguments: [true, false]) func utf16WithBOMIsTranscoded(_ littleEndian: Bool) throws {
        let text = "企业名称,注册地址\r\n苏州甲医药有限公司,江苏省苏州市吴中区\r\n𠀀公司,江苏省苏州市吴中区\r\n"
        let units = text.utf16.flatMap { littleEndian ? [UInt8($0 & 0xFF), UInt8($0 >> 8)] : [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let summary = try check((littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]) + units)
        #expect(summary.encoding == (littleEndian ? "utf-16le" : "utf-16be"))
        #expect(summary.rows == 2 && summary.accepted == 2)
        #expect(TextEncoding.detect([0xFF, 0xFE, 0x41, 0x00]) == .utf16LE)
    }

    @Test func aTenMegabyteHeaderLineIsNotCalledEmpty() {
        let error = fileError(Array(repeating: UInt8(ascii: "a"), count: 10 << 20) + Array("\n".utf8))
        #expect(error.hasPrefix("input.csv: the header line is longer than 1 MB"))
    }

    @Test func aControlCharacterInTheHeaderIsAFileError() throws {
        #expect(fileError(Array("企业名称,地\u{0}址\n".utf8))
                == "input.csv: header column 2 (“地\\u{0}址”) holds the control character U+0000 at character 2; remove it and import the row again")
        var chinese = ""
        do { _ = try check(Array("企业名称,地\u{0}址\n".utf8)) } catch let error as EnterpriseFileCheck.FileError { chinese = ReasonText.render(error.reason, in: .zh) }
        #expect(chinese == "input.csv：无法读取（表头第 2 列（“地\\u{0}址”）第 2 个字符是控制字符 U+0000；请删除后重新导入本行）")
    }

    @Test func jsonLinesEdgeCasesAreRowErrorsNamingTheKey() throws {
        let lines = [
            "\u{FEFF}{\"企业名称\":\"苏州甲医药有限公司\",\"n\":1}",
            "{\"企业名称\":\"乙\",\"n\":1e999}",
            "{\"企业名称\":\"丙\",\"n\":" + String(repeating: "[", count: 100_000) + "}",
            "{\"企业名称\":\"丁\",\"企业名称\":\"戊\"}",
            "[1,2]",
            "{\"企业名称\":\"己\",\"n\":123456789012345678901234567890}",
            "{\"企业名称\":\"庚\\u0000\"}",
            "{\"企业名称\":\"辛\",\"n\":1.50}",
            "{\"企业名称\":\"\\ud800\"}",
            "{\"企业名称\":\"壬\"} x",
        ]
        var reader = try RowReaders.open(try TemporaryFile.write(lines.joined(separator: "\n") + "\n", "rows.jsonl"))
        var items: [DelimitedReader.Item] = []
        while let item = try reader.next() { items.append(item.inEnglish) }
        #expect(items.count == 11)
        #expect(items[0] == .record(line: 0, fields: ["n", "企业名称"]))
        #expect(items[1] == .record(line: 1, fields: ["1", "苏州甲医药有限公司"]))
        #expect(items[2] == .invalid(line: 2, reason: .note("the number 1e999 of key “n” is out of range (beyond ±1.8e308)")))
        #expect(items[3] == .invalid(line: 3, reason: .note("the value of key “n” is a list or object; only text, numbers, booleans and null are read")))
        #expect(items[4] == .invalid(line: 4, reason: .note("key “企业名称” appears twice in the object; which value is meant cannot be told")))
        #expect(items[5] == .invalid(line: 5, reason: .note("not a JSON object (the line starts with '['; each line must be one object)")))
        #expect(items[6] == .record(line: 6, fields: ["123456789012345678901234567890", "己"]))
        #expect(items[7] == .record(line: 7, fields: ["", "庚\u{0}"]))
        #expect(items[8] == .record(line: 8, fields: ["1.5", "辛"]))
        #expect(items[9] == .invalid(line: 9, reason: .note("not valid JSON: the value of key “企业名称” has a lone UTF-16 surrogate \\ud800")))
        #expect(items[10] == .invalid(line: 10, reason: .note("not valid JSON: text after the object's closing '}' (one object per line)")))
        // Through the check, the escaped NUL rejects its row naming the key.
        let summary = try check(Array((lines.joined(separator: "\n") + "\n").utf8), "rows.jsonl")
        let nul = try #require(summary.problems.first { $0.row == 7 })
        #expect(nul.column == "企业名称" && nul.reason.contains("U+0000") && nul.code == "read.control-character")
        #expect(summary.problems.allSatisfy { $0.file == "rows.jsonl" && $0.row >= 1 && !$0.column.isEmpty })
    }

    @Test func invalidUTF8InJSONLinesNamesOffsetAndLine() {
        let error = fileError(Array("{\"企业名称\":\"甲\"}\n{\"企业名称\":\"".utf8) + [0xC3, 0x28] + Array("\"}\n".utf8), "rows.jsonl")
        #expect(error.hasPrefix("rows.jsonl: invalid UTF-8 at byte offset") && error.contains("(line 2)"))
    }
}

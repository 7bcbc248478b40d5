import Foundation
import Testing
import BrainModel
@testable import BrainIngest

/// Real files the old whole-document reader refused or misread: large sheets, omitted cells, references split across
/// chunks, millions of empty rows; and damaged ones it half-imported.
@Suite struct XLSXStreamingTests {
    @Test func aSheetOfTwentyThousandRowsAndTenColumnsIsReadWhole() throws {
        let header = (1...10).map { "列\($0)" }
        let rows = [header] + (1...20_000).map { row in (1...10).map { "值\(row)-\($0)&<\(row % 7)>" } }
        let url = try TemporaryFile.write([], "large.xlsx")
        try XLSXWriter.write(sheets: [(name: "企业", rows: rows)], to: url)
        var reader = try XLSXReader(url: url)
        defer { reader.close() }
        #expect(reader.rowCount == 20_001)
        var line = 0
        while case .record(let number, let fields)? = try reader.next() {
            guard number == line + 1, fields == rows[line] else {
                Issue.record("row \(number) read as \(fields), expected \(rows[line])")
                return
            }
            line += 1
        }
        #expect(line == 20_001)
    }

    @Test func omittedTrailingCellsReadAsEmptyAndAValueRightOfTheHeaderIsNamed() throws {
        let url = try TemporaryFile.write([], "short.xlsx")
        try XLSXWriter.write(sheets: [(name: "企业", rows: [["企业名称", "成立日期", "备注"], ["华为", "2019-06-10", ""], ["", "", ""],
                                                            ["中兴", "", ""], ["比亚迪", "", "", "多余"]])], to: url)
        #expect(try XLSXTestFiles.items(url).map(\.inEnglish) == [
            .record(line: 1, fields: ["企业名称", "成立日期", "备注"]),
            .record(line: 2, fields: ["华为", "2019-06-10", ""]),
            .record(line: 4, fields: ["中兴", "", ""]),
            .invalid(line: 5, reason: .note("has a value in cell D5, right of the header's last column C")),
        ])
        // The check that rejected "has 2 fields, the header has 3" now takes the row.
        let check = EnterpriseFileCheck(url: url, resolver: try EnterpriseFileCheckTests.resolver.get())
        var accepted: [EnterpriseRecord] = []
        try check.run { accepted.append($0) }
        #expect(accepted.map(\.name) == ["华为", "中兴"])
        #expect(check.summary.problems.filter { $0.severity == .rejected }.map(\.reason) == ["单元格 D5 有值，位于表头最后一列 C 的右侧"])
    }

    @Test func aCutOffOrMismatchedSheetIsRefusedBeforeAnyRowIsHandedOut() throws {
        let rows = (1...5).map { #"<row r="\#($0)"><c r="A\#($0)" t="inlineStr"><is><t>公司\#($0)</t></is></c></row>"# }.joined()
        let whole = XLSXTestFiles.sheet(rows)
        let cut = String(whole.prefix(whole.utf8.count * 3 / 5))
        #expect(XLSXTestFiles.refusal(try XLSXTestFiles.workbook(sheetXML: cut))?.contains("the part is cut off") == true)
        let ended = XLSXTestFiles.sheet(rows).replacingOccurrences(of: "</sheetData></worksheet>", with: "</sheetData>")
        #expect(XLSXTestFiles.refusal(try XLSXTestFiles.workbook(sheetXML: ended))
                == "is not a readable XLSX workbook: sheet “企业” (xl/worksheets/sheet1.xml) is not well-formed XML after row 5: the XML ends inside <worksheet>: the part is cut off")
        let crossed = XLSXTestFiles.sheet(rows.replacingOccurrences(of: "</t></is></c></row><row r=\"4\">", with: "</is></t></c></row><row r=\"4\">"))
        #expect(XLSXTestFiles.refusal(try XLSXTestFiles.workbook(sheetXML: crossed))
                == "is not a readable XLSX workbook: sheet “企业” (xl/worksheets/sheet1.xml) is not well-formed XML in row 3: </is> closes <t>: the tags do not match")
        for broken in [XLSXTestFiles.sheet(rows) + "<row/>", XLSXTestFiles.sheet(rows) + "尾巴",
                       XLSXTestFiles.sheet(rows.replacingOccurrences(of: #"r="3""#, with: "r=3")),
                       XLSXTestFiles.sheet(rows.replacingOccurrences(of: "公司3", with: "A & B"))] {
            #expect(XLSXTestFiles.refusal(try XLSXTestFiles.workbook(sheetXML: broken))?.contains("is not well-formed XML") == true)
        }
    }

    @Test func referencesKeepTheTextAroundThemAndTheNextCell() throws {
        let strings = "<sst><si><t>A&amp;B &lt;公司&gt; &#x4E2D;&#22269;</t></si><si><t>成立日期</t></si></sst>"
        let sheet = XLSXTestFiles.sheet(#"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>"#
            + #"<c r="C1" t="inlineStr"><is><t>&quot;引&apos;号&quot;<![CDATA[<原样>&amp;]]></t></is></c><c r="D1"><f>A1&amp;B1</f><v>7</v></c></row>"#)
        #expect(try XLSXTestFiles.items(try XLSXTestFiles.workbook(sheetXML: sheet, sharedStrings: strings)) == [
            .record(line: 1, fields: ["A&B <公司> 中国", "成立日期", "\"引'号\"<原样>&amp;", "7"]),
        ])
    }

    @Test func aSharedStringTableSpanningManyChunksIsRead() throws {
        // ~1.2 MB of shared strings inflate in many 64 KiB chunks; a token's place must not outlive its chunk.
        let strings = "<sst>" + (0..<30_000).map { "<si><r><t>公司\($0)</t></r><rPh><t>ガ</t></rPh></si>" }.joined() + "</sst>"
        let sheet = XLSXTestFiles.sheet(#"<row r="1"><c t="s"><v>0</v></c><c t="s"><v>15000</v></c><c t="s"><v>29999</v></c></row>"#)
        #expect(try XLSXTestFiles.items(try XLSXTestFiles.workbook(sheetXML: sheet, sharedStrings: strings)) == [
            .record(line: 1, fields: ["公司0", "公司15000", "公司29999"]),
        ])
    }

    /// The same sheet fed one byte at a time and whole: chunk boundaries inside a tag, a reference, a character,
    /// CDATA or a comment change nothing.
    @Test func chunkBoundariesChangeNothing() throws {
        let xml = "\u{FEFF}<?xml version=\"1.0\" encoding=\"UTF-8\"?><!-- 注释 --><worksheet><sheetData>"
            + #"<row r="1" spans="1:3"><c r="A1" t="inlineStr"><is><r><t>华为&amp;</t></r><r><t xml:space="preserve"> 中兴</t></r><rPh><t>カ</t></rPh></is></c>"#
            + #"<c r="C1" s='0' t="str" x:attr="a>b"><v>&#x1F600;<![CDATA[x]]></v></c></row><?pi x?><row r="3"><c r="B3" t="b"><v>1</v></c></row>"#
            + "</sheetData></worksheet>\n"
        func rows(chunk: Int) throws -> [DelimitedReader.Item] {
            var rows = XLSXSheetRows(sheet: "s", path: "p", strings: XLSXSharedStrings(), dateStyles: [], limits: XLSXLimits())
            var items: [DelimitedReader.Item] = [], bytes = Array(xml.utf8)[...]
            while true {
                switch try rows.next() {
                case .item(let item): items.append(item)
                case .end: return items
                case .needInput:
                    if bytes.isEmpty { rows.finishInput() } else { rows.feed(Data(bytes.prefix(chunk))); bytes = bytes.dropFirst(chunk) }
                }
            }
        }
        let whole = try rows(chunk: .max)
        #expect(whole == [.record(line: 1, fields: ["华为& 中兴", "", "😀x"]), .record(line: 3, fields: ["", "TRUE", ""])])
        #expect(try rows(chunk: 1) == whole)
        #expect(try rows(chunk: 7) == whole)
    }

    @Test func aMillionEmptyRowsAreSkippedInBoundedMemory() throws {
        let header = #"<row r="1"><c r="A1" t="inlineStr"><is><t>企业名称</t></is></c></row>"#
        let last = #"<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>最后一家</t></is></c></row>"#
        var body = ""
        body.reserveCapacity(22_000_000)
        for row in 2..<1_048_576 { body += "<row r=\"\(row)\"/>" }
        let url = try XLSXTestFiles.workbook(sheetXML: XLSXTestFiles.sheet(header + body + last))
        #expect(try XLSXTestFiles.items(url) == [.record(line: 1, fields: ["企业名称"]), .record(line: 1_048_576, fields: ["最后一家"])])
    }
}

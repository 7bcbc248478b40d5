import Foundation
import Testing
import BrainModel
@testable import BrainIngest

@Suite struct XLSXReaderTests {
    static let sheetXML = """
        <?xml version="1.0" encoding="UTF-8"?>
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
        <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>注册资本</t></is></c><c r="D1" t="s"><v>2</v></c></row>
        <row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" s="1"><v>43626</v></c><c r="C2"><v>4104113.182</v></c><c r="D2" t="b"><v>1</v></c></row>
        <row r="4"><c r="A4" t="inlineStr"><is><t>闰年公司</t></is></c><c r="B4" s="1"><v>60</v></c><c r="D4" t="b"><v>0</v></c></row>
        </sheetData></worksheet>
        """
    static let sharedStrings = """
        <?xml version="1.0" encoding="UTF-8"?>
        <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
        <si><t>企业名称</t></si><si><t>成立日期</t></si><si><t>高新</t></si>
        <si><r><t>华为技术</t></r><r><t>有限公司</t></r><rPh><t>ハ</t></rPh></si></sst>
        """
    static let styles = """
        <?xml version="1.0" encoding="UTF-8"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
        <numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>
        <cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>
        """

    /// A workbook as Excel writes it: shared strings (one with rich-text runs and a phonetic guide), inline strings,
    /// numbers, a custom date format, booleans, a skipped row and cell, and a second sheet first in the file.
    static func workbook() throws -> URL {
        let url = try TemporaryFile.write([], "firms.xlsx")
        try XLSXWriter.writeParts([
            ("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
            ("xl/workbook.xml", """
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                <sheets><sheet name="说明" sheetId="2" r:id="rId2"/><sheet name="企业" sheetId="1" r:id="rId1"/></sheets></workbook>
                """),
            ("xl/_rels/workbook.xml.rels", """
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/></Relationships>
                """),
            ("xl/worksheets/sheet1.xml", sheetXML),
            ("xl/worksheets/sheet2.xml", "<worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>请填写第二张表</t></is></c></row></sheetData></worksheet>"),
            ("xl/sharedStrings.xml", sharedStrings),
            ("xl/styles.xml", styles),
        ], to: url)
        return url
    }

    func rows(_ reader: inout XLSXReader) throws -> [DelimitedReader.Item] {
        var items: [DelimitedReader.Item] = []
        while let item = try reader.next() { items.append(item) }
        return items
    }

    @Test func readsSharedInlineNumbersDatesAndBooleansOfTheNamedSheet() throws {
        var reader = try XLSXReader(url: try Self.workbook(), sheet: "企业")
        #expect(reader.sheetNames == ["说明", "企业"])
        #expect(try rows(&reader) == [
            .record(line: 1, fields: ["企业名称", "成立日期", "注册资本", "高新"]),
            .record(line: 2, fields: ["华为技术有限公司", "2019-06-10", "4104113.182", "TRUE"]),
            .record(line: 4, fields: ["闰年公司", "60", "", "FALSE"]),
        ])
    }

    @Test func firstSheetByDefaultAndUnknownSheetNamed() throws {
        var reader = try XLSXReader(url: try Self.workbook())
        #expect(try rows(&reader) == [.record(line: 1, fields: ["请填写第二张表"])])
        #expect(throws: RowReaderError(Reason("read.xlsx-no-sheet-named", ["sheet": "表3"]).with("sheets", zh: "说明, 企业", en: "说明, 企业"))) { try XLSXReader(url: try Self.workbook(), sheet: "表3") }
    }

    @Test func notAZipAndAZipThatIsNotAWorkbookAreClearErrors() throws {
        let text = try TemporaryFile.write("企业名称\n华为\n", "firms.xlsx")
        #expect(throws: RowReaderError("read.xlsx-not-zip", ["ext": "xlsx"])) { try RowReaders.open(text) }
        let zip = try TemporaryFile.write([], "other.xlsx")
        try XLSXWriter.writeParts([("readme.txt", "hello")], to: zip)
        #expect(throws: RowReaderError("read.xlsx-no-workbook")) { try RowReaders.open(zip) }
        let empty = try TemporaryFile.write([], "empty.xlsx")
        #expect(throws: RowReaderError("read.xlsx-empty")) { try RowReaders.open(empty) }
    }

    @Test func writerRoundTripsThroughTheReaderWithEscaping() throws {
        let url = try TemporaryFile.write([], "t.xlsx")
        let rows = [["企业名称", "备注"], ["A&B <公司>", "\"引号\""], ["", "只有第二列"]]
        try XLSXWriter.write(sheets: [(name: "企业", rows: rows)], to: url)
        var reader = try XLSXReader(url: url)
        #expect(try self.rows(&reader) == [
            .record(line: 1, fields: rows[0]), .record(line: 2, fields: rows[1]), .record(line: 3, fields: rows[2]),
        ])
    }

    @Test func enterpriseCheckReadsAnXLSXWithChineseHeaders() throws {
        // The default (first) sheet has no name column: the check says so.
        #expect(throws: EnterpriseFileCheck.FileError.self) {
            try EnterpriseFileCheck(url: try Self.workbook(), resolver: try EnterpriseFileCheckTests.resolver.get()).run()
        }
        var accepted: [EnterpriseRecord] = []
        let check = EnterpriseFileCheck(url: try Self.workbook(), resolver: try EnterpriseFileCheckTests.resolver.get())
        try check.start(sheet: "企业")
        while let batch = try check.next() { accepted += batch }
        #expect(accepted.map(\.established) == ["2019-06-10"])
        #expect(check.summary.rejected == 1)
        #expect(check.summary.problems.first?.reason.contains("1900-02-29") == true)
        #expect(check.summary.extraColumns == ["高新"])
    }
}

import Foundation
import Testing
@testable import BrainIngest

/// Uploads built to kill, starve or fool the server: each is refused with a reason naming the part, row and cell,
/// and nothing is read whole.
@Suite struct XLSXHostileTests {
    static let header = #"<row r="1"><c r="A1" t="inlineStr"><is><t>企业名称</t></is></c></row>"#

    static func refusal(row2: String) throws -> String? {
        XLSXTestFiles.refusal(try XLSXTestFiles.workbook(sheetXML: XLSXTestFiles.sheet(header + row2)))
    }

    @Test func cellReferencesBeyondExcelsGridAreRefusedNotOverflowedOrAllocated() throws {
        // Both killed the server: the first overflowed computing the column, the second asked for 3.4 TB of fields.
        for reference in ["ZZZZZZZZZZZZZZZ2", "AAAAAAAAA2", "XFE2"] {
            let error = try Self.refusal(row2: #"<row r="2"><c r="\#(reference)"><v>1</v></c></row>"#)
            #expect(error == "is not a readable XLSX workbook: sheet “企业” (xl/worksheets/sheet1.xml), row 2: cell reference \(reference) is beyond Excel's last column XFD")
        }
        #expect(try Self.refusal(row2: #"<row r="2"><c r="A99999999999999999999"><v>1</v></c></row>"#)?
            .hasSuffix("row 2: cell reference A99999999999999999999 is beyond Excel's rows 1–1,048,576") == true)
        #expect(try Self.refusal(row2: #"<row r="2"><c r="2A"><v>1</v></c></row>"#)?
            .hasSuffix("row 2: cell reference 2A is not a cell reference (column letters A–XFD, then a row number)") == true)
        // The last cell Excel has is read.
        #expect(try Self.refusal(row2: #"<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#) == nil)
    }

    @Test func rowNumbersAndRowWidthsAreBounded() throws {
        #expect(try Self.refusal(row2: #"<row r="1048577"><c><v>1</v></c></row>"#)?
            .hasSuffix("row 1: row number r=\"1048577\" is not one of Excel's rows 1–1,048,576") == true)
        #expect(try Self.refusal(row2: #"<row r="18446744073709551617"/>"#)?.contains("is not one of Excel's rows") == true)
        // Cells without references count on from the last: the 16,385th is refused, not appended.
        let tooWide = #"<row r="2"><c r="XFD2"><v>1</v></c><c><v>2</v></c></row>"#
        #expect(try Self.refusal(row2: tooWide)?.hasSuffix("row 2: the row has more than Excel's 16,384 columns (A–XFD)") == true)
    }

    @Test func aHeaderFarToTheRightCannotPadSmallRowsIntoBillionsOfFields() throws {
        // Each 40-byte row would become 16,384 fields: refused early, before a million of them starve the server.
        let wide = #"<row r="1"><c r="A1" t="inlineStr"><is><t>企业名称</t></is></c><c r="XFD1"><v>1</v></c></row>"#
        let rows = (2...2_000).map { #"<row r="\#($0)"><c r="A\#($0)"><v>1</v></c></row>"# }.joined()
        #expect(XLSXTestFiles.refusal(try XLSXTestFiles.workbook(sheetXML: XLSXTestFiles.sheet(wide + rows)))?
            .contains("rows padded to the header's 16384 columns hold far fewer cells than that; delete the empty columns right of the data (the header's last value is in XFD1)") == true)
        // A sparse sheet under a header of 200 columns is padded as asked.
        let header = #"<row r="1"><c r="A1" t="inlineStr"><is><t>企业名称</t></is></c><c r="GR1"><v>1</v></c></row>"#
        let items = try XLSXTestFiles.items(try XLSXTestFiles.workbook(sheetXML: XLSXTestFiles.sheet(header + rows)))
        #expect(items.count == 2_000)
        #expect(items.last == .record(line: 2_000, fields: ["1"] + Array(repeating: "", count: 199)))
    }

    @Test func aTagOrCommentWithoutEndIsRefusedAtOneMiB() throws {
        let comment = XLSXTestFiles.sheet(Self.header + "<!--" + String(repeating: "x", count: 2 << 20) + "-->")
        #expect(XLSXTestFiles.refusal(try XLSXTestFiles.workbook(sheetXML: comment))?
            .hasSuffix("after row 1: a tag, text or comment longer than 1024 KiB, which no workbook has") == true)
        let tag = XLSXTestFiles.sheet(Self.header + "<row r=\"2\" x=\"" + String(repeating: "y", count: 2 << 20) + "\"/>")
        #expect(XLSXTestFiles.refusal(try XLSXTestFiles.workbook(sheetXML: tag))?.contains("longer than 1024 KiB") == true)
    }

    @Test func aZipBombIsRefusedFromTheDirectoryBeforeAnythingInflates() throws {
        // 200 MB of identical rows deflate to ~0.2 MB: refused at a glance, in well under the time reading would take.
        let row = #"<row><c t="inlineStr"><is><t>华为技术有限公司</t></is></c><c><v>1</v></c></row>"#
        let bomb = try XLSXTestFiles.repeatedSheet(prefix: XLSXTestFiles.sheet("").replacingOccurrences(of: "</sheetData></worksheet>", with: ""),
                                                   body: row, times: 200_000_000 / row.utf8.count, suffix: "</sheetData></worksheet>")
        #expect(try FileManager.default.attributesOfItem(atPath: bomb.path)[.size] as? Int ?? .max < 2_000_000)
        let started = Date()
        let error = XLSXTestFiles.refusal(bomb)
        #expect(error?.hasPrefix("is refused as a zip bomb: xl/worksheets/sheet1.xml inflates") == true, "\(error ?? "read")")
        #expect(Date().timeIntervalSince(started) < 1)
    }

    @Test func aDirectoryThatUnderstatesTheSizeIsCaughtWhileInflating() throws {
        // 8 MB of rows declared as 100 kB: under the ratio check's threshold, so only counting catches it.
        let row = #"<row><c><v>1</v></c></row>"#
        let url = try XLSXTestFiles.repeatedSheet(prefix: "<worksheet><sheetData>", body: row, times: 8_000_000 / row.utf8.count,
                                                  suffix: "</sheetData></worksheet>")
        try XLSXTestFiles.declare(size: 100_000, for: "xl/worksheets/sheet1.xml", in: url)
        #expect(XLSXTestFiles.refusal(url) == "is refused: xl/worksheets/sheet1.xml inflates beyond the 100000 bytes its zip entry declares (a zip bomb or a damaged file)")
    }

    @Test func partsLargerThanTheirCapAreRefusedUnread() throws {
        var limits = XLSXLimits()
        limits.maxSheetBytes = 1_000
        let url = try XLSXTestFiles.workbook(sheetXML: XLSXTestFiles.sheet(String(repeating: Self.header, count: 20)))
        #expect(XLSXTestFiles.refusal(url, limits: limits)?.hasPrefix("is refused: xl/worksheets/sheet1.xml inflates to") == true)
    }

    @Test func sharedStringsAreBoundedInNumberAndSize() throws {
        var limits = XLSXLimits()
        limits.maxSharedStrings = 3
        let four = "<sst><si><t>a</t></si><si><t>b</t></si><si><t>c</t></si><si><t>d</t></si></sst>"
        let url = try XLSXTestFiles.workbook(sheetXML: XLSXTestFiles.sheet(Self.header), sharedStrings: four)
        #expect(XLSXTestFiles.refusal(url, limits: limits) == "is refused: xl/sharedStrings.xml holds more than 3 shared strings")

        // A string longer than a row may be keeps only its length: the row using it is reported oversized, the rest read.
        limits = XLSXLimits()
        limits.maxRowBytes = 100
        let long = "<sst><si><t>\(String(repeating: "长", count: 50))</t></si><si><t>短</t></si></sst>"
        let rows = Self.header + #"<row r="2"><c r="A2" t="s"><v>0</v></c></row><row r="3"><c r="A3" t="s"><v>1</v></c></row>"#
        let second = try XLSXTestFiles.workbook(sheetXML: XLSXTestFiles.sheet(rows), sharedStrings: long)
        #expect(try XLSXTestFiles.items(second, limits: limits) == [
            .record(line: 1, fields: ["企业名称"]), .oversized(line: 2, bytes: 151), .record(line: 3, fields: ["短"]),
        ])
    }

    @Test func aDTDIsRefusedSoNoEntityExpands() throws {
        let laughs = """
            <?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
            <worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>
            """
        let external = """
            <?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <sst><si><t>&xxe;</t></si></sst>
            """
        let dtd = "the part declares a DTD (<!DOCTYPE …>), which no workbook has; its entities are not expanded"
        #expect(XLSXTestFiles.refusal(try XLSXTestFiles.workbook(sheetXML: laughs))
                == "is not a readable XLSX workbook: sheet “企业” (xl/worksheets/sheet1.xml) is not well-formed XML before its first row: \(dtd)")
        #expect(XLSXTestFiles.refusal(try XLSXTestFiles.workbook(sheetXML: XLSXTestFiles.sheet(Self.header), sharedStrings: external))
                == "is not a readable XLSX workbook: xl/sharedStrings.xml is not well-formed XML: \(dtd)")
        // Without a DTD an undeclared entity is an error, never a lookup.
        let undeclared = try XLSXTestFiles.workbook(sheetXML: XLSXTestFiles.sheet(#"<row r="1"><c t="inlineStr"><is><t>&xxe;</t></is></c></row>"#))
        #expect(XLSXTestFiles.refusal(undeclared)?.hasSuffix("in row 1: unknown reference &xxe; (a workbook defines no entities)") == true)
    }

    @Test func invalidUTF8AndUTF16AreNamed() throws {
        let sheet = Data(#"<worksheet><sheetData><row r="1"><c r="B1" t="inlineStr"><is><t>"#.utf8) + Data([0xC3, 0x28])
            + Data("</t></is></c></row></sheetData></worksheet>".utf8)
        #expect(XLSXTestFiles.refusal(try XLSXTestFiles.workbook(sheetBytes: sheet))?.hasSuffix("row 1: cell B1 is not valid UTF-8 text") == true)
        let utf16 = Data([0xFF, 0xFE]) + Data("<worksheet/>".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(XLSXTestFiles.refusal(try XLSXTestFiles.workbook(sheetBytes: utf16))?.contains("the part is UTF-16; only UTF-8 workbooks are read") == true)
    }
}

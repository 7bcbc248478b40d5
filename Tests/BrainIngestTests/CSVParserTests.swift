import Testing
@testable import BrainIngest

@Suite struct CSVParserTests {
    @Test func quotedFieldsWithDelimitersQuotesAndNewlines() throws {
        let records = try CSVParser.parse("\u{FEFF}a,b,c\r\n1,\"x, \"\"y\"\"\",\"line1\nline2\"\r\n\n2,,z\n", file: "t.csv")
        #expect(records.count == 3)
        #expect(records[0].fields == ["a", "b", "c"])
        #expect(records[1].fields == ["1", "x, \"y\"", "line1\nline2"])
        #expect(records[2].fields == ["2", "", "z"])
        #expect(records[2].line == 5)
    }

    @Test func lastRecordWithoutNewline() throws {
        let records = try CSVParser.parse("a,b\n1,2", file: "t.csv")
        #expect(records.map(\.fields) == [["a", "b"], ["1", "2"]])
    }

    @Test func unterminatedQuoteIsLocated() {
        #expect(throws: SourceFileError(file: "t.csv", row: 2, reason: "unterminated quoted field")) {
            try CSVParser.parse("a,b\n1,\"open\n", file: "t.csv")
        }
    }

    @Test func tableChecksColumnsAndFieldCounts() throws {
        #expect(throws: SourceFileError(file: "t.csv", row: 1, field: "code", reason: "required column is missing from the header")) {
            try CSVTable(text: "name\nx\n", file: "t.csv", requiredColumns: ["code"])
        }
        #expect(throws: SourceFileError(file: "t.csv", row: 3, reason: "has 3 fields, the header has 2")) {
            try CSVTable(text: "code,name\n1,a\n2,b,c\n", file: "t.csv", requiredColumns: ["code"])
        }
    }

    @Test func typedAccessorsNameRowAndField() throws {
        let table = try CSVTable(text: "code,value\n12x,abc\n", file: "t.csv", requiredColumns: ["code", "value"])
        let row = table.rows[0]
        #expect(throws: SourceFileError(file: "t.csv", row: 2, field: "value", value: "abc", reason: "not a number")) {
            try row.double("value")
        }
        #expect(throws: SourceFileError(file: "t.csv", row: 2, field: "code", value: "12x", reason: "expected a 6-digit code")) {
            try row.digits("code", count: 6)
        }
    }
}

import Foundation
import Testing
import BrainModel
@testable import BrainIngest

@Suite struct JSONArrayReaderTests {
    func items(_ text: String) throws -> [DelimitedReader.Item] {
        let url = try TemporaryFile.write(text, "firms.json")
        var reader = try RowReaders.open(url)
        defer { reader.close() }
        var items: [DelimitedReader.Item] = []
        while let item = try reader.next() { items.append(item.inEnglish) }
        return items
    }

    func error(_ text: String) -> String? {
        do { _ = try items(text); return nil } catch let error as RowReaderError {
            return ReasonText.render(error.reason, in: .en)
        } catch { return "\(error)" }
    }

    @Test func aListOfObjectsIsReadAsRowsWithTheLineEachStartsOn() throws {
        #expect(try items("""
            [
              {"企业名称": "甲公司 [北京] {分}", "备注": "引号\\"与\\\\反斜杠"},
              {"企业名称": "乙公司", "网址": "x"},
              {"企业名称": "丙公司", "备注": ["嵌套"]},
              {"企业名称": "丁公司",
               "备注": null}
            ]
            """) == [
            .record(line: 0, fields: ["企业名称", "备注"]),
            .record(line: 2, fields: ["甲公司 [北京] {分}", "引号\"与\\反斜杠"]),
            .invalid(line: 3, reason: .note("key “网址” is not among the first object's keys (企业名称, 备注)")),
            .invalid(line: 4, reason: .note("the value of key “备注” is a list or object; only text, numbers, booleans and null are read")),
            .record(line: 5, fields: ["丁公司", ""]),
        ])
    }

    @Test func anEmptyListHasNoRows() throws {
        #expect(try items(" [ ] \n").isEmpty)
    }

    @Test func aBrokenListIsAnErrorForTheWholeFileNamingItsLine() {
        #expect(error(#"{"企业名称": "甲公司"}"#)?.contains("one list of objects") == true)
        #expect(error("[{\"企业名称\": \"甲公司\"}\n{\"企业名称\": \"乙公司\"}]")?.hasPrefix("line 2: expected , or ]") == true)
        #expect(error("[{\"企业名称\": \"甲公司\"},\n]")?.hasPrefix("line 2: expected an object") == true)
        #expect(error("[{\"企业名称\": \"甲公司\"}] x")?.contains("text after the list's closing ]") == true)
        #expect(error("[{\"企业名称\": \"甲公司\"},\n{\"企业名称\": \"乙")?.contains("ends inside the object that starts on line 2") == true)
        #expect(error("[{\"企业名称\": \"甲公司\"}")?.contains("before the list's closing ]") == true)
        #expect(error("")?.contains("empty") == true)
    }

    @Test func anObjectOverTheLimitIsAnOversizedRow() throws {
        let long = String(repeating: "药", count: JSONArrayScanner.limit / 3 + 10)
        let rows = try items("[{\"企业名称\": \"甲公司\"},\n{\"企业名称\": \"\(long)\"}]")
        #expect(rows.count == 3)
        guard case .oversized(let line, let bytes) = rows[2] else { Issue.record("not oversized: \(rows[2])"); return }
        #expect(line == 2 && bytes > JSONArrayScanner.limit)
    }

    @Test func objectsCutAcrossChunksAreWhole() throws {
        // More than one 1 MiB chunk of small objects: every object comes out whole, with its line.
        let count = 40_000
        let text = "[\n" + (0..<count).map { #"{"企业名称": "公司\#($0)", "备注": "}{]["}"# }.joined(separator: ",\n") + "\n]"
        let rows = try items(text)
        #expect(rows.count == count + 1)
        #expect(rows.last == .record(line: count + 1, fields: ["公司\(count - 1)", "}{]["]))
    }
}

extension Result {
    var failure: Failure? { if case .failure(let error) = self { error } else { nil } }
}

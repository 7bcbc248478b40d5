import Foundation
import Testing
import BrainIngest

/// Files written to a temporary folder, read back through the streaming reader.
enum TemporaryFile {
    static func write(_ bytes: [UInt8], _ name: String = "input.csv") throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("brain-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    static func write(_ text: String, _ name: String = "input.csv") throws -> URL { try write(Array(text.utf8), name) }
}

@Suite struct DelimitedReaderTests {
    func records(_ url: URL, encoding: TextEncoding? = nil) throws -> [DelimitedReader.Item] {
        var reader = try DelimitedReader(url: url, encoding: encoding)
        defer { reader.close() }
        var items: [DelimitedReader.Item] = []
        while let item = try reader.next() { items.append(item) }
        return items
    }

    @Test func quotedFieldsEmbeddedNewlinesBOMAndCRLF() throws {
        let url = try TemporaryFile.write("\u{FEFF}名称,地址\r\n\"恒瑞, 医药\",\"连云港\n昆仑山路\"\r\n\"说\"\"好\"\"\",x\r\n\r\n")
        #expect(try records(url) == [.record(line: 1, fields: ["名称", "地址"]), .record(line: 2, fields: ["恒瑞, 医药", "连云港\n昆仑山路"]),
                                     .record(line: 4, fields: ["说\"好\"", "x"])])
    }

    @Test(arguments: [("\t", "a\tb\n1\t2\n"), (";", "a;b\n1;2\n"), (",", "a,b\n1,2\n")])
    func delimiterIsDetected(delimiter: String, text: String) throws {
        #expect(try records(TemporaryFile.write(text)) == [.record(line: 1, fields: ["a", "b"]), .record(line: 2, fields: ["1", "2"])])
    }

    @Test func unterminatedQuoteIsAFileError() throws {
        let url = try TemporaryFile.write("a,b\n\"open,2\n3,4\n")
        #expect(throws: DelimitedReader.UnterminatedQuote(line: 2)) { try records(url) }
    }

    @Test func invalidUTF8InAFileDeclaredUTF8NamesTheOffset() throws {
        let url = try TemporaryFile.write(Array("a,b\n1,".utf8) + [0xC3, 0x28] + Array("\n".utf8))
        #expect(throws: TextEncoding.DecodingError(encoding: .utf8, byteOffset: 6, line: 2)) { try records(url, encoding: .utf8) }
    }

    @Test func aTenMegabyteLineIsOneOversizedRecordAndReadingGoesOn() throws {
        let url = try TemporaryFile.write("a,b\n" + String(repeating: "x", count: 10 << 20) + ",1\nok,2\n")
        let items = try records(url)
        #expect(items.count == 3)
        #expect(items[1] == .oversized(line: 2, bytes: (10 << 20) + 3))
        #expect(items[2] == .record(line: 3, fields: ["ok", "2"]))
    }

    @Test func gb18030AcrossChunkBoundaries() throws {
        // The Python-written GB18030 fixture's rows repeated until 1 MiB chunks cut through multi-byte characters.
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/enterprises-gb18030.csv")
        let bytes = [UInt8](try Data(contentsOf: fixture))
        let headerEnd = bytes.firstIndex(of: UInt8(ascii: "\n"))! + 1
        let body = Array(bytes[headerEnd...])
        var file = Array(bytes[..<headerEnd])
        for _ in 0..<20_000 { file += body }
        let items = try records(try TemporaryFile.write(file))
        #expect(items.count == 40_001)
        #expect(items.last == .record(line: 40_001, fields: ["㐀𠀀测试", "914403001922038216", "广东省深圳市龙岗区坂田华为基地", "4104113.182万元"]))
    }
}

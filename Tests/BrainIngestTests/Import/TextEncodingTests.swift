import Foundation
import Testing
import BrainIngest

@Suite struct TextEncodingTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// Written by Python's own GB18030 codec, including characters outside the BMP (𠀀) and CJK extension A (㐀).
    @Test func gb18030FileIsDetectedAndDecoded() throws {
        let bytes = try Data(contentsOf: Self.fixtures.appendingPathComponent("enterprises-gb18030.csv"))
        let expected = try String(contentsOf: Self.fixtures.appendingPathComponent("enterprises-gb18030.expected.txt"), encoding: .utf8)
        #expect(TextEncoding.detect(bytes.prefix(64)) == .gb18030)
        #expect(try TextEncoding.gb18030.decode(bytes) == expected)
    }

    @Test func utf8WithAndWithoutBOM() throws {
        let text = "企业名称,注册资本\n恒瑞,500万元\n"
        #expect(TextEncoding.detect(Array(text.utf8)) == .utf8)
        #expect(try TextEncoding.utf8.decode([0xEF, 0xBB, 0xBF] + Array(text.utf8)) == text)
        // A sample cut inside a character is still UTF-8.
        #expect(TextEncoding.detect(Array(text.utf8).prefix(4)) == .utf8)
    }

    @Test func invalidUTF8NamesTheByteOffset() {
        let bytes: [UInt8] = Array("名称,".utf8) + [0xFF, 0x41]
        #expect(throws: TextEncoding.DecodingError(encoding: .utf8, byteOffset: 7)) { try TextEncoding.utf8.decode(bytes) }
    }

    @Test func truncatedGB18030NamesTheByteOffset() {
        let bytes: [UInt8] = Array("ab".utf8) + [0xC6, 0xF3, 0xD2]  // 企 then half of 业
        #expect(throws: TextEncoding.DecodingError(encoding: .gb18030, byteOffset: 4)) { try TextEncoding.gb18030.decode(bytes) }
    }
}

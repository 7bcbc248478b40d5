import Foundation
import BrainModel

/// What `brain fuzz` and the property tests feed the readers: a seeded stream of hostile inputs — random bytes, and
/// small valid files (built in, or the caller's seed files such as the test fixtures) mutated by flipping, inserting
/// and deleting bytes, cutting short, inserting control characters, quotes and line breaks of every style, swapping
/// in bad encodings (stray UTF-8 bytes, UTF-16 BOMs, GB18030 pairs), very long fields and lines, deeply nested JSON
/// and out-of-range numbers. The same seed gives the same inputs, so a finding can be replayed by its number.
public struct HostileInputs {
    public enum Target: String, CaseIterable, Sendable {
        case csv, jsonl, json, xlsx, matrix, address
        /// The file name extension the input is written with (the readers choose by it).
        public var fileExtension: String {
            switch self {
            case .csv: "csv"
            case .jsonl: "jsonl"
            case .json: "json"
            case .xlsx: "xlsx"
            case .matrix: "csv"
            case .address: "txt"
            }
        }
    }

    public let target: Target
    private var random: SeededRandom
    private var seeds: [[UInt8]]

    /// `extraSeeds`: more valid files for this target (fixtures, saved corpus entries).
    public init(target: Target, seed: UInt64, extraSeeds: [[UInt8]] = []) {
        self.target = target
        random = SeededRandom(seed: seed)
        seeds = Self.builtInSeeds(target) + extraSeeds.filter { !$0.isEmpty }
    }

    /// The next input's bytes.
    public mutating func next() -> [UInt8] {
        switch random.below(20) {
        case 0: return randomBytes(random.below(512))
        case 1: return special()
        default:
            var bytes = seeds[random.below(seeds.count)]
            for _ in 0...random.below(4) { bytes = mutate(bytes) }
            return bytes
        }
    }

    private mutating func randomBytes(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) } }

    /// Hand-written worst cases for the target: each a known way to hurt a reader.
    private mutating func special() -> [UInt8] {
        let header = Array("企业名称,统一社会信用代码,注册地址\n".utf8)
        switch (target, random.below(6)) {
        case (.jsonl, 0): return Array(("{\"name\":" + String(repeating: "[", count: 100_000) + "\n").utf8)
        case (.jsonl, 1): return Array("{\"name\":\"a\",\"n\":1e999}\n{\"name\":\"b\",\"n\":-1e999}\n".utf8)
        case (.jsonl, 2): return Array("{\"name\":\"a\",\"name\":\"b\"}\n[1,2]\n\"x\"\n{\"name\":\"\\ud800\"}\n".utf8)
        case (.jsonl, 3): return Array("{\"name\":\"a\",\"n\":123456789012345678901234567890}\n{\"name\":\"\\u0000\"}\n".utf8)
        case (.json, 0): return Array(("[{\"name\":" + String(repeating: "[", count: 100_000)).utf8)
        case (.json, 1): return Array(("[" + String(repeating: "{\"name\":\"a\"},", count: 50_000) + "]").utf8)
        case (.json, 2): return Array("[{\"name\":\"a\\\"]}\"}, {\"name\":\"\\ud800\"}] [".utf8)
        case (.json, 3): return Array(("[" + String(repeating: "[", count: 100_000)).utf8)
        case (.address, _): return Array(String(repeating: ["省", "市", "区", "县", "路", "号", "北京", "苏州"][random.below(8)], count: 1 + random.below(5_000)).utf8)
        case (.xlsx, _): return xlsxBomb()
        case (_, 0): return header + Array(repeating: UInt8(ascii: "x"), count: (1 << 20) + random.below(4_096))
        case (_, 1): return Array(repeating: UInt8(ascii: "a"), count: (1 << 20) + 10) + Array("\n".utf8)
        case (_, 2): return header + Array(String(repeating: "\"", count: 10_001).utf8)
        case (_, 3): return [0xFF, 0xFE] + Array("a\0,\0b\0\n\0".utf8) + [0x00, 0xD8]
        case (_, 4): return header + Array(String(repeating: ",", count: 200_000).utf8) + Array("\n".utf8)
        default: return header + Array(String(repeating: "\r", count: 50_000).utf8)
        }
    }

    private mutating func mutate(_ input: [UInt8]) -> [UInt8] {
        var bytes = input
        let at = bytes.isEmpty ? 0 : random.below(bytes.count + 1)
        switch random.below(12) {
        case 0 where !bytes.isEmpty: bytes[min(at, bytes.count - 1)] ^= UInt8(1 << random.below(8))
        case 1: bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: at)
        case 2 where !bytes.isEmpty: bytes.removeSubrange(min(at, bytes.count - 1)..<min(bytes.count, at + 1 + random.below(16)))
        case 3: bytes = Array(bytes.prefix(at))
        case 4: bytes.insert(contentsOf: Self.controls[random.below(Self.controls.count)], at: at)
        case 5: bytes.insert(contentsOf: Array(["\"", "\r", "\n", "\r\n", ",", "\t", ";", "\"\"", "{", "}", "[", ":"][random.below(12)].utf8), at: at)
        case 6: bytes.insert(contentsOf: Self.badEncodings[random.below(Self.badEncodings.count)], at: at)
        case 7: bytes = Self.byteOrderMarks[random.below(Self.byteOrderMarks.count)] + bytes
        case 8: bytes.insert(contentsOf: Array(repeating: UInt8(ascii: "y"), count: 1 + random.below(70_000)), at: at)
        case 9: bytes.insert(contentsOf: Array(["1e999", "-0", "NaN", "Infinity", "00000000000000000000", "９１", "000000000000000000", "\\u0000"][random.below(8)].utf8), at: at)
        case 10 where !bytes.isEmpty:
            // A slice of the input repeated: long rows, many rows.
            let end = min(bytes.count, at + 1 + random.below(200))
            let slice = bytes[min(at, bytes.count - 1)..<end]
            for _ in 0..<random.below(200) { bytes.insert(contentsOf: slice, at: at) }
        default:
            bytes.replaceSubrange(at..<at, with: randomBytes(1 + random.below(32)))
        }
        return bytes
    }

    static let controls: [[UInt8]] = [[0x00], [0x01], [0x1B], [0x7F], [0xC2, 0x85], [0xC2, 0x9F]]
    /// A stray lead byte, a cut character, a surrogate, a code point past U+10FFFF, GB18030 pairs.
    static let badEncodings: [[UInt8]] = [[0xFF], [0xC3], [0xE4, 0xB8], [0xED, 0xA0, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xD6, 0xD0], [0x81, 0x30]]
    static let byteOrderMarks: [[UInt8]] = [[0xFF, 0xFE], [0xFE, 0xFF], [0xEF, 0xBB, 0xBF]]

    /// A small valid file per target.
    static func builtInSeeds(_ target: Target) -> [[UInt8]] {
        switch target {
        case .csv:
            return [
                "企业名称,统一社会信用代码,注册地址,注册资本(万元),成立日期,参保人数\n江苏恒瑞医药股份有限公司,91320700704045236A,江苏省连云港市经济技术开发区昆仑山路7号,637892.8,1997-04-28,21000\n\"苏州某生物, 科技\",,\"苏州工业园区\n星湖街218号\",100,2019/5/1,12\n",
                "name\tuscc\taddress\nAcme Bio\t91330100799655058B\t浙江省杭州市\n",
                "企业名称;地址\r\n上海某药业有限公司;上海市浦东新区张江路1号\r\n",
            ].map { Array($0.utf8) }
        case .jsonl:
            return [
                "{\"企业名称\":\"江苏恒瑞医药股份有限公司\",\"统一社会信用代码\":\"91320700704045236A\",\"注册地址\":\"江苏省连云港市\",\"参保人数\":21000}\n{\"企业名称\":\"某公司\",\"统一社会信用代码\":null,\"注册地址\":\"苏州市\",\"参保人数\":1.5}\n",
                "{\"name\":\"Acme\",\"address\":\"北京市海淀区\",\"flag\":true}\n",
            ].map { Array($0.utf8) }
        case .json:
            return [
                "[\n{\"企业名称\":\"江苏恒瑞医药股份有限公司\",\"统一社会信用代码\":\"91320700704045236A\",\"注册地址\":\"江苏省连云港市\",\"参保人数\":21000},\n{\"企业名称\":\"某公司 {括号]\",\"统一社会信用代码\":null,\"注册地址\":\"苏州市\",\"参保人数\":1.5}\n]\n",
                "[{\"name\":\"Acme\",\"address\":\"北京市海淀区\",\"flag\":true}]",
            ].map { Array($0.utf8) }
        case .matrix:
            return ["region,sector,value\n320500,2710,12.5\n310000,2710,3\n310000,2720,0\n", "year,region,sector,value\n2020,a,x,1\n2021,a,x,2\n2021,b,y,3\n"].map { Array($0.utf8) }
        case .address:
            return ["江苏省苏州市工业园区星湖街218号", "北京市海淀区中关村大街1号", "浙江杭州滨江区", "新疆维吾尔自治区乌鲁木齐市", "苏州高新区"].map { Array($0.utf8) }
        case .xlsx:
            return [validWorkbook()]
        }
    }

    static func validWorkbook() -> [UInt8] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("brain-fuzz-seed-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try? XLSXWriter.write(sheets: [(name: "企业", rows: [["企业名称", "统一社会信用代码", "注册地址"],
                                                             ["江苏恒瑞医药股份有限公司", "91320700704045236A", "江苏省连云港市"],
                                                             ["某公司", "", "苏州市工业园区"]])], to: url)
        return (try? [UInt8](Data(contentsOf: url))) ?? []
    }

    /// A workbook whose sheet inflates from a small zip to tens of megabytes of rows (built once; the XLSX reader's
    /// size bounds are what it tests).
    private static let bomb: [UInt8] = {
        let row = "<row><c t=\"inlineStr\"><is><t>x</t></is></c></row>"
        let sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
            + String(repeating: row, count: 400_000) + "</sheetData></worksheet>"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("brain-fuzz-bomb-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        let seed = validWorkbook()
        guard !seed.isEmpty else { return [] }
        try? XLSXWriter.writeParts([
            ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
            ("xl/workbook.xml", "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"a\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
            ("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"),
            ("xl/worksheets/sheet1.xml", sheet),
        ], to: url)
        return (try? [UInt8](Data(contentsOf: url))) ?? []
    }()

    private mutating func xlsxBomb() -> [UInt8] {
        random.below(2) == 0 ? Self.bomb : mutate(Self.bomb)
    }
}

/// BrainModel's SplitMix64, the same on every machine, so a seed names its inputs; `below` tolerates an empty range.
public struct SeededRandom {
    private var generator: SplitMix64
    public init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    public mutating func next() -> UInt64 { generator.next() }

    /// A number in 0..<bound (0 when bound ≤ 0).
    public mutating func below(_ bound: Int) -> Int { bound <= 0 ? 0 : generator.below(bound) }
}

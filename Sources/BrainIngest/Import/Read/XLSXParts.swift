import BrainModel
import Foundation

/// The parts of an XLSX workbook (ECMA-376 SpreadsheetML) other than the sheet: its sheet list, relationships,
/// date styles and shared strings, each streamed through `XLSXPullParser`.
enum XLSXParts {
    struct Relationship { let id: String, type: String, target: String }

    /// Runs `handle` over every token of a part as it inflates; false when the archive has no such part.
    @discardableResult
    static func parse(_ archive: XLSXArchive, _ path: String, cap: Int64,
                      _ handle: (inout XLSXPullParser, XLSXPullParser.Token) throws -> Void) throws -> Bool {
        var parser = XLSXPullParser()
        func drain() throws {
            do {
                while let token = try parser.next() {
                    try handle(&parser, token)
                    if token == .endOfDocument { return }
                }
            } catch let error as XLSXPullParser.SyntaxError {
                throw RowReaderError(Reason("read.xlsx-part-malformed", ["part": path]).with("detail", error.reason))
            }
        }
        guard try archive.stream(path, cap: cap, { parser.feed($0); try drain() }) else { return false }
        parser.finish()
        try drain()
        return true
    }

    static func sheets(_ archive: XLSXArchive) throws -> [(name: String, relationship: String)]? {
        var result: [(String, String)] = []
        let found = try parse(archive, "xl/workbook.xml", cap: archive.limits.maxOtherPartBytes) { parser, token in
            guard case .start = token, parser.localName == "sheet", let name = parser.attribute("name") else { return }
            let id = parser.attribute("r:id") ?? parser.attributeList.first { $0.0.hasSuffix(":id") }?.1 ?? ""
            result.append((name, id))
        }
        return found ? result : nil
    }

    static func relationships(_ archive: XLSXArchive) throws -> [Relationship] {
        var result: [Relationship] = []
        try parse(archive, "xl/_rels/workbook.xml.rels", cap: archive.limits.maxOtherPartBytes) { parser, token in
            guard case .start = token, parser.localName == "Relationship",
                  let id = parser.attribute("Id"), let target = parser.attribute("Target") else { return }
            result.append(Relationship(id: id, type: parser.attribute("Type") ?? "", target: target))
        }
        return result
    }

    /// A relationship's target as a path in the zip: relative to `xl/`, or absolute from the package root.
    static func partPath(_ target: String) -> String {
        target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
    }

    /// Indexes into `cellXfs` whose number format is a date: built-in 14–22, 45–47, or a custom code with y/m/d.
    static func dateStyles(_ archive: XLSXArchive, _ path: String) throws -> Set<Int> {
        var custom: [Int: String] = [:], formats: [Int] = [], inCellXfs = false
        try parse(archive, path, cap: archive.limits.maxOtherPartBytes) { parser, token in
            switch (token, parser.localName) {
            case (.start, "numFmt"):
                if let id = parser.attribute("numFmtId").flatMap(Int.init) { custom[id] = parser.attribute("formatCode") ?? "" }
            case (.start(let selfClosing), "cellXfs"): inCellXfs = !selfClosing
            case (.end, "cellXfs"): inCellXfs = false
            case (.start, "xf") where inCellXfs: formats.append(parser.attribute("numFmtId").flatMap(Int.init) ?? 0)
            default: break
            }
        }
        var result: Set<Int> = []
        for (index, id) in formats.enumerated() {
            if (14...22).contains(id) || (45...47).contains(id) { result.insert(index); continue }
            if let code = custom[id] {
                // Colours and conditions in brackets, quoted literals and escaped characters are not date letters.
                let bare = code.replacingOccurrences(of: "\\[[^]]*\\]|\"[^\"]*\"|\\\\.", with: "", options: .regularExpression).lowercased()
                if bare.contains("y") || bare.contains("d") || (bare.contains("m") && !bare.contains("0")) { result.insert(index) }
            }
        }
        return result
    }

    /// The shared-string table: each `<si>`'s text runs joined, phonetic guides (`<rPh>`) left out.
    static func sharedStrings(_ archive: XLSXArchive, _ path: String) throws -> XLSXSharedStrings {
        let limits = archive.limits
        var strings = XLSXSharedStrings(), current: [UInt8] = [], length = 0
        var inItem = false, inText = false, phonetic = 0
        try parse(archive, path, cap: limits.maxSharedStringsBytes) { parser, token in
            switch (token, parser.localName) {
            case (.start(let selfClosing), "si"):
                (inItem, current, length) = (!selfClosing, [], 0)
                if selfClosing { try strings.append([], length: 0, path: path, limits) }
            case (.end, "si"):
                inItem = false
                try strings.append(current, length: length, path: path, limits)
            case (.start(false), "rPh"): phonetic += 1
            case (.end, "rPh"): phonetic -= 1
            case (.start(false), "t"): inText = inItem && phonetic == 0
            case (.end, "t"): inText = false
            case (.text, _) where inText:
                length += parser.textByteCount
                if length <= limits.maxRowBytes { parser.appendText(to: &current) }
            default: break
            }
        }
        return strings
    }
}

/// The workbook's shared strings, held compactly — one byte buffer and an end offset per string — since a large
/// sheet's table holds millions of them. A string longer than `maxRowBytes` keeps only its length.
struct XLSXSharedStrings {
    enum Value { case text(String), oversized(bytes: Int) }

    private var bytes: [UInt8] = []
    private var ends: [UInt32] = []
    private var oversized: [Int: Int] = [:]

    var count: Int { ends.count }

    subscript(index: Int) -> Value? {
        guard ends.indices.contains(index) else { return nil }
        if let length = oversized[index] { return .oversized(bytes: length) }
        let start = index == 0 ? 0 : Int(ends[index - 1])
        return .text(String(decoding: bytes[start..<Int(ends[index])], as: UTF8.self))
    }

    /// The UTF-8 length of string `index` (which must exist), without building it.
    func byteCount(_ index: Int) -> Int {
        if let length = oversized[index] { return length }
        return Int(ends[index]) - (index == 0 ? 0 : Int(ends[index - 1]))
    }

    mutating func append(_ text: [UInt8], length: Int, path: String, _ limits: XLSXLimits) throws {
        guard ends.count < limits.maxSharedStrings else {
            throw RowReaderError("read.xlsx-too-many-strings", ["part": path, "limit": String(limits.maxSharedStrings)])
        }
        if length > limits.maxRowBytes {
            oversized[ends.count] = length
        } else {
            guard String(validating: text, as: UTF8.self) != nil else {
                throw RowReaderError("read.xlsx-string-not-utf8", ["part": path, "index": String(ends.count)])
            }
            // Offsets are 32-bit: whatever the limit says, the text stays under 4 GiB.
            guard bytes.count + text.count <= min(limits.maxSharedStringBytes, Int(UInt32.max)) else {
                throw RowReaderError("read.xlsx-strings-too-large", ["part": path, "limit": String(limits.maxSharedStringBytes >> 20)])
            }
            bytes.append(contentsOf: text)
        }
        ends.append(UInt32(bytes.count))
    }
}

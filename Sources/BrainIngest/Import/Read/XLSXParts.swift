import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The XML parts of an XLSX workbook (ECMA-376 SpreadsheetML), read with Foundation's event parser.
enum XLSXParts {
    static func sheets(_ data: Data) -> [(name: String, relationship: String)] {
        var result: [(String, String)] = []
        Events.parse(data) { name, attributes in
            if name == "sheet", let sheet = attributes["name"] {
                result.append((sheet, attributes["r:id"] ?? attributes.first { $0.key.hasSuffix(":id") }?.value ?? ""))
            }
        }
        return result
    }

    static func relationships(_ data: Data) -> [String: String] {
        var result: [String: String] = [:]
        Events.parse(data) { name, attributes in
            if name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] { result[id] = target }
        }
        return result
    }

    /// Indexes into `cellXfs` whose number format is a date: built-in 14–22, 45–47, or a custom code with y/m/d.
    static func dateStyles(_ data: Data) -> Set<Int> {
        var custom: [Int: String] = [:], formats: [Int] = []
        var inCellXfs = false
        Events.parse(data, start: { name, attributes in
            if name == "numFmt", let id = attributes["numFmtId"].flatMap(Int.init) { custom[id] = attributes["formatCode"] ?? "" }
            if name == "cellXfs" { inCellXfs = true }
            if name == "xf", inCellXfs { formats.append(attributes["numFmtId"].flatMap(Int.init) ?? 0) }
        }, end: { name in if name == "cellXfs" { inCellXfs = false } })
        var result: Set<Int> = []
        for (index, id) in formats.enumerated() {
            if (14...22).contains(id) || (45...47).contains(id) { result.insert(index); continue }
            if let code = custom[id] {
                let bare = code.replacingOccurrences(of: "\\[[^]]*\\]", with: "", options: .regularExpression).lowercased()
                if bare.contains("y") || bare.contains("d") || (bare.contains("m") && !bare.contains("0")) { result.insert(index) }
            }
        }
        return result
    }

    static func sharedStrings(_ data: Data) -> [String] {
        var strings: [String] = [], current = "", inText = false, inPhonetic = false
        Events.parse(data, start: { name, _ in
            if name == "si" { current = "" }
            if name == "rPh" { inPhonetic = true }
            if name == "t", !inPhonetic { inText = true }
        }, end: { name in
            if name == "t" { inText = false }
            if name == "rPh" { inPhonetic = false }
            if name == "si" { strings.append(current) }
        }, text: { if inText { current += $0 } })
        return strings
    }

    static func rows(_ data: Data, strings: [String], dateStyles: Set<Int>) throws -> [(line: Int, fields: [String])] {
        var rows: [(Int, [String])] = []
        var row: [Int: String] = [:], rowNumber = 0, nextColumn = 0
        var cellType = "", cellStyle = 0, cellColumn = 0, value = "", inValue = false
        var bad: String?
        let ok = Events.parse(data, start: { name, attributes in
            switch name {
            case "row":
                row = [:]; nextColumn = 0
                rowNumber = attributes["r"].flatMap(Int.init) ?? (rowNumber + 1)
            case "c":
                cellType = attributes["t"] ?? "n"
                cellStyle = attributes["s"].flatMap(Int.init) ?? 0
                cellColumn = attributes["r"].map(column(of:)) ?? nextColumn
                nextColumn = cellColumn + 1
                value = ""
            case "v", "t": inValue = true
            default: break
            }
        }, end: { name in
            switch name {
            case "v", "t": inValue = false
            case "c":
                switch cellType {
                case "s":
                    if let index = Int(value), strings.indices.contains(index) { row[cellColumn] = strings[index] }
                    else { bad = "row \(rowNumber): shared string \(value) does not exist" }
                case "b": row[cellColumn] = value == "1" ? "TRUE" : "FALSE"
                case "n" where dateStyles.contains(cellStyle): row[cellColumn] = isoDate(fromSerial: value) ?? value
                default: row[cellColumn] = value
                }
            case "row":
                if !row.isEmpty {
                    let width = (row.keys.max() ?? -1) + 1
                    rows.append((rowNumber, (0..<width).map { row[$0] ?? "" }))
                }
            default: break
            }
        }, text: { if inValue { value += $0 } })
        if let bad { throw RowReaderError("is not a readable XLSX sheet: \(bad)") }
        guard ok else { throw RowReaderError("is not a readable XLSX workbook: the sheet's XML is malformed") }
        return rows
    }

    /// `BC12` → 54 (zero-based column).
    static func column(of reference: String) -> Int {
        var column = 0
        for scalar in reference.unicodeScalars {
            guard (65...90).contains(scalar.value) else { break }
            column = column * 26 + Int(scalar.value - 64)
        }
        return max(0, column - 1)
    }

    /// Excel's 1900 date system; serial 60 (1900-02-29, which never was) and serials before 1 stay as written.
    static func isoDate(fromSerial text: String) -> String? {
        guard let serial = Double(text), serial >= 1, serial != 60, serial < 2_958_466 else { return nil }
        let days = Int(serial.rounded(.down)) - (serial > 60 ? 25_569 : 25_568)
        let date = Date(timeIntervalSince1970: Double(days) * 86_400)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    /// XMLParser with closures; element names without their namespace prefix.
    final class Events: NSObject, XMLParserDelegate {
        let start: (String, [String: String]) -> Void
        let end: (String) -> Void
        let text: (String) -> Void

        init(start: @escaping (String, [String: String]) -> Void, end: @escaping (String) -> Void, text: @escaping (String) -> Void) {
            (self.start, self.end, self.text) = (start, end, text)
        }

        @discardableResult
        static func parse(_ data: Data, start: @escaping (String, [String: String]) -> Void, end: @escaping (String) -> Void = { _ in },
                          text: @escaping (String) -> Void = { _ in }) -> Bool {
            let parser = XMLParser(data: data)
            let events = Events(start: start, end: end, text: text)
            parser.delegate = events
            return parser.parse()
        }

        static func local(_ name: String) -> String { name.split(separator: ":").last.map(String.init) ?? name }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            start(Self.local(elementName), attributes)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            end(Self.local(elementName))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text(string) }
    }
}

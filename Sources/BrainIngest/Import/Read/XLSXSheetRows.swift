import BrainModel
import Foundation

/// A sheet's XML turned into rows as it is fed: shared and inline strings, numbers as written, booleans, and cells
/// with a date format as ISO dates. Memory is one row. Rows with no value are skipped; the first row with a value is
/// the header, and a later row is padded with empty fields to the header's width (Excel and `XLSXWriter` omit empty
/// cells). Cell references and row numbers must lie within Excel's grid (A–XFD, 1–1,048,576), so no reference can
/// make a row wider than 16,384 fields; a value right of the header's last column makes the row `.invalid`.
struct XLSXSheetRows {
    enum Step { case item(DelimitedReader.Item), needInput, end }

    static let maxRow = 1_048_576
    static let maxColumns = 16_384

    let sheet: String
    let path: String
    let strings: XLSXSharedStrings
    let dateStyles: Set<Int>
    let maxRowBytes: Int
    /// The checking pass finds every error the reading pass would, without building the values.
    var checkingOnly = false
    private var parser = XLSXPullParser()
    private var inSheetData = false
    private var inRow = false
    private var rowNumber = 0
    private var nextColumn = 0
    private var cells: [(column: Int, value: String)] = []
    private var rowBytes = 0
    private var cell: Cell?
    private(set) var headerWidth: Int?
    private var headerRow = 0
    /// Rows handed out so far (the header, records, oversized and invalid rows).
    private(set) var rowsRead = 0
    /// Fields handed out so far: padding to the header's width may not turn a small sheet into billions of fields.
    private var fieldsHandedOut = 0
    static let fieldsPerByte = 64, freeFields = 1 << 22

    private struct Cell {
        let column: Int, type: String, style: Int
        var value: [UInt8] = []
        var capturing = false, inInlineString = false, phonetic = 0
    }

    init(sheet: String, path: String, strings: XLSXSharedStrings, dateStyles: Set<Int>, limits: XLSXLimits) {
        (self.sheet, self.path, self.strings, self.dateStyles, maxRowBytes) = (sheet, path, strings, dateStyles, limits.maxRowBytes)
    }

    mutating func feed(_ chunk: Data) { parser.feed(chunk) }
    mutating func finishInput() { parser.finish() }

    mutating func next() throws -> Step {
        while true {
            let token: XLSXPullParser.Token?
            do { token = try parser.next() } catch { throw malformed(error.reason) }
            guard let token else { return .needInput }
            let item: DelimitedReader.Item?
            switch token {
            case .endOfDocument: return .end
            case .text:
                if cell?.capturing == true { take() }
                continue
            case .start(let selfClosing): item = try start(parser.localName, selfClosing: selfClosing)
            case .end: item = try end(parser.localName)
            }
            if let item {
                rowsRead += 1
                return .item(item)
            }
        }
    }

    // MARK: - Elements

    private mutating func start(_ name: String, selfClosing: Bool) throws -> DelimitedReader.Item? {
        switch name {
        case "sheetData": inSheetData = !selfClosing
        case "row" where inSheetData && !inRow:
            rowNumber = try parser.attribute("r").map(rowNumber(_:)) ?? rowNumber + 1
            guard rowNumber <= Self.maxRow else { throw problem(Reason("read.xlsx-too-many-rows")) }
            (inRow, nextColumn, rowBytes) = (true, 0, 0)
            cells.removeAll(keepingCapacity: true)
            if selfClosing { return try finishRow() }
        case "c" where inRow && cell == nil:
            let column = try parser.attribute("r").map(column(_:)) ?? nextColumn
            guard column < Self.maxColumns else { throw problem(Reason("read.xlsx-too-many-columns")) }
            nextColumn = column + 1
            let style = parser.attribute("s").flatMap { Int($0) } ?? 0
            cell = Cell(column: column, type: parser.attribute("t") ?? "n", style: style)
            if selfClosing { cell = nil }
        case "v" where cell?.inInlineString == false: cell?.capturing = !selfClosing
        case "is" where cell != nil: cell?.inInlineString = !selfClosing
        case "rPh" where cell?.inInlineString == true && !selfClosing: cell?.phonetic += 1
        case "t" where cell?.inInlineString == true && cell?.phonetic == 0: cell?.capturing = !selfClosing
        default: break
        }
        return nil
    }

    private mutating func end(_ name: String) throws -> DelimitedReader.Item? {
        switch name {
        case "sheetData": inSheetData = false
        case "row" where inRow && cell == nil:
            return try finishRow()
        case "c" where cell != nil:
            try finishCell()
            cell = nil
        case "v", "t": cell?.capturing = false
        case "is": cell?.inInlineString = false
        case "rPh" where cell?.inInlineString == true: cell?.phonetic -= 1
        default: break
        }
        return nil
    }

    /// Text is kept only while the row stays under `maxRowBytes`; beyond, only its length is counted.
    private mutating func take() {
        rowBytes += parser.textByteCount
        guard rowBytes <= maxRowBytes, var current = cell else { return }
        cell = nil  // appended in place, not copied
        parser.appendText(to: &current.value)
        cell = current
    }

    private mutating func finishCell() throws {
        guard let cell, rowBytes <= maxRowBytes, !cell.value.isEmpty else { return }
        guard let text = String(validating: cell.value, as: UTF8.self) else {
            throw problem(Reason("read.xlsx-cell-not-utf8", ["cell": reference(cell.column)]))
        }
        let value: String
        switch cell.type {
        case "s":
            guard let index = Int(text), (0..<strings.count).contains(index) else {
                throw problem(Reason("read.xlsx-shared-string-missing", ["cell": reference(cell.column), "index": text, "count": String(strings.count)]))
            }
            if checkingOnly {
                // Only whether the cell is empty matters here (for the row's width).
                let bytes = strings.byteCount(index)
                rowBytes += bytes
                if bytes > 0 { cells.append((cell.column, "")) }
                return
            }
            switch strings[index] ?? .text("") {
            case .text(let string):
                value = string
                rowBytes += string.utf8.count
            case .oversized(let bytes):
                rowBytes += bytes
                return
            }
        case "b": value = text == "1" ? "TRUE" : "FALSE"
        case "n" where dateStyles.contains(cell.style) && !checkingOnly: value = XLSXDates.isoDate(fromSerial: text) ?? text
        default: value = text
        }
        if !value.isEmpty, rowBytes <= maxRowBytes { cells.append((cell.column, value)) }
    }

    private mutating func finishRow() throws -> DelimitedReader.Item? {
        inRow = false
        if rowBytes > maxRowBytes { return .oversized(line: rowNumber, bytes: rowBytes) }
        guard var last = cells.first?.column else { return nil }
        for (column, _) in cells where column > last { last = column }
        let width: Int
        if let headerWidth {
            guard last < headerWidth else {
                return .invalid(line: rowNumber, reason: Reason("read.xlsx-right-of-header", ["cell": reference(last), "last": XLSXWriter.columnName(headerWidth - 1)]))
            }
            width = headerWidth
        } else {
            width = last + 1
            (headerWidth, headerRow) = (width, rowNumber)
        }
        // A row of one cell takes ~40 bytes of XML; padded to a header of 16,384 columns it would be 16,384 fields.
        fieldsHandedOut += width
        guard fieldsHandedOut <= Self.freeFields + Self.fieldsPerByte * parser.offset else {
            throw problem(Reason("read.xlsx-padded-rows", ["width": String(width), "last": "\(XLSXWriter.columnName(width - 1))\(headerRow)"]))
        }
        if checkingOnly { return .record(line: rowNumber, fields: []) }
        var fields = [String](repeating: "", count: width)
        for (column, value) in cells { fields[column] = value }
        return .record(line: rowNumber, fields: fields)
    }

    // MARK: - References and errors

    /// `r="5"` on a row: a row number Excel has.
    private func rowNumber(_ text: String) throws -> Int {
        guard text.utf8.count <= 7, let number = Int(text), (1...Self.maxRow).contains(number) else {
            throw problem(Reason("read.xlsx-row-number", ["text": String(text.prefix(40))]))
        }
        return number
    }

    /// `BC12` → 54 (zero-based column), refusing anything beyond XFD1048576 before it can overflow.
    private func column(_ reference: String) throws -> Int {
        let letters = reference.utf8.prefix { (65...90).contains($0) }
        let digits = reference.utf8.dropFirst(letters.count)
        let shown = ["reference": String(reference.prefix(40))]
        guard !letters.isEmpty, !digits.isEmpty, digits.allSatisfy({ (48...57).contains($0) }) else {
            throw problem(Reason("read.xlsx-cell-reference", shown))
        }
        guard letters.count <= 3, case let column = letters.reduce(0, { $0 * 26 + Int($1 - 64) }), column <= Self.maxColumns else {
            throw problem(Reason("read.xlsx-beyond-column", shown))
        }
        guard digits.count <= 7, let row = Int(String(decoding: digits, as: UTF8.self)), (1...Self.maxRow).contains(row) else {
            throw problem(Reason("read.xlsx-beyond-row", shown))
        }
        return column - 1
    }

    private func reference(_ column: Int) -> String { "\(XLSXWriter.columnName(column))\(rowNumber)" }

    private func problem(_ reason: Reason) -> RowReaderError {
        RowReaderError(Reason("read.xlsx-sheet-row", ["sheet": sheet, "part": path, "row": String(rowNumber)]).with("detail", reason))
    }

    private func malformed(_ reason: Reason) -> RowReaderError {
        let at = rowNumber == 0 ? (zh: "在第一行之前", en: "before its first row")
            : inRow ? (zh: "在第 \(rowNumber) 行内", en: "in row \(rowNumber)") : (zh: "在第 \(rowNumber) 行之后", en: "after row \(rowNumber)")
        return RowReaderError(Reason("read.xlsx-sheet-malformed", ["sheet": sheet, "part": path]).with("at", zh: at.zh, en: at.en).with("detail", reason))
    }
}

/// Excel's 1900 date system.
enum XLSXDates {
    /// Serial 60 (1900-02-29, which never was) and serials before 1 stay as written, for the date validator to judge.
    static func isoDate(fromSerial text: String) -> String? {
        guard let serial = Double(text), serial >= 1, serial != 60, serial < 2_958_466 else { return nil }
        // Days since 1970-01-01; serials after 60 count Excel's phantom leap day.
        let days = Int(serial.rounded(.down)) - (serial > 60 ? 25_569 : 25_568)
        let (year, month, day) = civil(fromDays: days)
        func padded(_ number: Int, _ width: Int) -> String {
            let digits = String(number)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }

    /// Proleptic Gregorian date of a day count from 1970-01-01 (H. Hinnant's days-to-civil algorithm), in integers.
    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shifted = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shifted + 2) / 5 + 1
        let month = shifted < 10 ? shifted + 3 : shifted - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

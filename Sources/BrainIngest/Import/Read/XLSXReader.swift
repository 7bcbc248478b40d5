import BrainModel
import Foundation

/// One sheet of an XLSX workbook as rows (see `XLSXSheetRows` for what a row holds), the first sheet unless one is
/// named. Rows carry their Excel row numbers.
///
/// The sheet is read twice, streaming both times: opening the reader inflates and checks the whole sheet (well-formed
/// XML, cell references, shared strings) so that a damaged or cut-off file is refused whole, before any row reaches
/// an import that writes in batches; `next()` then inflates it again on a thread of its own and hands rows out one
/// at a time. Memory is the shared strings plus one row and a few 64 KiB chunks, whatever the sheet's size; every
/// part is bounded by `XLSXLimits`.
public struct XLSXReader: RowReader {
    public let sheetNames: [String]
    public let sheetName: String
    /// Rows with a value, the header included (counted while checking).
    public let rowCount: Int
    private let source: Source

    public init(url: URL, sheet: String? = nil, limits: XLSXLimits = XLSXLimits()) throws {
        let archive = try XLSXArchive(url: url, limits: limits)
        guard let sheets = try XLSXParts.sheets(archive) else {
            throw RowReaderError("read.xlsx-no-workbook")
        }
        let relationships = try XLSXParts.relationships(archive)
        let names = sheets.map(\.name)
        sheetNames = names
        guard let chosen = sheet.map({ name in sheets.first { $0.name == name } }) ?? sheets.first else {
            let listed = names.prefix(20).joined(separator: ", ")
            guard let sheet else { throw RowReaderError("read.xlsx-no-sheets") }
            throw RowReaderError(Reason("read.xlsx-no-sheet-named", ["sheet": sheet])
                .with("sheets", zh: listed + (names.count > 20 ? " …（共 \(names.count) 个）" : ""),
                      en: listed + (names.count > 20 ? " … \(names.count) in all" : "")))
        }
        sheetName = chosen.name
        func part(_ type: String, _ fallback: String) -> String {
            relationships.first { $0.type.hasSuffix("/" + type) }.map { XLSXParts.partPath($0.target) } ?? fallback
        }
        let target = relationships.first { $0.id == chosen.relationship }.map { XLSXParts.partPath($0.target) } ?? "xl/worksheets/sheet1.xml"
        let stringsPath = part("sharedStrings", "xl/sharedStrings.xml"), stylesPath = part("styles", "xl/styles.xml")
        let strings = archive.contains(stringsPath) ? try XLSXParts.sharedStrings(archive, stringsPath) : XLSXSharedStrings()
        let dateStyles = archive.contains(stylesPath) ? try XLSXParts.dateStyles(archive, stylesPath) : []
        let fresh = XLSXSheetRows(sheet: chosen.name, path: target, strings: strings, dateStyles: dateStyles, limits: limits)

        // The checking pass: every row is read and dropped, so the second pass cannot meet a problem the first did not.
        var check = fresh
        check.checkingOnly = true
        func drain() throws { while case .item = try check.next() {} }
        guard try archive.stream(target, cap: limits.maxSheetBytes, { check.feed($0); try drain() }) else {
            throw RowReaderError("read.xlsx-sheet-missing", ["part": target, "sheet": chosen.name])
        }
        check.finishInput()
        try drain()
        rowCount = check.rowsRead
        source = Source(rows: fresh, url: url, limits: limits)
    }

    public mutating func next() throws -> DelimitedReader.Item? { try source.next() }

    public func close() { source.close() }
    public var encodingName: String { "xlsx" }
    public var delimiterName: String { "sheet \(sheetName)" }

    /// The reading pass, shared by the reader's copies as a file handle would be; dropping the last copy stops its thread.
    private final class Source {
        private var rows: XLSXSheetRows
        private var pipe: XLSXPartPipe?
        private let url: URL, limits: XLSXLimits

        init(rows: XLSXSheetRows, url: URL, limits: XLSXLimits) { (self.rows, self.url, self.limits) = (rows, url, limits) }
        deinit { pipe?.cancel() }

        func next() throws -> DelimitedReader.Item? {
            while true {
                switch try rows.next() {
                case .item(let item): return item
                case .end:
                    close()
                    return nil
                case .needInput:
                    let pipe = self.pipe ?? XLSXPartPipe.start(url: url, path: rows.path, limits: limits)
                    self.pipe = pipe
                    if let chunk = try pipe.take() { rows.feed(chunk) } else { rows.finishInput() }
                }
            }
        }

        func close() { pipe?.cancel() }
    }
}

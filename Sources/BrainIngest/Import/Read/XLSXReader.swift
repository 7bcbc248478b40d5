import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// One sheet of an XLSX workbook as rows: shared and inline strings, numbers as written, booleans, and cells with a
/// date format as ISO dates (Excel's fictitious 1900-02-29, serial 60, is passed on as the serial for the date
/// validator to reject). The first sheet unless one is named. Rows carry their Excel row numbers; missing cells are
/// empty. The sheet's XML is parsed whole (Excel itself stops at 1,048,576 rows), unlike the streaming text readers.
public struct XLSXReader: RowReader {
    public let sheetNames: [String]
    public let sheetName: String
    private var rows: [(line: Int, fields: [String])]
    private var position = 0

    public init(url: URL, sheet: String? = nil) throws {
        let archive: Archive
        do { archive = try Archive(url: url, accessMode: .read) } catch {
            throw RowReaderError("is not an XLSX workbook: not a readable zip archive")
        }
        func part(_ path: String) throws -> Data? {
            guard let entry = archive[path] else { return nil }
            var data = Data()
            do { _ = try archive.extract(entry, skipCRC32: true) { data.append($0) } } catch {
                throw RowReaderError("is not a readable XLSX workbook: \(path) cannot be extracted")
            }
            return data
        }
        guard let workbook = try part("xl/workbook.xml") else {
            throw RowReaderError("is a zip archive but not an XLSX workbook (it has no xl/workbook.xml)")
        }
        let sheets = XLSXParts.sheets(workbook)
        let targets = try part("xl/_rels/workbook.xml.rels").map(XLSXParts.relationships) ?? [:]
        let names = sheets.map(\.name)
        sheetNames = names
        guard let chosen = sheet.map({ name in sheets.first { $0.name == name } }) ?? sheets.first else {
            throw RowReaderError(sheet.map { "has no sheet named \($0) (sheets: \(names.joined(separator: ", ")))" } ?? "the workbook has no sheets")
        }
        sheetName = chosen.name
        var target = targets[chosen.relationship] ?? "worksheets/sheet1.xml"
        target = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        guard let sheetXML = try part(target) else { throw RowReaderError("is not a readable XLSX workbook: \(target) is missing") }
        let strings = try part("xl/sharedStrings.xml").map(XLSXParts.sharedStrings) ?? []
        let dateStyles = try part("xl/styles.xml").map(XLSXParts.dateStyles) ?? []
        rows = try XLSXParts.rows(sheetXML, strings: strings, dateStyles: dateStyles)
    }

    public mutating func next() throws -> DelimitedReader.Item? {
        guard position < rows.count else { return nil }
        defer { position += 1 }
        return .record(line: rows[position].line, fields: rows[position].fields)
    }

    public func close() {}
    public var encodingName: String { "xlsx" }
    public var delimiterName: String { "sheet \(sheetName)" }
}

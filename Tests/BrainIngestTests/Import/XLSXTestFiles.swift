import Foundation
import ZIPFoundation
import BrainModel
@testable import BrainIngest

/// Workbooks built byte by byte for the reader's tests: well-formed ones and the hostile ones a client could upload.
enum XLSXTestFiles {
    static let workbookXML = """
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
        <sheets><sheet name="企业" sheetId="1" r:id="rId1"/></sheets></workbook>
        """
    static let relationshipsXML = """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
        <Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>
        """

    /// `<worksheet><sheetData>` around the given rows.
    static func sheet(_ rows: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
            + rows + "</sheetData></worksheet>"
    }

    /// A one-sheet workbook whose sheet XML (and shared strings, when given) is exactly this text.
    static func workbook(sheetXML: String, sharedStrings: String? = nil, workbook: String = workbookXML) throws -> URL {
        try self.workbook(sheetBytes: Data(sheetXML.utf8), sharedStrings: sharedStrings, workbook: workbook)
    }

    /// The same with the sheet's bytes as given, valid UTF-8 or not.
    static func workbook(sheetBytes: Data, sharedStrings: String? = nil, workbook: String = workbookXML) throws -> URL {
        let url = try TemporaryFile.write([], "hostile.xlsx")
        var parts = [("xl/workbook.xml", Data(workbook.utf8)), ("xl/_rels/workbook.xml.rels", Data(relationshipsXML.utf8)),
                     ("xl/worksheets/sheet1.xml", sheetBytes)]
        if let sharedStrings { parts.append(("xl/sharedStrings.xml", Data(sharedStrings.utf8))) }
        try FileManager.default.removeItem(at: url)
        let archive = try Archive(url: url, accessMode: .create)
        for (path, data) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return url
    }

    /// A workbook whose sheet is `prefix`, then `body` repeated `times`, then `suffix`, deflated as it is generated,
    /// so that a sheet of hundreds of megabytes never exists in memory.
    static func repeatedSheet(prefix: String, body: String, times: Int, suffix: String) throws -> URL {
        let url = try TemporaryFile.write([], "repeated.xlsx")
        try XLSXWriter.writeParts([("xl/workbook.xml", workbookXML), ("xl/_rels/workbook.xml.rels", relationshipsXML)], to: url)
        let archive = try Archive(url: url, accessMode: .update)
        let head = Array(prefix.utf8), unit = Array(body.utf8), tail = Array(suffix.utf8)
        let total = head.count + unit.count * times + tail.count
        try archive.addEntry(with: "xl/worksheets/sheet1.xml", type: .file, uncompressedSize: Int64(total),
                             compressionMethod: .deflate, bufferSize: 1 << 20) { position, size in
            var chunk = [UInt8](), at = Int(position)
            chunk.reserveCapacity(size)
            while chunk.count < size, at < total {
                if at < head.count {
                    chunk.append(head[at])
                } else if at >= total - tail.count {
                    chunk.append(tail[at - (total - tail.count)])
                } else {
                    let offset = (at - head.count) % unit.count
                    let take = min(unit.count - offset, size - chunk.count, total - tail.count - at)
                    chunk.append(contentsOf: unit[offset..<(offset + take)])
                    at += take
                    continue
                }
                at += 1
            }
            return Data(chunk)
        }
        return url
    }

    /// Rewrites the uncompressed size a zip's central directory and local header declare for `path`: a directory
    /// that lies about how far an entry inflates.
    static func declare(size: UInt32, for path: String, in url: URL) throws {
        var bytes = [UInt8](try Data(contentsOf: url))
        let name = Array(path.utf8)
        for (signature, sizeOffset, nameOffset) in [([0x50, 0x4B, 0x01, 0x02] as [UInt8], 24, 46), ([0x50, 0x4B, 0x03, 0x04], 22, 30)] {
            var index = 0
            while index + nameOffset + name.count <= bytes.count {
                if bytes[index..<(index + 4)].elementsEqual(signature),
                   bytes[(index + nameOffset)..<(index + nameOffset + name.count)].elementsEqual(name) {
                    for byte in 0..<4 { bytes[index + sizeOffset + byte] = UInt8((size >> (8 * UInt32(byte))) & 0xFF) }
                }
                index += 1
            }
        }
        try Data(bytes).write(to: url)
    }

    static func items(_ url: URL, limits: XLSXLimits = XLSXLimits()) throws -> [DelimitedReader.Item] {
        var reader = try XLSXReader(url: url, limits: limits)
        defer { reader.close() }
        var items: [DelimitedReader.Item] = []
        while let item = try reader.next() { items.append(item) }
        return items
    }

    /// The reader's error when opening `url`, or nil when it opens.
    static func refusal(_ url: URL, limits: XLSXLimits = XLSXLimits()) -> String? {
        do { _ = try XLSXReader(url: url, limits: limits); return nil } catch let error as RowReaderError {
            return ReasonText.render(error.reason, in: .en)
        } catch { return "\(error)" }
    }
}

extension DelimitedReader.Item {
    /// A rejected row's or field's reason as its English wording (`Reason.note`), so a test states what a reader sees.
    var inEnglish: DelimitedReader.Item {
        switch self {
        case .invalid(let line, let reason): .invalid(line: line, reason: .note(ReasonText.render(reason, in: .en)))
        case .invalidField(let line, let column, let value, let reason):
            .invalidField(line: line, column: column, value: value, reason: .note(ReasonText.render(reason, in: .en)))
        default: self
        }
    }
}

import Foundation

/// RFC 4180 parser: quoted fields, doubled quotes, embedded newlines, CRLF or LF, optional UTF-8 BOM.
public enum CSVParser {
    /// A parsed record and the 1-based line it starts on.
    public struct Record: Sendable {
        public var line: Int
        public var fields: [String]
    }

    public static func parse(_ text: String, file: String, delimiter: Character = ",") throws(SourceFileError) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var fieldWasQuoted = false
        var line = 1
        var recordLine = 1
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        let delimiterScalar = delimiter.unicodeScalars.first!
        var first = true

        func endRecord() {
            fields.append(field)
            // A blank line is not a record.
            if !(fields.count == 1 && fields[0].isEmpty && !fieldWasQuoted) {
                records.append(Record(line: recordLine, fields: fields))
            }
            fields = []
            field = ""
            fieldWasQuoted = false
        }

        while let scalar = pending ?? iterator.next() {
            pending = nil
            if first {
                first = false
                if scalar == "\u{FEFF}" { continue }
            }
            if inQuotes {
                if scalar == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.unicodeScalars.append("\"") } else { inQuotes = false; pending = next }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty && !fieldWasQuoted:
                inQuotes = true
                fieldWasQuoted = true
            case delimiterScalar:
                fields.append(field)
                field = ""
                fieldWasQuoted = false
            case "\r":
                if let next = iterator.next(), next != "\n" { pending = next }
                endRecord()
                line += 1
                recordLine = line
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            default:
                field.unicodeScalars.append(scalar)
            }
        }
        if inQuotes {
            throw SourceFileError(file: file, row: recordLine, reason: "unterminated quoted field")
        }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRecord() }
        return records
    }
}

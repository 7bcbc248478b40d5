import BrainModel
/// Control characters in a user's field: C0 (except tab, LF and CR, which a quoted field or a cell may hold), DEL
/// and C1. They are never part of a name or an address, and downstream they do harm — a NUL cuts a name short in C
/// string APIs, others garble a terminal or a printed report — so the row is rejected with the column named rather
/// than stored or silently stripped.
public enum ControlCharacters {
    /// The first forbidden scalar in `text` and its 1-based character position, or nil.
    public static func first(in text: String) -> (scalar: Unicode.Scalar, position: Int)? {
        var position = 0
        for scalar in text.unicodeScalars {
            position += 1
            if isForbidden(scalar) { return (scalar, position) }
        }
        return nil
    }

    public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }

    /// `text` with every control character written as `\u{XXXX}`, so that a report shows where it is; at most 80
    /// characters.
    public static func visible(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars.prefix(80) {
            if isForbidden(scalar) || scalar.value == 0x0A || scalar.value == 0x0D || scalar.value == 0x09 {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The reason a field is rejected.
    static func reason(_ scalar: Unicode.Scalar, position: Int) -> Reason {
        let code = String(scalar.value, radix: 16, uppercase: true)
        return Reason("read.control-character", ["code": String(repeating: "0", count: max(0, 4 - code.count)) + code, "position": String(position)])
    }
}

/// Any reader's rows with the control-character check applied: a record whose field holds one becomes an
/// `invalidField` item naming the column (the header row itself is checked by `UserFile`).
struct ControlCharacterCheckedReader: RowReader {
    var inner: any RowReader
    let header: [String]

    mutating func next() throws -> DelimitedReader.Item? {
        guard let item = try inner.next() else { return nil }
        guard case .record(let line, let fields) = item else { return item }
        for (index, field) in fields.enumerated() {
            guard let (scalar, position) = ControlCharacters.first(in: field) else { continue }
            let column = index < header.count && !header[index].isEmpty ? header[index] : "第 \(index + 1) 列"
            return .invalidField(line: line, column: column, value: ControlCharacters.visible(field),
                                 reason: ControlCharacters.reason(scalar, position: position))
        }
        return item
    }

    func close() { inner.close() }
    var encodingName: String { inner.encodingName }
    var delimiterName: String { inner.delimiterName }
}

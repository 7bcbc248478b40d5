/// A problem in a source file, located to the file, row and field so that a user can find and fix it.
public struct SourceFileError: Error, Sendable, CustomStringConvertible, Equatable {
    public var file: String
    /// 1-based line of the record in the file (the header is line 1); nil when the file as a whole is at fault.
    public var row: Int?
    public var field: String?
    public var value: String?
    public var reason: String

    public init(file: String, row: Int? = nil, field: String? = nil, value: String? = nil, reason: String) {
        self.file = file
        self.row = row
        self.field = field
        self.value = value
        self.reason = reason
    }

    public var description: String {
        var parts = [file]
        if let row { parts.append("row \(row)") }
        if let field { parts.append("field \(field)") }
        var text = parts.joined(separator: ", ") + ": " + reason
        if let value { text += " (value: \"\(value.prefix(80))\")" }
        return text
    }
}

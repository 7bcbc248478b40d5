import BrainModel
/// Rows from a file of JSON objects (JSON Lines or a JSON array): the header is the first object's keys, sorted; a
/// later object with a key the first did not have is rejected with the key named rather than losing its value.
struct JSONObjectRows {
    private(set) var header: [String]?

    /// The row of one object's text; the first object also sets the header, and one that is not an object stops the
    /// file, since it defines the columns.
    mutating func row(line: Int, text: String) throws -> DelimitedReader.Item {
        switch JSONLineObject.parse(text) {
        case .success(let object):
            if header == nil { header = object.keys.sorted() }
            return row(line, object)
        case .failure(let reason):
            guard header != nil else { throw RowReaderError(Reason("read.json-first-object", ["line": String(line)]).with("detail", reason.reason)) }
            return .invalid(line: line, reason: reason.reason)
        }
    }

    private func row(_ line: Int, _ object: [String: String]) -> DelimitedReader.Item {
        let header = header ?? []
        if let unknown = object.keys.filter({ !header.contains($0) }).sorted().first {
            return .invalid(line: line, reason: Reason("read.json-unknown-key", ["key": unknown]).listing("keys", header))
        }
        return .record(line: line, fields: header.map { object[$0] ?? "" })
    }
}

import BrainModel
import Foundation

/// A user's file checked row by row: what the CLI, the API and the store's import loop drive, whatever the kind.
public protocol RowFileCheck: AnyObject {
    associatedtype Row
    var summary: EnterpriseFileCheck.Summary { get }
    /// Opens the file and reads its header; file-level problems throw `EnterpriseFileCheck.FileError`.
    func start(encoding: TextEncoding?, sheet: String?) throws
    /// Up to `limit` accepted rows, in file order; nil when the file is done.
    func next(limit: Int) throws -> [Row]?
}

extension RowFileCheck {
    /// The whole file, checked; `each` gets every accepted row as it is read.
    @discardableResult
    public func run(encoding: TextEncoding? = nil, sheet: String? = nil, each: (Row) -> Void = { _ in }) throws -> EnterpriseFileCheck.Summary {
        try start(encoding: encoding, sheet: sheet)
        while let batch = try next(limit: 1_000) { batch.forEach(each) }
        return summary
    }
}

/// Opening a user's file, reading and mapping its header, and turning reader errors into the file-level errors the
/// CLI and the API report — the same for every kind of file.
enum UserFile {
    struct Opened {
        let reader: any RowReader
        let header: [String]
        let columns: HeaderMapping
        /// File, encoding, delimiter, mapped and extra columns.
        let summary: EnterpriseFileCheck.Summary

        /// Refuses the file when a field of `required` has no column, naming the first such field and the header.
        func requireColumns(_ required: [String]) throws {
            guard let missing = required.first(where: { field in !columns.columns.contains { $0.field == field } }) else { return }
            throw EnterpriseFileCheck.FileError.unreadable(summary.file, Reason("read.missing-column", ["field": missing]).listing("header", header))
        }
    }

    static func open(_ url: URL, encoding: TextEncoding?, sheet: String?, synonyms: [String: [String]],
                     mapping: [String: String]) throws -> Opened {
        let file = url.lastPathComponent
        var reader: any RowReader
        do { reader = try translating(file) { try RowReaders.open(url, encoding: encoding, sheet: sheet) } } catch let error as EnterpriseFileCheck.FileError {
            throw error
        } catch {
            // The system's own message (a missing file, no permission): it has no code to word anew.
            throw EnterpriseFileCheck.FileError.unreadable(file, Reason("read.cannot-open", ["detail": error.localizedDescription]))
        }
        var header: [String] = []
        do {
            try translating(file) {
                switch try reader.next() {
                case .record(_, let first)?: header = first
                case nil: throw EnterpriseFileCheck.FileError.empty(file)
                case .oversized(_, let bytes)?:
                    throw EnterpriseFileCheck.FileError.unreadable(file, Reason("read.header-too-long", ["bytes": String(bytes)]))
                case .invalid(let line, let reason)?:
                    throw EnterpriseFileCheck.FileError.unreadable(file, Reason("read.at-line", ["line": String(line)]).with("detail", reason))
                case .invalidField(let line, let column, _, let reason)?:
                    throw EnterpriseFileCheck.FileError.unreadable(
                        file, Reason("read.at-line-column", ["line": String(line), "column": column]).with("detail", reason))
                }
                for (index, name) in header.enumerated() {
                    if let (scalar, position) = ControlCharacters.first(in: name) {
                        let reason = Reason("read.header-control-character", ["index": String(index + 1), "name": ControlCharacters.visible(name)])
                        throw EnterpriseFileCheck.FileError.unreadable(file, reason.with("detail", ControlCharacters.reason(scalar, position: position)))
                    }
                }
            }
        } catch {
            reader.close()
            throw error
        }
        // The reader is a value over a shared file handle: the copy returned is the one that has read the header.
        let columns = HeaderMapping(header: header, synonyms: synonyms, mapping: mapping)
        guard columns.duplicateFields.isEmpty else {
            reader.close()
            throw EnterpriseFileCheck.FileError.duplicateFields(file, columns.duplicateFields)
        }
        var summary = EnterpriseFileCheck.Summary(file: file, encoding: reader.encodingName, delimiter: reader.delimiterName)
        for column in columns.columns {
            if let field = column.field { summary.mappedColumns[column.header] = field } else { summary.extraColumns.append(column.header) }
        }
        // Every row after the header: a field holding a control character rejects its row, naming the column.
        let checked = ControlCharacterCheckedReader(inner: reader, header: columns.columns.map(\.header))
        return Opened(reader: checked, header: header, columns: columns, summary: summary)
    }

    /// `body`, with the readers' errors made the file's (`FileError.unreadable`).
    static func translating<T>(_ file: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as DelimitedReader.UnterminatedQuote {
            throw EnterpriseFileCheck.FileError.unreadable(file, error.reason)
        } catch let error as TextEncoding.DecodingError {
            throw EnterpriseFileCheck.FileError.unreadable(file, Reason("read.undecodable").with("detail", error.reason))
        } catch let error as RowReaderError {
            throw EnterpriseFileCheck.FileError.unreadable(file, error.reason)
        }
    }
}

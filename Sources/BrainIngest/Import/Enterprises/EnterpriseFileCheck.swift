import BrainModel
import Foundation

/// Reads a user's enterprise file end to end — decode, split, map headers, validate, locate, find duplicates — and
/// reports every row that is not taken. Pull-based (`next`), so an import hands rows to the store batch by batch
/// and memory does not grow with the file.
public final class EnterpriseFileCheck: RowFileCheck {
    public struct Summary: Sendable, Codable {
        public var file: String
        public var encoding: String
        public var delimiter: String
        public var rows = 0
        public var accepted = 0
        public var rejected = 0
        public var review = 0
        public var mappedColumns: [String: String] = [:]
        public var extraColumns: [String] = []
        public var problems: [RowProblem] = []
    }

    public enum FileError: Error, CustomStringConvertible {
        case empty(String)
        case duplicateFields(String, [String])
        case noNameColumn(String, [String])
        /// The file and the reader's reason (`read.*`).
        case unreadable(String, Reason)

        /// Why, in the reader's language (`ReasonCatalogue.imports`, the reader's own reasons in `ReasonCatalogue.reading`).
        public var reason: Reason {
            switch self {
            case .empty(let file): Reason("import.file-empty", ["file": file])
            case .duplicateFields(let file, let fields): Reason("import.file-duplicate-fields", ["file": file, "fields": fields.joined(separator: ", ")])
            case .noNameColumn(let file, let header): Reason("import.file-no-name-column", ["file": file, "header": header.joined(separator: ", ")])
            case .unreadable(let file, let detail): Reason("import.file-unreadable", ["file": file]).with("detail", detail)
            }
        }

        public var description: String { ReasonText.render(reason, in: .en) }
    }

    let url: URL
    let resolver: AddressResolver
    let mapping: [String: String]
    public private(set) var summary: Summary
    private var reader: (any RowReader)?
    private var validator: EnterpriseRowValidator?
    private var firstRows = FirstRows()

    public init(url: URL, resolver: AddressResolver, mapping: [String: String] = [:]) {
        self.url = url
        self.resolver = resolver
        self.mapping = mapping
        summary = Summary(file: url.lastPathComponent, encoding: "", delimiter: "")
    }

    deinit { reader?.close() }

    /// Reads the header; file-level problems (empty, unreadable, no name column) throw `FileError`.
    public func start(encoding: TextEncoding? = nil, sheet: String? = nil) throws {
        let opened = try UserFile.open(url, encoding: encoding, sheet: sheet, synonyms: HeaderMapping.enterpriseSynonyms, mapping: mapping)
        reader = opened.reader
        guard opened.columns.columns.contains(where: { $0.field == "name" }) else {
            throw FileError.noNameColumn(opened.summary.file, opened.header)
        }
        summary = opened.summary
        validator = EnterpriseRowValidator(file: opened.summary.file, mapping: opened.columns, resolver: resolver)
    }

    /// Up to `limit` accepted records, in file order; nil when the file is done.
    ///
    /// Rows are read in chunks of at most the records still wanted (a row gives at most one record, so the batches
    /// are the ones a row-by-row loop makes); each chunk's rows are validated on every core at once, then counted,
    /// de-duplicated and their problems recorded in file order on this thread. A reader error ends the chunk: the
    /// rows read before it are taken first, so the summary is the same as row by row when the error is thrown.
    public func next(limit: Int = 1_000) throws -> [EnterpriseRecord]? {
        guard var reader, let validator else { return nil }
        defer { self.reader = reader }
        var batch: [EnterpriseRecord] = []
        var ended = false
        while batch.count < limit && !ended {
            var items: [DelimitedReader.Item] = []
            var failure: (any Error)?
            do {
                try UserFile.translating(summary.file) {
                    while items.count < limit - batch.count {
                        guard let item = try reader.next() else { ended = true; break }
                        items.append(item)
                    }
                }
            } catch { failure = error }
            let validated = OrderedParallelMap.map(items) { item -> Validated? in
                guard case .record(let line, let fields) = item else { return nil }
                return validator.validate(line: line, fields: fields)
            }
            for (item, checked) in zip(items, validated) {
                if let record = take(item, checked, validator) { batch.append(record) }
            }
            if let failure { throw failure }
        }
        return batch.isEmpty && ended ? nil : batch
    }

    /// A row's record and problems from `EnterpriseRowValidator`, before de-duplication.
    typealias Validated = (record: EnterpriseRecord?, problems: [RowProblem])

    /// `validated` is the row's validation when it was done ahead (always, for a record; re-done otherwise).
    private func take(_ item: DelimitedReader.Item, _ validated: Validated?, _ validator: EnterpriseRowValidator) -> EnterpriseRecord? {
        let file = summary.file
        summary.rows += 1
        switch item {
        case .oversized(let line, let bytes):
            summary.rejected += 1
            summary.problems.append(RowProblem(file: file, row: line, column: RowProblem.wholeRow, value: "\(bytes) B",
                                               because: Reason("import.row-too-long"), severity: .rejected))
            return nil
        case .invalid(let line, let reason):
            summary.rejected += 1
            summary.problems.append(RowProblem(file: file, row: line, column: RowProblem.wholeRow, value: "", because: reason, severity: .rejected))
            return nil
        case .invalidField(let line, let column, let value, let reason):
            summary.rejected += 1
            summary.problems.append(RowProblem(file: file, row: line, column: column, value: value, because: reason, severity: .rejected))
            return nil
        case .record(let line, let fields):
            var (record, problems) = validated ?? validator.validate(line: line, fields: fields)
            if var found = record {
                // The same code twice is the same firm twice; the same name without codes may be, for review.
                let firstWithCode = found.uscc.flatMap { firstRows.code($0, row: line) }
                let firstWithName = firstRows.name(found.normalizedName, row: line)
                if let code = found.uscc, let first = firstWithCode {
                    problems.append(RowProblem(file: file, row: line, column: "统一社会信用代码", value: code,
                                               because: Reason("import.duplicate-code", ["first": "\(first)"]), severity: .rejected))
                    record = nil
                } else if found.uscc == nil, let first = firstWithName {
                    problems.append(RowProblem(file: file, row: line, column: "企业名称", value: found.name,
                                               because: Reason("import.same-name", ["first": "\(first)"]), severity: .review))
                }
                found.line = line
                found.reviewReasons = problems.filter { $0.severity == .review }.map(\.asReason)
                if record != nil { record = found }
            }
            if record == nil { summary.rejected += 1 } else {
                summary.accepted += 1
                if problems.contains(where: { $0.severity == .review }) { summary.review += 1 }
            }
            summary.problems += problems
            return record
        }
    }

    /// Every problem as CSV next to the input: `FILE.problems.csv`, with file, row, column, value, reason, outcome.
    public static func writeProblems(_ summary: Summary, nextTo input: URL, language: DisplayLanguage = .zh) throws -> URL {
        let url = input.deletingLastPathComponent().appendingPathComponent(input.lastPathComponent + ".problems.csv")
        let writer = try CSVWriter(url: url, header: ["file", "row", "column", "value", "reason", "outcome"])
        for problem in summary.problems {
            let p = problem.rendered(in: language)
            writer.write([p.file, "\(p.row)", p.column, p.value, p.reason, p.severity.rawValue])
        }
        try writer.close()
        return url
    }
}

import BrainModel
import Foundation

/// One hostile input run through the entry points the importers use — `RowReaders.open` and the enterprise file
/// check for tables, `MatrixFile`/`IndicatorFile` for analysts' matrices, `AddressResolver.resolve` for addresses —
/// with thrown errors expected and judged: every error must name the file, every rejected row its row, column and
/// reason. What comes back is the list of broken promises (empty: the input was handled as it should be). A crash
/// is not caught here: it ends the process, which is why the fuzz runner writes each input to disk first.
public enum FuzzCheck {
    /// Reading stops after this many rows (a mutated seed can repeat a line into millions of rows; the readers'
    /// streaming is not what a fuzz pass is for).
    static let rowLimit = 50_000

    public static func run(_ target: HostileInputs.Target, file url: URL, resolver: AddressResolver) -> [String] {
        switch target {
        case .csv, .jsonl, .json, .xlsx: return table(url, resolver: resolver)
        case .matrix: return matrix(url)
        case .address:
            let text = String(decoding: (try? Data(contentsOf: url)) ?? Data(), as: UTF8.self)
            let resolved = resolver.resolve(text, hint: text.count > 6 ? String(text.prefix(6)) : nil)
            if resolved.status == .ok && resolved.provinceCode == nil { return ["resolved as ok without a province"] }
            return []
        }
    }

    static func table(_ url: URL, resolver: AddressResolver) -> [String] {
        var broken: [String] = []
        let file = url.lastPathComponent
        // The raw reader, as the API's preview and the store's import open it.
        do {
            var reader = try RowReaders.open(url)
            defer { reader.close() }
            var rows = 0
            while rows < rowLimit, let item = try reader.next() {
                rows += 1
                if case .invalidField(let line, let column, _, let reason) = item, line < 1 || column.isEmpty || !worded(reason) {
                    broken.append("reader: a rejected field without line, column or worded reason: \(item)")
                }
                if case .invalid(_, let reason) = item, !worded(reason) { broken.append("reader: a rejected row without a worded reason: \(item)") }
            }
        } catch let error as RowReaderError {
            if !worded(error.reason) { broken.append("reader: an error without a worded reason: \(error.reason)") }
        } catch is DelimitedReader.UnterminatedQuote, is TextEncoding.DecodingError {
        } catch {
            broken.append("reader: unexpected error \(type(of: error)): \(error)")
        }
        // The enterprise check end to end, as `brain import enterprises` and the API run it.
        let check = EnterpriseFileCheck(url: url, resolver: resolver)
        do {
            try check.start(encoding: nil, sheet: nil)
            var batches = 0
            while batches * 1_000 < rowLimit, try check.next(limit: 1_000) != nil { batches += 1 }
        } catch let error as EnterpriseFileCheck.FileError {
            if !error.description.hasPrefix(file) { broken.append("check: a file error that does not name the file: \(error)") }
        } catch {
            broken.append("check: unexpected error \(type(of: error)): \(error)")
        }
        for problem in check.summary.problems {
            if problem.file != file || problem.row < 1 || problem.column.isEmpty || problem.reason.isEmpty || !worded(problem.asReason) {
                broken.append("check: a problem without file, row, column or worded reason: \(problem)")
            }
        }
        return broken
    }

    /// A reason the catalogue words, in Chinese and English (never a reader's sentence passed on as text).
    static func worded(_ reason: Reason) -> Bool {
        ReasonText.templates[reason.code] != nil && reason.code != "review.note"
    }

    static func matrix(_ url: URL) -> [String] {
        var broken: [String] = []
        do { _ = try MatrixFile(url: url) } catch {
            if error.file.isEmpty || error.reason.isEmpty { broken.append("matrix: an error without file or reason: \(error)") }
        }
        do { _ = try IndicatorFile(url: url) } catch {
            if error.file.isEmpty || error.reason.isEmpty { broken.append("indicators: an error without file or reason: \(error)") }
        }
        return broken
    }
}

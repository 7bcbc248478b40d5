import Foundation
import Testing
import BrainIngest
import BrainModel
@testable import BrainUseCases

/// The trail read by people: a record's changes field by field, actions named in either language from the
/// catalogue, and exports a spreadsheet cannot be tricked into running a formula from.
@Suite struct AuditExportTests {
    @Test func changesListOnlyTheFieldsThatDiffer() {
        let changes = AuditDiff.changes(before: #"{"shared":false,"title":"需求","tags":["a"],"n":1}"#,
                                        after: #"{"shared":true,"title":"需求","tags":["a","b"],"n":1.5}"#)
        #expect(changes == [AuditChange(field: "n", before: "1", after: "1.5"),
                            AuditChange(field: "shared", before: "false", after: "true"),
                            AuditChange(field: "tags", before: #"["a"]"#, after: #"["a","b"]"#)])
        // A creation lists every field with nothing before; text that is not JSON is one change.
        #expect(AuditDiff.changes(before: nil, after: #"{"rows":3}"#) == [AuditChange(field: "rows", before: nil, after: "3")])
        #expect(AuditDiff.changes(before: "plain", after: nil) == [AuditChange(field: "-", before: "plain", after: nil)])
        #expect(AuditDiff.changes(before: nil, after: nil).isEmpty)
    }

    @Test func actionsAreNamedInBothLanguagesAndUnknownOnesStillRead() {
        #expect(AuditActionText.render("import.write", in: .zh) == "导入文件")
        #expect(AuditActionText.render("import.write", in: .en) == "Imported a file")
        #expect(AuditActionText.render("future.thing", in: .en) == "Other action (future.thing)")
    }

    @Test func exportsNeutraliseFormulasAndCarryEveryEntry() throws {
        let entry = AuditEntry(id: 7, at: "2026-11-30T03:00:00Z", organisationId: "=HYPERLINK(\"x\")", personId: nil, actor: "@evil",
                               action: "market.create", targetKind: "demand", targetId: "-1+1", after: #"{"title":"=1+1"}"#)
        let row = AuditExport.row(entry, .en)
        #expect(row[2] == "'=HYPERLINK(\"x\")" && row[3] == "'@evil" && row[4] == "Posted a market record" && row[7] == "'-1+1")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("audit-export-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("audit.csv"), xlsx = folder.appendingPathComponent("audit.xlsx")
        try AuditExport.write([entry], to: csv, format: AuditExport.format(of: csv), language: .zh)
        let text = try String(contentsOf: csv, encoding: .utf8)
        #expect(text.hasPrefix("编号,时间（UTC）,机构") && text.contains("发布供需记录") && !text.contains(",=") && !text.contains(",@"))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try AuditExport.write([entry], to: xlsx, format: AuditExport.format(of: xlsx), language: .en)
        #expect(AuditExport.format(of: xlsx) == .xlsx)
        let rows = try XLSXTestReader.rows(xlsx)
        #expect(rows.first?.first == "id" && rows.count == 2 && rows[1][3] == "'@evil")
    }
}

/// Reads the workbook back through the importer's own XLSX reader.
enum XLSXTestReader {
    static func rows(_ url: URL) throws -> [[String]] {
        var rows: [[String]] = []
        var reader = try XLSXReader(url: url)
        while let item = try reader.next() { if case .record(_, let fields) = item { rows.append(fields) } }
        return rows
    }
}

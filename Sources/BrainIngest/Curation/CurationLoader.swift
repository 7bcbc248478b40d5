import Foundation
import BrainModel

/// Reviewed curations shipped in `data/curation/*.csv`, loaded by `brain build-db` so the bundled database has them.
/// Rows naming an unknown firm, node or region, or without a reason, are rejected in the build report (file, row,
/// field); the folder is optional.
struct CurationLoader {
    let folder: URL
    /// The author of rows whose `by` is empty.
    static let author = "data/curation"

    func load(_ bundle: DataBundle, report: inout ImportReport) throws(SourceFileError) -> [Curation] {
        let curationFolder = folder.appendingPathComponent("curation")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: curationFolder.path)) ?? [])
            .filter { $0.hasSuffix(".csv") }.sorted()
        var known = CurationCheck.Known(firms: Set(bundle.enterprises.map(\.id)), nodes: Set(bundle.taxonomy.nodes.map(\.id)),
                                        regions: Set(bundle.regions.map(\.code)), stored: [:])
        let aliases = CurationFile.aliases(bundle.enterprises)
        var curations: [Curation] = []
        for name in names {
            let file = "curation/" + name
            var fileReport = FileReport(file: file)
            let (rows, unreadable) = try CurationFile.read(url: curationFolder.appendingPathComponent(name), file: file,
                                                           firmAliases: aliases, defaultAuthor: Self.author,
                                                           now: ISO8601DateFormatter().string(from: Date()))
            let (valid, problems) = CurationFile.check(rows, file: file, known: known)
            for problem in unreadable + problems { fileReport.reject(problem) }
            for row in valid where known.stored[row.curation.id] == nil {
                fileReport.accepted += 1
                curations.append(row.curation)
                known.stored[row.curation.id] = row.curation
            }
            // A row with two problems is one rejected row, and an id an earlier file already gave is one too: count
            // rows, not problems.
            fileReport.read = rows.count + unreadable.count
            fileReport.rejected = fileReport.read - fileReport.accepted
            report.files.append(fileReport)
        }
        return curations
    }

}

import BrainModel

extension SQLStore {
    public func regionTimeline(_ code: String, organisation: String?) async throws -> RegionTimeline {
        let region: [SQLValue] = [.text(code), .text(code), .text(code)]
        let (importedSQL, visibility) = TimelineSQL.imported(organisation: organisation)
        return try await driver.read { s in
            let pair: @Sendable (any ColumnReader) throws -> (String, Int) = { (try $0.text("y"), try $0.int("n")) }
            return RegionTimeline.from(code: code, founded: try await s.rows(TimelineSQL.byYear("setup_date"), region, pair),
                                       listed: try await s.rows(TimelineSQL.byYear("list_date"), region, pair),
                                       imported: try await s.rows(importedSQL, region + visibility, pair))
        }
    }
}

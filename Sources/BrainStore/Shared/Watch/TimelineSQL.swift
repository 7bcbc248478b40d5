/// A region's firms by year (RegionTimeline): founded and listed from the listed layer's dates, imported from the
/// change feed's new firms by as-of year, visible to the asker. The same SQL on both engines (SUBSTR, GROUP BY).
enum TimelineSQL {
    static let inRegion = "(province_code = ? OR city_code = ? OR district_code = ?)"

    static func byYear(_ column: String) -> String {
        """
        SELECT SUBSTR(\(column), 1, 4) AS y, COUNT(*) AS n FROM enterprises
        WHERE layer = 'listed' AND is_biomedicine = TRUE AND \(column) IS NOT NULL AND \(inRegion)
        GROUP BY SUBSTR(\(column), 1, 4)
        """
    }

    static func imported(organisation: String?) -> (sql: String, arguments: [SQLValue]) {
        let (visible, arguments) = WatchSQL.visibility(organisation: organisation, everything: false)
        return ("""
            SELECT SUBSTR(as_of, 1, 4) AS y, COUNT(*) AS n FROM changes
            WHERE code = 'firm.new' AND \(inRegion) AND \(visible ?? "TRUE")
            GROUP BY SUBSTR(as_of, 1, 4)
            """, arguments)
    }
}

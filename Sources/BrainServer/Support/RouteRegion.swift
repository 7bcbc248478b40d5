import BrainAnalytics
import BrainModel

/// A region code taken from a route, checked the one way every page and API route checks it: six digits or a 400
/// (`api.region-code`), a region of the snapshot or a 404 (`api.no-region`). The echoed code is clipped, so a
/// request cannot make an error body of any size.
enum RouteRegion {
    static func isCode(_ code: String) -> Bool {
        code.count == 6 && code.allSatisfy { $0.isASCII && $0.isNumber }
    }

    static func checkCode(_ code: String) throws {
        guard isCode(code) else { throw AppError.badRequest(Reason("api.region-code", ["code": String(code.prefix(20))])) }
    }

    static func unknown(_ code: String) -> AppError { .notFound(Reason("api.no-region", ["code": String(code.prefix(20))])) }

    /// The region the route names, from the analytics snapshot.
    static func region(_ code: String, in index: SnapshotIndex) throws -> Region {
        try checkCode(code)
        guard let region = index.regionsByCode[code] else { throw unknown(code) }
        return region
    }
}

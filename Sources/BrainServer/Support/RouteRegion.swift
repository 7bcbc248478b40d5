import BrainAnalytics
import BrainModel
import BrainUseCases

/// A region code taken from a route, checked as every use case checks it (`RegionCode`), refused as an `AppError`:
/// six digits or a 400 (`api.region-code`), a region of the snapshot or a 404 (`api.no-region`).
enum RouteRegion {
    static func isCode(_ code: String) -> Bool { RegionCode.isCode(code) }

    static func checkCode(_ code: String) throws {
        do { try RegionCode.check(code) } catch let refusal as Refusal { throw AppError(refusal) }
    }

    static func unknown(_ code: String) -> AppError { AppError(RegionCode.unknown(code)) }

    /// The region the route names, from the analytics snapshot.
    static func region(_ code: String, in index: SnapshotIndex) throws -> Region {
        do { return try RegionCode.region(code, in: index) } catch let refusal as Refusal { throw AppError(refusal) }
    }
}

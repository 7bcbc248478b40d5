import BrainAnalytics
import BrainModel

/// Input a use case refuses (`badRequest`) or a subject it cannot find (`notFound`), with the reason a person reads:
/// each front end answers it its own way (the server as a 400 or 404 with that reason).
public struct Refusal: Error, Sendable {
    public enum Kind: Sendable { case badRequest, notFound }
    public var kind: Kind
    public var reason: Reason

    public static func badRequest(_ reason: Reason) -> Refusal { Refusal(kind: .badRequest, reason: reason) }
    public static func notFound(_ reason: Reason) -> Refusal { Refusal(kind: .notFound, reason: reason) }
}

extension Refusal {
    /// Analytics errors name the unknown thing; each is a "not found" with that name.
    public init(_ error: AnalyticsError) {
        switch error {
        case .unknownRegion(let code): self = RegionCode.unknown(code)
        case .unknownEnterprise(let id): self = .notFound(Reason("api.no-enterprise", ["id": String(id.prefix(64))]))
        case .unknownNode(let id): self = .notFound(Reason("api.unknown-node", ["node": String(id.prefix(64))]))
        case .regionNotAtLevel, .invalidInput: self = .notFound(Reason("api.not-found", ["detail": error.description]))
        }
    }
}

/// A region code given by a person, checked the one way: six digits (`api.region-code`), then a region of the
/// snapshot (`api.no-region`). The echoed code is clipped, so a request cannot make an error body of any size.
public enum RegionCode {
    public static func isCode(_ code: String) -> Bool {
        code.count == 6 && code.allSatisfy { $0.isASCII && $0.isNumber }
    }

    public static func check(_ code: String) throws {
        guard isCode(code) else { throw Refusal.badRequest(Reason("api.region-code", ["code": String(code.prefix(20))])) }
    }

    public static func unknown(_ code: String) -> Refusal { .notFound(Reason("api.no-region", ["code": String(code.prefix(20))])) }

    /// The region `code` names, from the analytics snapshot.
    public static func region(_ code: String, in index: SnapshotIndex) throws -> Region {
        try check(code)
        guard let region = index.regionsByCode[code] else { throw unknown(code) }
        return region
    }
}

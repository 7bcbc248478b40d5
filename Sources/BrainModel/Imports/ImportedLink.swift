/// A firm as a user's file names it: by 统一社会信用代码, or by name (registered or short).
public struct FirmReference: Sendable, Codable, Equatable {
    public var uscc: String?
    public var name: String?
    public var normalizedName: String?

    public init(uscc: String?, name: String?) {
        self.uscc = uscc
        self.name = name
        normalizedName = name.map(CompanyName.normalized)
    }

    public var description: String { [uscc, name].compactMap { $0 }.joined(separator: " ") }
}

/// One accepted row of a file that adds to firms or the product graph: products, events, product relations.
public enum ImportedLink: Sendable, Codable, Equatable {
    case product(line: Int, firm: FirmReference, product: String, revenueShare: Double?)
    case event(line: Int, firm: FirmReference, kind: EventKind, date: String, title: String, detail: String?)
    case relation(line: Int, from: String, to: String, kind: ProductRelationKind)

    public var line: Int {
        switch self {
        case .product(let line, _, _, _), .event(let line, _, _, _, _, _), .relation(let line, _, _, _): line
        }
    }

    public var firm: FirmReference? {
        switch self {
        case .product(_, let firm, _, _), .event(_, let firm, _, _, _, _): firm
        case .relation: nil
        }
    }
}

/// A row the store could not take, found only when writing (a firm the store does not hold).
public struct UnresolvedRow: Sendable, Codable, Equatable {
    public var line: Int
    public var reason: Reason
    public init(line: Int, reason: Reason) { (self.line, self.reason) = (line, reason) }
}

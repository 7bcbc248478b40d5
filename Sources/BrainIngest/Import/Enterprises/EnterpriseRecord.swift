/// One enterprise row of a user's file after validation and normalisation.
public struct EnterpriseRecord: Sendable, Codable {
    public var line: Int
    public var name: String
    public var normalizedName: String
    public var uscc: String?
    public var legalRepresentative: String?
    public var established: String?
    public var registeredCapital: Money?
    public var status: String?
    public var address: String?
    public var location: ResolvedAddress?
    public var scope: String?
    public var industry: String?
    public var insured: Int?
    public var employees: Int?
    public var website: String?
    /// Columns the mapping did not know, kept under their headers.
    public var extras: [String: String]
    /// Why a person should look at the row (set by the file check).
    public var reviewReasons: [String] = []
}

/// Why a row, or one of its values, was not taken as is.
public struct RowProblem: Sendable, Codable, Equatable {
    public enum Severity: String, Sendable, Codable { case rejected, review }
    public var file: String
    public var row: Int
    public var column: String
    public var value: String
    public var reason: String
    public var severity: Severity
}

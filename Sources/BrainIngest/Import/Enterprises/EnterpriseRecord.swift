import BrainModel
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
    public var reviewReasons: [Reason] = []
}

/// Why a row, or one of its values, was not taken as is.
public struct RowProblem: Sendable, Codable, Equatable {
    public enum Severity: String, Sendable, Codable { case rejected, review }
    public var file: String
    public var row: Int
    public var column: String
    public var value: String
    /// The reason as shown: Chinese by default (`rendered(in:)` gives another language when `code` is set).
    public var reason: String
    public var severity: Severity
    /// The reason as data (ReasonCatalogue+Import): set for every problem the import's checks word themselves;
    /// problems passed on from elsewhere (a reader's message) carry their text only.
    public var code: String? = nil
    public var values: [String: String]? = nil

    public init(file: String, row: Int, column: String, value: String, reason: String, severity: Severity) {
        (self.file, self.row, self.column, self.value, self.reason, self.severity) = (file, row, column, value, reason, severity)
    }

    public init(file: String, row: Int, column: String, value: String, because reason: Reason, severity: Severity) {
        self.init(file: file, row: row, column: column, value: value, reason: ReasonText.render(reason, in: .zh), severity: severity)
        (code, values) = (reason.code, reason.values)
    }

    /// The reason as data: its code and values, or, for a problem passed on from elsewhere, its text (`review.note`).
    public var asReason: Reason { code.map { Reason($0, values ?? [:]) } ?? .note(reason) }

    /// The column of a problem with the row as a whole (too long, too few fields, not an object), as stored.
    public static let wholeRow = "(row)"

    /// The problem with its reason, and the whole row's column mark, worded in `language`.
    public func rendered(in language: DisplayLanguage) -> RowProblem {
        var copy = self
        if column == Self.wholeRow, language == .zh { copy.column = "（整行）" }
        if let code { copy.reason = ReasonText.render(Reason(code, values ?? [:]), in: language) }
        return copy
    }
}

/// Who may claim a policy clause, as data: every condition must hold. A condition names one attribute of an enterprise
/// and one test on it; `subject` says whom the clause is for (enterprises, or talents — people, matched elsewhere).
public struct PolicyRule: Codable, Sendable, Hashable {
    public struct Condition: Codable, Sendable, Hashable {
        /// biomedicine, listed, board, region, nodes, employees, registeredCapitalWan, totalAssetsYi, ageYears, approvals
        public var field: String
        public var equals: Bool?
        public var anyOf: [String]?
        public var atLeast: Double?
        public var atMost: Double?
        /// a region code: the firm lies in it (province, city or district)
        public var within: String?
        /// any held approval's title contains one of these
        public var anyContains: [String]?

        public init(field: String, equals: Bool? = nil, anyOf: [String]? = nil, atLeast: Double? = nil, atMost: Double? = nil,
                    within: String? = nil, anyContains: [String]? = nil) {
            (self.field, self.equals, self.anyOf, self.atLeast, self.atMost, self.within, self.anyContains) =
                (field, equals, anyOf, atLeast, atMost, within, anyContains)
        }

        public static let fields: Set<String> = ["biomedicine", "listed", "board", "region", "nodes", "employees",
                                                 "registeredCapitalWan", "totalAssetsYi", "ageYears", "approvals"]
    }

    public var policyId: String
    public var subject: String
    public var conditions: [Condition]
    /// what the firm must still do to claim it, e.g. "在苏州设立地区总部"
    public var action: String?

    public init(policyId: String, subject: String, conditions: [Condition], action: String? = nil) {
        (self.policyId, self.subject, self.conditions, self.action) = (policyId, subject, conditions, action)
    }
}

/// One accepted row of a user's enterprise file, validated, located and classified: what the store writes.
public struct ImportedEnterprise: Sendable, Codable, Equatable {
    public var line: Int
    /// The registered name as written in the file.
    public var name: String
    /// `CompanyName.normalized(name)`: the key for same-name candidates and branch parents.
    public var normalizedName: String
    public var uscc: String?
    public var provinceCode: String?
    public var cityCode: String?
    public var districtCode: String?
    public var employees: Int?
    /// Only when the capital is in 人民币; other currencies stay in `facts` with their currency.
    public var registeredCapitalWan: Double?
    public var setupDate: String?
    public var website: String?
    /// Every value of the row, field → text (unknown columns as `extra:HEADER`): the facts whose provenance is kept.
    public var facts: [String: String]
    public var assignments: [NodeEvidence]
    public var isBiomedicine: Bool
    /// Why a person should look at the row (an address that does not decide its district), when one should.
    public var reviewReasons: [String]
    /// The normalised name of the parent company when this is a branch (分公司).
    public var parentName: String?

    public init(line: Int, name: String, normalizedName: String, uscc: String? = nil, provinceCode: String? = nil,
                cityCode: String? = nil, districtCode: String? = nil, employees: Int? = nil, registeredCapitalWan: Double? = nil,
                setupDate: String? = nil, website: String? = nil, facts: [String: String] = [:], assignments: [NodeEvidence] = [],
                isBiomedicine: Bool = false, reviewReasons: [String] = [], parentName: String? = nil) {
        self.line = line
        self.name = name
        self.normalizedName = normalizedName
        self.uscc = uscc
        self.provinceCode = provinceCode
        self.cityCode = cityCode
        self.districtCode = districtCode
        self.employees = employees
        self.registeredCapitalWan = registeredCapitalWan
        self.setupDate = setupDate
        self.website = website
        self.facts = facts
        self.assignments = assignments
        self.isBiomedicine = isBiomedicine
        self.reviewReasons = reviewReasons
        self.parentName = parentName
    }
}

/// A chain node an imported firm was placed on, how and why.
public struct NodeEvidence: Sendable, Codable, Hashable {
    public var nodeId: String
    /// `import-industry` (from 所属行业) or `import-scope` (keywords of 经营范围).
    public var method: String
    public var confidence: Double
    public var evidence: String

    public init(nodeId: String, method: String, confidence: Double, evidence: String) {
        self.nodeId = nodeId
        self.method = method
        self.confidence = confidence
        self.evidence = evidence
    }
}

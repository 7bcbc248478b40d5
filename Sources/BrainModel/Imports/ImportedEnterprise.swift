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
    public var reviewReasons: [Reason]
    /// The normalised name of the parent company when this is a branch (分公司).
    public var parentName: String?

    public init(line: Int, name: String, normalizedName: String, uscc: String? = nil, provinceCode: String? = nil,
                cityCode: String? = nil, districtCode: String? = nil, employees: Int? = nil, registeredCapitalWan: Double? = nil,
                setupDate: String? = nil, website: String? = nil, facts: [String: String] = [:], assignments: [NodeEvidence] = [],
                isBiomedicine: Bool = false, reviewReasons: [Reason] = [], parentName: String? = nil) {
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

extension ImportedEnterprise {
    private enum CodingKeys: String, CodingKey {
        case line, name, normalizedName, uscc, provinceCode, cityCode, districtCode, employees, registeredCapitalWan, setupDate,
             website, facts, assignments, isBiomedicine, reviewReasons, parentName
    }

    /// A row waiting in the review queue was stored with its record; one stored before review reasons were data has
    /// them as Chinese text, read back as `review.note`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let reasons: [Reason]
        if let text = try? c.decode([String].self, forKey: .reviewReasons) { reasons = text.map(Reason.note) } else {
            reasons = try c.decode([Reason].self, forKey: .reviewReasons)
        }
        self.init(line: try c.decode(Int.self, forKey: .line), name: try c.decode(String.self, forKey: .name),
                  normalizedName: try c.decode(String.self, forKey: .normalizedName), uscc: try c.decodeIfPresent(String.self, forKey: .uscc),
                  provinceCode: try c.decodeIfPresent(String.self, forKey: .provinceCode),
                  cityCode: try c.decodeIfPresent(String.self, forKey: .cityCode),
                  districtCode: try c.decodeIfPresent(String.self, forKey: .districtCode),
                  employees: try c.decodeIfPresent(Int.self, forKey: .employees),
                  registeredCapitalWan: try c.decodeIfPresent(Double.self, forKey: .registeredCapitalWan),
                  setupDate: try c.decodeIfPresent(String.self, forKey: .setupDate), website: try c.decodeIfPresent(String.self, forKey: .website),
                  facts: try c.decode([String: String].self, forKey: .facts), assignments: try c.decode([NodeEvidence].self, forKey: .assignments),
                  isBiomedicine: try c.decode(Bool.self, forKey: .isBiomedicine), reviewReasons: reasons,
                  parentName: try c.decodeIfPresent(String.self, forKey: .parentName))
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

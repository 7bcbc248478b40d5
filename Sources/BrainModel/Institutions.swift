public struct University: Codable, Sendable, Hashable {
    public var id: String
    public var name: String
    public var cityCode: String?
    public var department: String
    public var level: String
    public var remarks: String?
    public var provenance: Provenance

    /// A medical or pharmacy institution: its name contains 医 or 药.
    public var isMedical: Bool { name.contains("医") || name.contains("药") }

    public init(id: String, name: String, cityCode: String?, department: String, level: String, remarks: String?,
                provenance: Provenance) {
        self.id = id
        self.name = name
        self.cityCode = cityCode
        self.department = department
        self.level = level
        self.remarks = remarks
        self.provenance = provenance
    }
}

public struct Park: Codable, Sendable, Hashable {
    public var id: String
    public var name: String
    public var regionCode: String
    public var kind: String
    public var positioning: [String]
    public var facts: String
    public var provenance: Provenance
    /// Street-address fragments that place a firm inside the park (BioBAY: 星湖街218号), from data/parks/park-addresses.csv.
    public var addressMarkers: [String]

    public init(id: String, name: String, regionCode: String, kind: String, positioning: [String], facts: String,
                provenance: Provenance, addressMarkers: [String] = []) {
        self.id = id
        self.name = name
        self.regionCode = regionCode
        self.kind = kind
        self.positioning = positioning
        self.facts = facts
        self.provenance = provenance
        self.addressMarkers = addressMarkers
    }
}

public struct Policy: Codable, Sendable, Hashable {
    public var id: String
    public var regionCode: String
    public var title: String
    public var clause: String
    public var eligibility: String
    public var maxAmountWan: Double?
    public var period: String
    public var provenance: Provenance

    public init(id: String, regionCode: String, title: String, clause: String, eligibility: String,
                maxAmountWan: Double?, period: String, provenance: Provenance) {
        self.id = id
        self.regionCode = regionCode
        self.title = title
        self.clause = clause
        self.eligibility = eligibility
        self.maxAmountWan = maxAmountWan
        self.period = period
        self.provenance = provenance
    }
}

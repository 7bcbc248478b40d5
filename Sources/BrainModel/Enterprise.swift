/// An enterprise. Listed firms use their stock code (e.g. `600276.SH`) as id.
public struct Enterprise: Codable, Sendable, Hashable {
    public var id: String
    public var name: String
    public var fullName: String?
    public var uscc: String?
    public var stockCode: String?
    public var exchange: String?
    public var market: String?
    public var provinceCode: String?
    public var cityCode: String?
    public var districtCode: String?
    public var employees: Int?
    public var registeredCapitalWan: Double?
    public var totalAssetsYi: Double?
    public var setupDate: String?
    public var listDate: String?
    public var website: String?
    public var ownership: String?
    /// Latest 申万 2021 third-level code, when classified.
    public var sw2021L3: String?
    public var isBiomedicine: Bool
    /// Latest reported growth and margins in percent (Tushare bak_basic); nil when not reported.
    public var revenueGrowthPct: Double?
    public var profitGrowthPct: Double?
    public var grossMarginPct: Double?
    public var netMarginPct: Double?
    /// The layer the firm comes from: `listed`, a bundled register such as `nmpa-2019`, or `import:<id>` (see `Layer`).
    public var layer: String = Layer.listed
    public var provenance: Provenance

    public init(id: String, name: String, fullName: String? = nil, uscc: String? = nil, stockCode: String? = nil,
                exchange: String? = nil, market: String? = nil, provinceCode: String? = nil, cityCode: String? = nil,
                districtCode: String? = nil, employees: Int? = nil, registeredCapitalWan: Double? = nil,
                totalAssetsYi: Double? = nil, setupDate: String? = nil, listDate: String? = nil, website: String? = nil,
                ownership: String? = nil, sw2021L3: String? = nil, isBiomedicine: Bool = false, provenance: Provenance) {
        self.id = id
        self.name = name
        self.fullName = fullName
        self.uscc = uscc
        self.stockCode = stockCode
        self.exchange = exchange
        self.market = market
        self.provinceCode = provinceCode
        self.cityCode = cityCode
        self.districtCode = districtCode
        self.employees = employees
        self.registeredCapitalWan = registeredCapitalWan
        self.totalAssetsYi = totalAssetsYi
        self.setupDate = setupDate
        self.listDate = listDate
        self.website = website
        self.ownership = ownership
        self.sw2021L3 = sw2021L3
        self.isBiomedicine = isBiomedicine
        self.provenance = provenance
    }
}

/// An enterprise placed on a chain node, with why and how sure.
public struct ChainAssignment: Codable, Sendable, Hashable {
    public var enterpriseId: String
    public var nodeId: String
    /// How the assignment was made, e.g. `sw2021-official`, `product-keyword`.
    public var method: String
    public var confidence: Double
    /// Why: coded reasons as JSON (`ChainEvidence`, worded per language where shown), or plain text from an old
    /// database, an analyst or an import (`所属行业 化学制药`), shown as data.
    public var evidence: String
    public var provenance: Provenance

    public init(enterpriseId: String, nodeId: String, method: String, confidence: Double, evidence: String,
                provenance: Provenance) {
        self.enterpriseId = enterpriseId
        self.nodeId = nodeId
        self.method = method
        self.confidence = confidence
        self.evidence = evidence
        self.provenance = provenance
    }
}

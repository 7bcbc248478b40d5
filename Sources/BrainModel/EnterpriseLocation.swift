/// Where a firm is and on what its location rests: the address that settled its district, the report year it comes
/// from, or, when it stops at the city, why (a code and its value, rendered by the page; no sentence in Swift).
public struct EnterpriseLocation: Codable, Sendable, Hashable {
    /// What settled the finest level: the registered address (注册地址, the statistical domicile), the office address
    /// (办公地址), or only the city of the listing profile.
    public enum Basis: String, Codable, Sendable, CaseIterable {
        case registered, office
        case listingCity = "listing-city"
    }

    /// Why a firm stops above the district.
    public enum Reason: String, Codable, Sendable, CaseIterable {
        /// the firm has no address in the address file (listed after the FY2021 reports, or none given)
        case noAddress = "no-address"
        /// the addresses name the city but no district or zone the resolver knows (a street only)
        case noDistrictInAddress = "no-district-in-address"
        /// an address's district lies in another city than the firm's known city: the city is kept
        case cityMismatch = "city-mismatch"
        /// the address text did not resolve (ambiguous or unknown place names)
        case unresolved
        /// the city has no county-level units (东莞, 中山, 儋州, 嘉峪关): the city is as fine as it gets
        case cityWithoutDistricts = "city-without-districts"
    }

    public var enterpriseId: String
    /// the finest level located: district, city or province
    public var level: RegionLevel
    public var basis: Basis
    public var reason: Reason?
    /// the value the reason names (for `city-mismatch`, the other city's code)
    public var reasonValue: String?
    /// the annual report the addresses come from
    public var reportYear: Int?
    public var registeredAddress: String?
    public var officeAddress: String?
    public var provenance: Provenance

    public init(enterpriseId: String, level: RegionLevel, basis: Basis, reason: Reason? = nil, reasonValue: String? = nil,
                reportYear: Int? = nil, registeredAddress: String? = nil, officeAddress: String? = nil, provenance: Provenance) {
        self.enterpriseId = enterpriseId
        self.level = level
        self.basis = basis
        self.reason = reason
        self.reasonValue = reasonValue
        self.reportYear = reportYear
        self.registeredAddress = registeredAddress
        self.officeAddress = officeAddress
        self.provenance = provenance
    }

    /// The address text that settled the location (nil when the basis is the listing city).
    public var address: String? {
        switch basis {
        case .registered: registeredAddress
        case .office: officeAddress
        case .listingCity: nil
        }
    }
}

import BrainModel

/// Where an address is, as far as its text decides: codes and names per level, or the candidates it leaves open.
public struct ResolvedAddress: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable { case ok, ambiguous, unknown }

    public struct Candidate: Codable, Sendable, Equatable {
        public var provinceCode: String
        public var cityCode: String?
        public var districtCode: String?
        public var name: String

        enum CodingKeys: String, CodingKey {
            case provinceCode = "province_code", cityCode = "city_code", districtCode = "district_code", name
        }
    }

    public var address: String
    public var status: Status
    public var provinceCode: String?
    public var provinceName: String?
    public var cityCode: String?
    public var cityName: String?
    public var districtCode: String?
    public var districtName: String?
    /// For `ambiguous`: the places a bare name could mean.
    public var candidates: [Candidate]?
    /// How the text was read: which former name was mapped, what decided an ambiguity; reasons, worded per language.
    public var notes: [Reason]?

    enum CodingKeys: String, CodingKey {
        case address, status, candidates, notes
        case provinceCode = "province_code", provinceName = "province_name", cityCode = "city_code", cityName = "city_name"
        case districtCode = "district_code", districtName = "district_name"
    }
}

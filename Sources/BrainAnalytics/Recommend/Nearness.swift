import BrainModel

/// How near a supplier is to a need's region (its reason a code, worded per language by the catalogue): 1 in the same city, 0.6 in the same province, else 1/(1 + km/300)
/// from the region's coordinates (0 when either place is unknown). Service offers and talent matching share it.
struct Nearness {
    let index: SnapshotIndex
    let region: Region
    private let here: (Double, Double)?

    init(_ index: SnapshotIndex, region: Region) {
        self.index = index
        self.region = region
        here = index.coordinates(region.code)
    }

    /// Of a place given by its city and province codes (either may be missing).
    func of(cityCode: String?, provinceCode: String?) -> (value: Double, distanceKm: Double?, reason: Reason?) {
        let needCity = region.level == .province ? nil : Region.cityCode(of: region.code)
        if let needCity, cityCode == needCity { return (1, nil, Reason("near.same-city")) }
        if let provinceCode, provinceCode == Region.provinceCode(of: region.code) { return (0.6, nil, Reason("near.same-province")) }
        let there = cityCode.flatMap(index.coordinates) ?? provinceCode.flatMap(index.coordinates)
        guard let here, let there else { return (0, nil, cityCode == nil && provinceCode == nil ? Reason("near.unknown") : nil) }
        let km = ParkLanding.haversineKm(here, there)
        return (1 / (1 + km / 300), km, Reason("near.distance", ["km": String(Int(km.rounded()))]))
    }

    /// Of a place given by any region code.
    func of(code: String?) -> (value: Double, distanceKm: Double?, reason: Reason?) {
        guard let code, let place = index.regionsByCode[code] else { return of(cityCode: nil, provinceCode: nil) }
        return of(cityCode: place.level == .province ? nil : Region.cityCode(of: code), provinceCode: Region.provinceCode(of: code))
    }
}

import BrainModel

/// The listed firms whose address lies in a park: a firm of the park's city whose registered or office address (from
/// its annual report) contains one of the park's address markers (BioBAY: 星湖街218号). Parks without markers have
/// no such list; the page then shows the firms of the park's district.
public enum ParkFirms {
    public struct Member: Sendable {
        public var enterprise: Enterprise
        /// the address that names the park, and which one it is (registered / office)
        public var address: String
        public var basis: EnterpriseLocation.Basis
    }

    public static func members(of park: Park, in index: SnapshotIndex) -> [Member] {
        guard !park.addressMarkers.isEmpty, let region = index.regionsByCode[park.regionCode], region.level != .province else { return [] }
        let city = region.level == .city ? region.code : (region.parentCode ?? Region.cityCode(of: region.code))
        let firms = Dictionary(index.data.enterprises.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var members: [Member] = []
        for location in index.data.locations {
            guard let firm = firms[location.enterpriseId], firm.cityCode == city else { continue }
            for (basis, text) in [(EnterpriseLocation.Basis.registered, location.registeredAddress), (.office, location.officeAddress)] {
                guard let text else { continue }
                let clean = TextNormalizer.halfWidth(text).filter { !$0.isWhitespace }
                if park.addressMarkers.contains(where: { clean.contains($0) }) {
                    members.append(Member(enterprise: firm, address: text, basis: basis))
                    break
                }
            }
        }
        return members.sorted { ($0.enterprise.isBiomedicine ? 0 : 1, 0) < ($1.enterprise.isBiomedicine ? 0 : 1, 0)
            || ($0.enterprise.isBiomedicine == $1.enterprise.isBiomedicine && FirmRow.bySize($0.enterprise, $1.enterprise)) }
    }
}

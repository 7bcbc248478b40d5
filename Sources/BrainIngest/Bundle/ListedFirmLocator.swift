import Foundation
import BrainModel

/// Locates listed firms to their district from the street addresses of their annual reports
/// (`companies/addresses_finglm.csv`), through the project's own `AddressResolver`.
///
/// The rule, in order:
/// 1. The registered address (注册地址, the statistical domicile) first, then the office address (办公地址).
/// 2. An address settles the firm when it resolves to a district (or a development zone) inside the firm's known
///    city (the listing profile's city); with no known city, the address's own city is taken.
/// 3. An address whose district lies in another city is not trusted silently: it is skipped and, when no address
///    settles the firm, the firm keeps its known city with the reason `city-mismatch` and the other city's code.
/// 4. Otherwise the firm stops at the city with the reason: no address, no district in the address, unresolved,
///    or a city without county-level units. A county-level city the listing profile already names is kept.
struct ListedFirmLocator {
    struct Addresses {
        var reportYear: Int?
        var registered: String?
        var office: String?
    }

    static let file = "companies/addresses_finglm.csv"
    static let source = "finglm-annual-reports"

    let resolver: AddressResolver
    let regionsByCode: [String: Region]
    /// Cities that have county-level children: the others (东莞, 中山) are as fine as a location gets.
    let citiesWithDistricts: Set<String>

    init(resolver: AddressResolver, regions: [Region]) {
        self.resolver = resolver
        var byCode: [String: Region] = [:], withDistricts: Set<String> = []
        for region in regions {
            byCode[region.code] = region
            if region.level == .district, let parent = region.parentCode { withDistricts.insert(parent) }
        }
        regionsByCode = byCode
        citiesWithDistricts = withDistricts
    }

    /// Addresses by six-digit stock code; an absent file (a synthetic data folder) means none.
    static func addresses(folder: URL, report: inout ImportReport) throws(SourceFileError) -> [String: Addresses] {
        let url = folder.appendingPathComponent(file)
        guard FileManager.default.fileExists(atPath: url.path) else { return [:] }
        let table = try CSVTable(url: url, file: file, requiredColumns: ["code", "name", "report_year", "reg_address", "office_address"])
        var fileReport = FileReport(file: file)
        var byCode: [String: Addresses] = [:]
        for row in table.rows {
            let code = try row.digits("code", count: 6)
            let year = row.optional("report_year").flatMap { Int($0) }
            guard year != nil else { fileReport.reject(row.error("report_year", value: row.optional("report_year"), "not a year")); continue }
            byCode[code] = Addresses(reportYear: year, registered: Self.usable(row.optional("reg_address")),
                                     office: Self.usable(row.optional("office_address")))
            fileReport.accept()
        }
        report.files.append(fileReport)
        return byCode
    }

    /// Blank or placeholder cells ("-", "无") carry no address.
    static func usable(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), text.count >= 4 else { return nil }
        return text
    }

    /// Sets the firm's district (and city and province where they were unknown) and returns how it was located.
    func locate(_ enterprise: inout Enterprise, addresses: Addresses?) -> EnterpriseLocation {
        let provenance = Provenance(source: Self.source, asOf: addresses?.reportYear.map(String.init) ?? "")
        var location = EnterpriseLocation(enterpriseId: enterprise.id, level: .province, basis: .listingCity,
                                          reportYear: addresses?.reportYear, registeredAddress: addresses?.registered,
                                          officeAddress: addresses?.office, provenance: provenance)
        let knownCity = enterprise.cityCode
        var mismatch: String?, addressCity: (code: String, basis: EnterpriseLocation.Basis)?, anyResolved = false
        for (basis, text) in [(EnterpriseLocation.Basis.registered, addresses?.registered), (.office, addresses?.office)] {
            guard let text else { continue }
            let resolved = resolver.resolve(text, hint: enterprise.districtCode ?? knownCity)
            guard resolved.status == .ok else { continue }
            anyResolved = true
            if let district = resolved.districtCode, let city = regionsByCode[district]?.parentCode {
                if knownCity == nil || knownCity == city {
                    enterprise.districtCode = district
                    enterprise.cityCode = city
                    enterprise.provinceCode = Region.provinceCode(of: district)
                    location.level = .district
                    location.basis = basis
                    return location
                }
                mismatch = mismatch ?? city
            } else if let city = resolved.cityCode, addressCity == nil, knownCity == nil || knownCity == city {
                addressCity = (city, basis)
            }
        }
        if knownCity == nil, let (city, basis) = addressCity {
            enterprise.cityCode = city
            enterprise.provinceCode = Region.provinceCode(of: city)
            location.basis = basis
        }
        location.level = enterprise.districtCode != nil ? .district : enterprise.cityCode != nil ? .city : .province
        if location.level == .district { return location }   // a county-level city the listing profile names
        if let mismatch {
            (location.reason, location.reasonValue) = (.cityMismatch, mismatch)
        } else if let city = enterprise.cityCode, !citiesWithDistricts.contains(city) {
            location.reason = .cityWithoutDistricts
        } else if addresses?.registered == nil && addresses?.office == nil {
            location.reason = .noAddress
        } else {
            location.reason = anyResolved ? .noDistrictInAddress : .unresolved
        }
        return location
    }
}

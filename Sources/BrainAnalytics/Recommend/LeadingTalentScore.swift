import BrainModel

/// A transparent rubric for leading talents (领军人才), out of 100, over what Chinese talent programmes weigh:
/// recognition, academic standing, translation, leadership, industry experience and entrepreneurship. Each part is
/// capped so no single number decides:
///
///   honours     35  院士 35 · national leading (杰青, 长江) 28 · national young (优青) 20 · provincial/city 12 (the highest held)
///   academic    20  15 · min(h-index, 50)/50 + 5 · min(papers, 100)/100
///   patents     15  15 · min(patents, 20)/20
///   projects    10  10 · min(projects led, 10)/10
///   industry    12  12 · min(years, 15)/15
///   ventures     8   8 · min(firms founded, 2)/2
///
/// Missing facts count 0 and are listed, so a thin record reads as unknown rather than weak.
public struct LeadingTalentScore: Codable, Sendable, Hashable {
    public struct Part: Codable, Sendable, Hashable {
        public var name: String
        public var points: Double
        public var max: Double
    }

    public var total: Double
    public var parts: [Part]
    public var unknown: [String]

    public static let honourPoints: [TalentHonour: Double] = [.academician: 35, .nationalLeading: 28, .nationalYoung: 20, .provincial: 12]

    public init(_ talent: Talent) {
        func capped(_ value: Int?, _ cap: Double, _ weight: Double) -> Double { value.map { weight * min(Double($0), cap) / cap } ?? 0 }
        parts = [
            Part(name: "人才称号 honours", points: talent.honours.compactMap { Self.honourPoints[$0] }.max() ?? 0, max: 35),
            Part(name: "学术 academic", points: capped(talent.hIndex, 50, 15) + capped(talent.papers, 100, 5), max: 20),
            Part(name: "专利 patents", points: capped(talent.patents, 20, 15), max: 15),
            Part(name: "主持项目 projects led", points: capped(talent.projectsLed, 10, 10), max: 10),
            Part(name: "产业经验 industry years", points: capped(talent.industryYears, 15, 12), max: 12),
            Part(name: "创业 ventures", points: capped(talent.venturesFounded, 2, 8), max: 8),
        ]
        total = parts.reduce(0) { $0 + $1.points }
        let facts: [(String, Bool)] = [("h-index", talent.hIndex == nil), ("papers", talent.papers == nil), ("patents", talent.patents == nil),
                                       ("projects led", talent.projectsLed == nil), ("industry years", talent.industryYears == nil),
                                       ("ventures", talent.venturesFounded == nil)]
        unknown = facts.filter(\.1).map(\.0)
    }
}

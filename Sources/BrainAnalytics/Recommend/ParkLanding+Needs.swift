import Foundation
import BrainModel

/// The reasons a park gets for the project's preferred area, land need and GMP need. They state what the data holds
/// and nothing more: the park data gives at most a built area (建成15平方公里), never the land still available, and
/// no register here says which firm is GMP-certified, so the drug manufacturers in the park's city are named as
/// such, and an absence is said as "园区数据未载明".
extension ParkLanding {
    /// Chain nodes whose firms make drugs under GMP: APIs, chemical, biological and Chinese medicines, and CDMOs.
    static let gmpRoots: Set<String> = ["api", "chemical-drugs", "biologics", "tcm", "cdmo"]

    static func areaReason(inside: Bool, area: String, mode: String) -> Reason {
        let how: (zh: String, en: String) = mode == "filter" ? ("只列出该区域内的园区", "only parks inside it are listed")
            : inside ? ("得分加 \(String(format: "%.2f", areaBonus))", "score +\(String(format: "%.2f", areaBonus))")
            : ("不加分", "no bonus")
        return Reason(inside ? "landing.in-preferred-area" : "landing.outside-preferred-area",
                      ["area": area, "how": how.zh, "how.en": how.en])
    }

    func needsReasons(_ project: Project, park: Park, city: Region?) -> [Reason] {
        var reasons: [Reason] = []
        if project.needsLand == true || project.landMu != nil {
            let need: (zh: String, en: String) = project.landMu.map { mu in
                let figure = mu == mu.rounded() ? "\(Int(mu))" : String(format: "%.1f", mu)
                return ("\(figure) 亩", "\(figure) mu")
            } ?? ("（面积未填）", "(area not given)")
            if let stated = Self.statedArea(park) {
                reasons.append(Reason("landing.land-stated", ["need": need.zh, "need.en": need.en, "fact": stated.fact,
                                                              "mu": "\(Int(stated.mu.rounded()))"]))
            } else {
                reasons.append(Reason("landing.land-unstated", ["need": need.zh, "need.en": need.en]))
            }
        }
        if project.needsGMP == true || project.stage == "manufacturing" {
            let makers = city.map { city in
                index.biomedicineEnterprises.filter { firm in
                    index.enterprise(firm, isIn: city) && (index.nodesByEnterprise[firm.id] ?? []).contains { isGMPNode($0) }
                }
            } ?? []
            if let city, !makers.isEmpty {
                let names = makers.prefix(3).map(\.name).joined(separator: "、")
                reasons.append(Reason("landing.gmp-makers", ["city": city.name, "count": "\(makers.count)", "firms": names]))
            } else {
                reasons.append(Reason("landing.gmp-unstated"))
            }
        }
        return reasons
    }

    func isGMPNode(_ id: String) -> Bool {
        var cursor: String? = id
        while let node = cursor.flatMap({ index.nodesById[$0] }) {
            if Self.gmpRoots.contains(node.id) { return true }
            cursor = node.parentId
        }
        return false
    }

    /// The first area the park's facts state (15平方公里, 3000亩, 200公顷) and its size in 亩, or nil.
    static func statedArea(_ park: Park) -> (fact: String, mu: Double)? {
        let text = park.facts + " " + park.positioning.joined(separator: " ")
        let units: [(String, Double)] = [("平方公里", 1500), ("亩", 1), ("公顷", 15)]
        guard let regex = try? NSRegularExpression(pattern: #"([0-9]+(?:\.[0-9]+)?)\s*(平方公里|亩|公顷)"#) else { return nil }
        let range = NSRange(text.startIndex..., in: text)
        guard let match = regex.firstMatch(in: text, range: range),
              let whole = Range(match.range, in: text), let number = Range(match.range(at: 1), in: text),
              let unit = Range(match.range(at: 2), in: text),
              let value = Double(text[number]), let factor = units.first(where: { $0.0 == text[unit] })?.1 else { return nil }
        return (String(text[whole]), value * factor)
    }
}

import Foundation
import Hummingbird
import BrainAnalytics
import BrainModel

/// The park-landing page (park-landing.mustache): the form as the query filled it, and the ranked parks when asked.
struct ParkLandingView: PageView {
    struct Text: Encodable, Sendable { var zh: String; var en: String }
    struct Option: Encodable, Sendable { var id: String; var name: String; var nameEn: String; var selected: Bool }
    struct Tier: Encodable, Sendable { var nameZh: String; var nameEn: String; var nodes: [Option] }
    struct Result: Encodable, Sendable {
        var rank: Int
        var id: String
        var name: String
        var region: String
        var score: String
        var reasonsZh: [String]
        var reasonsEn: [String]
    }

    var nodeTiers: [Tier]
    var stages: [Option]
    var origin: String
    var area: String
    var mu: String
    var areaModes: [Option]
    var land: Bool
    var gmp: Bool
    /// Why the project could not be ranked (nil when it was, or was not asked).
    var error: Text?
    var results: [Result]?
    var formula: Text?

    /// The form: the 44 nodes grouped by tier, sub-nodes indented under their parent, the choices the query made ticked.
    init(_ taxonomy: ChainTaxonomy, query: Parameters) {
        let chosenNodes = Set((query.get("nodes") ?? "").split(separator: ",").map(String.init))
        let tierNames: [ChainTier: (String, String)] = [.upstream: ("上游", "Upstream"), .midstream: ("中游", "Midstream"), .downstream: ("下游", "Downstream")]
        nodeTiers = [ChainTier.upstream, .midstream, .downstream].map { tier in
            let options = taxonomy.topLevelNodes.filter { $0.tier == tier }.flatMap { top in
                ([top] + taxonomy.children(of: top.id)).map { node in
                    Option(id: node.id, name: (node.parentId == nil ? "" : "　· ") + node.nameZh, nameEn: node.nameEn,
                           selected: chosenNodes.contains(node.id))
                }
            }
            let names = tierNames[tier] ?? (tier.rawValue, tier.rawValue)
            return Tier(nameZh: names.0, nameEn: names.1, nodes: options)
        }
        stages = [("rnd", "研发", "R&D"), ("pilot", "中试", "pilot"), ("manufacturing", "生产", "manufacturing")].map {
            Option(id: $0.0, name: $0.1, nameEn: $0.2, selected: query.get("stage") == $0.0)
        }
        origin = query.get("origin") ?? ""
        area = query.get("area") ?? ""
        mu = query.get("mu") ?? ""
        areaModes = [("boost", "加分", "boost"), ("filter", "只看该区域", "filter")].map {
            Option(id: $0.0, name: $0.1, nameEn: $0.2, selected: (query.get("areaMode") ?? "boost") == $0.0)
        }
        land = query.get("land") == "1"
        gmp = query.get("gmp") == "1"
    }

    /// The ranked parks and the formula that ranked them.
    mutating func show(_ report: ParkLanding.Report) {
        results = report.parks.map { candidate in
            Result(rank: candidate.rank, id: candidate.park.id, name: candidate.park.name, region: candidate.region.name,
                   score: RegionView.number(candidate.score, 3),
                   reasonsZh: candidate.reasonCodes.map { ReasonText.render($0, in: .zh) },
                   reasonsEn: candidate.reasonCodes.map { ReasonText.render($0, in: .en) })
        }
        formula = Text(zh: report.formulaZh, en: report.formula)
    }
}

import Foundation
import Hummingbird
import BrainAnalytics
import BrainModel

/// Project → park landing: `/recommend/park?nodes=&stage=&origin=&area=&areaMode=boost|filter&land=&mu=&gmp=` (a form and its ranked parks),
/// `GET /api/recommend/park` with the same parameters, and `POST /api/recommend/park` with a project as JSON.
struct ParkLandingPage: Sendable {
    let cache: AnalyticsCache
    let renderer: PageRenderer
    static let maxBody = 64 << 10

    func register(on router: Router<BasicRequestContext>) {
        router.get("/api/recommend/park") { request, _ in try JSONResponse.ok(try await rank(try Self.project(request))) }
        router.post("/api/recommend/park") { request, _ in
            var request = request
            let body = try await request.collectBody(upTo: Self.maxBody)
            let project: ParkLanding.Project
            do { project = try JSONDecoder().decode(ParkLanding.Project.self, from: Data(buffer: body)) } catch {
                throw AppError.badRequest(Reason("api.not-a-project", ["example": #"{"nodes": ["antibodies"], "stage": "rnd|pilot|manufacturing", …}"#]))
            }
            return try JSONResponse.ok(try await rank(project))
        }
        router.get("/recommend/park") { request, _ in
            let query = request.uri.queryParameters
            let index = try await cache.index()
            // The 44 nodes grouped by tier, sub-nodes indented under their parent, with a search box (park-landing.mustache).
            let taxonomy = index.data.taxonomy
            let chosenNodes = Set((query.get("nodes") ?? "").split(separator: ",").map(String.init))
            let tierNames: [ChainTier: (String, String)] = [.upstream: ("上游", "Upstream"), .midstream: ("中游", "Midstream"), .downstream: ("下游", "Downstream")]
            var nodeTiers: [[String: Any]] = []
            for tier in [ChainTier.upstream, .midstream, .downstream] {
                var options: [[String: Any]] = []
                for top in taxonomy.topLevelNodes where top.tier == tier {
                    for node in [top] + taxonomy.children(of: top.id) {
                        let name: String = (node.parentId == nil ? "" : "　· ") + node.nameZh
                        options.append(["id": node.id, "name": name, "nameEn": node.nameEn, "selected": chosenNodes.contains(node.id)])
                    }
                }
                let names = tierNames[tier] ?? (tier.rawValue, tier.rawValue)
                nodeTiers.append(["nameZh": names.0, "nameEn": names.1, "nodes": options])
            }
            var context: [String: Any] = [
                "nodeTiers": nodeTiers,
                "stages": [("rnd", "研发", "R&D"), ("pilot", "中试", "pilot"), ("manufacturing", "生产", "manufacturing")].map {
                    ["id": $0.0, "name": $0.1, "nameEn": $0.2, "selected": query.get("stage") == $0.0]
                },
                "origin": query.get("origin") ?? "", "area": query.get("area") ?? "", "mu": query.get("mu") ?? "",
                "areaModes": [("boost", "加分", "boost"), ("filter", "只看该区域", "filter")].map {
                    ["id": $0.0, "name": $0.1, "nameEn": $0.2, "selected": (query.get("areaMode") ?? "boost") == $0.0]
                },
                "land": query.get("land") == "1", "gmp": query.get("gmp") == "1",
            ]
            var report: ParkLanding.Report?
            if query.get("nodes") != nil {
                do {
                    report = try await rank(try Self.project(request))
                } catch let error as AppError {
                    let text = ReasonText.bilingual(error.reason)
                    context["error"] = ["zh": text.zh, "en": text.en]
                }
            }
            if let report {
                context["results"] = report.parks.map { candidate in
                    ["rank": candidate.rank, "id": candidate.park.id, "name": candidate.park.name, "region": candidate.region.name,
                     "score": RegionView.number(candidate.score, 3),
                     "reasonsZh": candidate.reasonCodes.map { ReasonText.render($0, in: .zh) },
                     "reasonsEn": candidate.reasonCodes.map { ReasonText.render($0, in: .en) }] as [String: Any]
                }
                context["formula"] = ["zh": report.formulaZh, "en": report.formula]
            }
            return try renderer.render("park-landing", nav: "parks", context: context, data: report)
        }
    }

    static func project(_ request: Request) throws -> ParkLanding.Project {
        let query = request.uri.queryParameters
        let nodes = (query.get("nodes") ?? "").split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !nodes.isEmpty, nodes.count <= 20 else { throw AppError.badRequest(Reason("api.choose-nodes")) }
        let code = { (name: String) -> String? in query.get(name).flatMap { $0.isEmpty ? nil : $0 } }
        var landMu: Double?
        if let text = code("mu") {
            guard let mu = Double(text), mu.isFinite, mu > 0, mu < 1e7 else {
                throw AppError.badRequest(Reason("api.bad-request", ["detail": "mu: 用地面积须为正数（亩） / land in mu must be a positive number"]))
            }
            landMu = mu
        }
        return ParkLanding.Project(nodes: nodes, stage: query.get("stage") ?? "manufacturing", needsLand: query.get("land") == "1" || landMu != nil,
                                   needsGMP: query.get("gmp") == "1", preferredArea: code("area"), origin: code("origin"),
                                   areaMode: code("areaMode"), landMu: landMu)
    }

    func rank(_ project: ParkLanding.Project) async throws -> ParkLanding.Report {
        let index = try await cache.index()
        // A preferred area that names no region, or several, is answered with the candidates in the caller's language.
        if let typed = project.preferredArea, case .failure(let problem) = AreaNames.resolve(typed, in: index) {
            throw AppError.badRequest(problem.reason(index))
        }
        do {
            return try ParkLanding(index, links: try await cache.nodeLinks()).rank(project)
        } catch let error as AnalyticsError {
            throw AppError.badRequest(Reason("api.bad-request", ["detail": error.description]))
        }
    }
}

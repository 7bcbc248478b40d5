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
            var view = ParkLandingView(index.data.taxonomy, query: query)
            var report: ParkLanding.Report?
            if query.get("nodes") != nil {
                do {
                    report = try await rank(try Self.project(request))
                } catch let error as AppError {
                    let text = ReasonText.bilingual(error.reason)
                    view.error = .init(zh: text.zh, en: text.en)
                }
            }
            if let report { view.show(report) }
            return try renderer.render("park-landing", nav: "parks", view: view, data: report)
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
                throw AppError.badRequest(Reason("analytics.land-mu"))
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
            throw AppError.badRequest(error.reason)
        }
    }
}

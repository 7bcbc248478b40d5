import Foundation
import BrainModel
import Hummingbird
import BrainAnalytics
import BrainIngest

/// Policy matching: `/api/enterprises/{id}/policies` (each clause with its status and the conditions checked),
/// `/api/policies` and `/api/policies/{id}` (the firms that qualify), and the `/policies` page.
struct PolicyRoutes: Sendable {
    let cache: AnalyticsCache
    let renderer: PageRenderer

    func register(on router: Router<BasicRequestContext>) {
        router.get("/api/enterprises/:id/policies") { _, context in
            try JSONResponse.ok(try await matches(try context.parameters.path("id")))
        }
        router.get("/api/policies") { _, _ in try JSONResponse.ok(try await all()) }
        router.get("/api/policies/:id") { _, context in try JSONResponse.ok(try await firms(try context.parameters.path("id"))) }
        router.get("/policies") { _, _ in
            let list = try await all()
            return try renderer.render("policies", nav: "policies", view: PoliciesView(list), data: list)
        }
    }

    func matcher() async throws -> PolicyMatcher {
        do { return try await cache.policyMatcher() } catch let error as PolicyRulesLoader.RuleError {
            throw HTTPError(.internalServerError, message: "policy rules: \(error.description)")
        }
    }

    func matches(_ id: String) async throws -> [PolicyMatcher.Match] {
        let matcher = try await matcher()
        do { return try matcher.matches(enterprise: id) } catch { throw AppError.from(error) }
    }

    func firms(_ id: String) async throws -> PolicyMatcher.PolicyFirms {
        let matcher = try await matcher()
        do { return try matcher.firms(policy: id) } catch { throw AppError.notFound(Reason("api.not-found", ["detail": error.description])) }
    }

    func all() async throws -> [PolicyMatcher.PolicyFirms] {
        let matcher = try await matcher()
        var result: [PolicyMatcher.PolicyFirms] = []
        for policy in try await cache.index().data.policies {
            do { result.append(try matcher.firms(policy: policy.id)) } catch { throw AppError.notFound(Reason("api.not-found", ["detail": error.description])) }
        }
        return result
    }
}

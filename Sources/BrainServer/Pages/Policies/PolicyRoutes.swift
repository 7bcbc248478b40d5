import Foundation
import BrainModel
import Hummingbird
import BrainAnalytics
import BrainIngest
import BrainUseCases

/// Policy matching: `/api/enterprises/{id}/policies` (each clause with its status and the conditions checked),
/// `/api/policies` and `/api/policies/{id}` (the firms that qualify), and the `/policies` page. Each shows the bundled
/// clauses and the imported ones the caller may see: the public ones and its organisation's own.
struct PolicyRoutes: Sendable {
    let cache: AnalyticsCache
    let renderer: PageRenderer
    let access: MarketAccess

    func register(on router: Router<BasicRequestContext>) {
        router.get("/api/enterprises/:id/policies") { request, context in
            try JSONResponse.ok(try await matches(try context.parameters.path("id"), for: request))
        }
        router.get("/api/policies") { request, _ in try JSONResponse.ok(try await all(for: request)) }
        router.get("/api/policies/:id") { request, context in
            try JSONResponse.ok(try await firms(try context.parameters.path("id"), for: request))
        }
        router.get("/policies") { request, _ in
            let list = try await all(for: request)
            return try renderer.render("policies", nav: "policies", view: PoliciesView(list), data: list)
        }
    }

    func matcher(for request: Request) async throws -> PolicyMatcher {
        let base: PolicyMatcher
        do { base = try await cache.policyMatcher() } catch let error as PolicyRulesLoader.RuleError {
            throw HTTPError(.internalServerError, message: "policy rules: \(error.description)")
        }
        let organisation = try await access.organisation(request)
        return base.including(try await access.store.importedPolicies(visibleTo: organisation?.id))
    }

    func matches(_ id: String, for request: Request) async throws -> [PolicyMatcher.Match] {
        let matcher = try await matcher(for: request)
        do { return try matcher.matches(enterprise: id) } catch { throw AppError(Refusal(error)) }
    }

    func firms(_ id: String, for request: Request) async throws -> PolicyMatcher.PolicyFirms {
        let matcher = try await matcher(for: request)
        do { return try matcher.firms(policy: id) } catch { throw AppError.notFound(error.reason) }
    }

    func all(for request: Request) async throws -> [PolicyMatcher.PolicyFirms] {
        let matcher = try await matcher(for: request)
        var result: [PolicyMatcher.PolicyFirms] = []
        for policy in matcher.clauses {
            do { result.append(try matcher.firms(policy: policy.id)) } catch { throw AppError.notFound(error.reason) }
        }
        return result
    }
}

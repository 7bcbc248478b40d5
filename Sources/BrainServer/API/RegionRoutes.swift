import Hummingbird

/// Every `/api/regions/{code}…` route in one collection, in the order they must be tried: the literal last segments
/// (children, report, targets, talent, network, swot) before the analysis methods' `:method`. The handlers stay with the code that
/// computes each answer (the store's profile, the region report, the analytics).
enum RegionRoutes {
    static func collection(api: APIController, page: RegionPage, network: NetworkPage, analytics: AnalyticsController) -> RouteCollection<BasicRequestContext> {
        let regions = RouteCollection(context: BasicRequestContext.self)
        regions.get(":code") { _, context in try await api.region(try context.parameters.path("code")) }
        regions.get(":code/children") { _, context in try await api.children(try context.parameters.path("code")) }
        page.registerAPI(on: regions)
        network.registerAPI(on: regions)
        regions.get(":code/:method") { request, context in
            try await analytics.regionMethod(try context.parameters.path("code"), try context.parameters.path("method"), request)
        }
        return regions
    }
}

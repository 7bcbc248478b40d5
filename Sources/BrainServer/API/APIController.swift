import Foundation
import Hummingbird
import BrainModel
import BrainStore
import BrainUseCases

/// The JSON API under `/api`. Every page of the web application reads the same routes.
struct APIController: Sendable {
    let store: any Store
    let cache: ResponseCache
    /// Who asks: another organisation's private import's firms are neither found, counted nor shown.
    let access: MarketAccess
    static let maxPageSize = 100

    func register(on router: Router<BasicRequestContext>) {
        let api = router.group("api")
        api.get("chain") { _, _ in try await chain() }
        api.get("enterprises") { request, _ in try await search(request) }
        api.get("enterprises/:id") { request, context in
            try await enterprise(try context.parameters.path("id"), viewer: try await access.caller(request).firmViewer)
        }
    }

    /// `GET /api/chain`: the chain taxonomy with national firm counts per node.
    func chain() async throws -> Response {
        let body = try await cache.body("chain") {
            let taxonomy = try await store.taxonomy()
            let counts = try await store.nationalNodeCounts()
            return try JSONResponse.encoder.encode(ChainResponse(id: taxonomy.id, nameZh: taxonomy.nameZh, nameEn: taxonomy.nameEn,
                                                                 version: taxonomy.version, tiers: taxonomy.tiers,
                                                                 nodes: NodeWithCount.merge(taxonomy, counts)))
        }
        return JSONResponse.response(.ok, data: body ?? Data())
    }

    /// `GET /api/regions/{code}`: name, level, parent, children and firm counts per chain node.
    func region(_ code: String) async throws -> Response {
        try RegionCode.check(code)
        let body = try await cache.body("region/" + code) { () async throws -> Data? in
            guard let profile = try await store.regionProfile(code, largest: 10) else { return nil }
            return try JSONResponse.encoder.encode(RegionResponse(profile, taxonomy: try await store.taxonomy()))
        }
        guard let body else { throw RegionCode.unknown(code) }
        return JSONResponse.response(.ok, data: body)
    }

    /// `GET /api/regions/{code}/children`: firm counts of each child region, for maps.
    func children(_ code: String) async throws -> Response {
        try RegionCode.check(code)
        guard try await store.region(code) != nil else { throw RegionCode.unknown(code) }
        return try JSONResponse.ok(try await store.childValues(of: code))
    }

    /// `GET /api/enterprises?q=&limit=&offset=`: Chinese substring search over names, paged; or `?page=&size=` as the
    /// pages do (page from 1, size 1–100), which sets the offset.
    func search(_ request: Request) async throws -> Response {
        let query = request.uri.queryParameters.get("q") ?? ""
        let parameters = request.uri.queryParameters
        let viewer = try await access.caller(request).firmViewer
        if parameters.get("page") != nil || parameters.get("size") != nil {
            let paging = try Paging(parameters, legacySize: "limit")
            guard query.count <= 100 else { return JSONResponse.error(.badRequest, Reason("api.query-too-long")) }
            return try JSONResponse.ok(try await store.searchEnterprises(query, limit: paging.size, offset: paging.offset, visibleTo: viewer))
        }
        guard let limit = Self.integer(request, "limit", default: 20), (1...Self.maxPageSize).contains(limit) else {
            return JSONResponse.error(.badRequest, Reason("api.limit", ["max": "\(Self.maxPageSize)"]))
        }
        guard let offset = Self.integer(request, "offset", default: 0), offset >= 0 else {
            return JSONResponse.error(.badRequest, Reason("api.offset"))
        }
        guard query.count <= 100 else { return JSONResponse.error(.badRequest, Reason("api.query-too-long")) }
        return try JSONResponse.ok(try await store.searchEnterprises(query, limit: limit, offset: offset, visibleTo: viewer))
    }

    /// `GET /api/enterprises/{id}`: one enterprise with chain nodes, products and events, each with provenance.
    /// A firm `viewer` may not see answers exactly as an unknown id does.
    func enterprise(_ id: String, viewer: FirmViewer) async throws -> Response {
        guard var detail = try await store.enterprise(id, visibleTo: viewer) else {
            return JSONResponse.error(.notFound, Reason("api.no-enterprise", ["id": String(id.prefix(64))]))
        }
        // Evidence is stored as reason codes; this answer keeps giving it as the sentence it always was.
        func worded(_ assignments: [ChainAssignment]) -> [ChainAssignment] {
            assignments.map { var a = $0; a.evidence = ChainEvidence.render(a.evidence, in: .zh); return a }
        }
        (detail.assignments, detail.machineAssignments) = (worded(detail.assignments), worded(detail.machineAssignments))
        return try JSONResponse.ok(detail)
    }

    static func integer(_ request: Request, _ name: String, default value: Int) -> Int? {
        guard let text = request.uri.queryParameters.get(name) else { return value }
        return Int(text)
    }
}

/// `GET /api/chain`
struct ChainResponse: Codable, Sendable {
    var id: String
    var nameZh: String
    var nameEn: String
    var version: String
    var tiers: [ChainTierInfo]
    var nodes: [NodeWithCount]
}

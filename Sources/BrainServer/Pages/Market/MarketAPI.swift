import Foundation
import Hummingbird
import BrainAnalytics
import BrainModel
import BrainStore
import BrainUseCases

/// The market's JSON API. Reads show what the caller may see (its own records and shared ones; without a token,
/// shared ones only); writes need the organisation's token.
///
///   GET  /api/demands                 demands visible to the caller
///   POST /api/demands                 post one: {"title", "node", "region", "need"?, "detail"?, "budget"?, "deadline"?,
///                                     "degree"?, "years"?, "headcount"?, "shared"?} → 201 with the record
///   GET  /api/demands/{id}            one demand
///   GET  /api/demands/{id}/matches    offers (service) or talents (talent) that meet it, ranked with reasons
///   GET  /api/offers, /api/talents    imported offers and talents visible to the caller (talents with their score)
///   POST /api/market/{id}/share       {"shared": true|false}, the owner only
///   DELETE /api/market/{id}           the owner only
struct MarketAPI: Sendable {
    let access: MarketAccess
    let cache: AnalyticsCache

    struct TalentEntry: Encodable {
        var record: MarketRecord
        var leadingTalent: LeadingTalentScore
    }

    func register(on router: Router<BasicRequestContext>) {
        let store = access.store
        router.get("/api/demands") { request, _ in
            try JSONResponse.ok(try await store.marketRecords(.demand, visibleTo: try await access.organisation(request)?.id))
        }
        router.post("/api/demands") { request, _ in
            let caller = try await access.requireWriter(request, for: .shareDemands)
            let fields = try await MarketAccess.jsonFields(request)
            let record = try await post(fields, by: caller, shared: MarketAccess.flag(fields["shared"]) ?? false)
            var response = try JSONResponse.ok(record)
            response.status = .created
            response.headers[.location] = "/api/demands/\(record.id)"
            return response
        }
        router.get("/api/demands/:id") { request, context in
            try JSONResponse.ok(try await demand(request, context))
        }
        router.get("/api/demands/:id/matches") { request, context in
            let viewer = try await access.organisation(request)?.id
            let limit = min(max(request.uri.queryParameters.get("limit").flatMap(Int.init) ?? 20, 1), 200)
            return try JSONResponse.ok(try await matches(try await demand(request, context), viewer: viewer, limit: limit), for: request)
        }
        router.get("/api/offers") { request, _ in
            try JSONResponse.ok(try await store.marketRecords(.offer, visibleTo: try await access.organisation(request)?.id))
        }
        router.get("/api/talents") { request, _ in
            let records = try await store.marketRecords(.talent, visibleTo: try await access.organisation(request)?.id)
            return try JSONResponse.ok(records.compactMap { r in r.body.talent.map { TalentEntry(record: r, leadingTalent: LeadingTalentScore($0)) } })
        }
        router.post("/api/market/:id/share") { request, context in
            let caller = try await access.requireWriter(request, for: .shareDemands)
            let id = try Self.id(context)
            let fields = try await MarketAccess.jsonFields(request)
            guard let shared = MarketAccess.flag(fields["shared"]) else { throw AppError.badRequest(Reason("api.shared-flag")) }
            return try JSONResponse.ok(try await share(id, shared: shared, by: caller))
        }
        router.delete("/api/market/:id") { request, context in
            let caller = try await access.requireWriter(request, for: .shareDemands)
            try await delete(try Self.id(context), by: caller)
            return Response(status: .noContent)
        }
    }

    /// The organisation a market write is made for: an admin token acts for none (403), and the caller's role must
    /// allow market records.
    static func owner(_ caller: Caller) throws -> Organisation {
        guard let organisation = caller.organisation else { throw HTTPError(.forbidden, message: MarketAccessMessage.adminNoOrganisation) }
        try AuditAccess.require(caller, .shareDemands)
        return organisation
    }

    /// Shares or withdraws one of the caller's records, and puts it on the audit trail.
    func share(_ id: Int, shared: Bool, by caller: Caller) async throws -> MarketRecord {
        let organisation = try Self.owner(caller)
        let before = try await access.store.marketRecord(id, visibleTo: organisation.id)
        return try await MarketAccess.translating {
            try await access.store.setShared(id, shared: shared, by: organisation.id) { record in
                caller.auditEntry(shared ? "market.share" : "market.withdraw", target: record.body.kind.rawValue, "\(id)",
                                  before: before.flatMap { AuditTrail.json($0) }, after: AuditTrail.json(record))
            }
        }
    }

    /// Deletes one of the caller's records, and puts what it held on the audit trail.
    func delete(_ id: Int, by caller: Caller) async throws {
        let organisation = try Self.owner(caller)
        let before = try await access.store.marketRecord(id, visibleTo: organisation.id)
        try await MarketAccess.translating {
            try await access.store.deleteMarketRecord(id, by: organisation.id) { id in
                caller.auditEntry("market.delete", target: before?.body.kind.rawValue ?? "market", "\(id)", before: before.flatMap { AuditTrail.json($0) })
            }
        }
    }

    /// Validates and stores a demand from form or JSON fields.
    func post(_ fields: [String: String], by caller: Caller, shared: Bool) async throws -> MarketRecord {
        let organisation = try Self.owner(caller)
        let body: MarketBody
        switch try await access.parser().parse(.demand, fields: fields) {
        case .success(let parsed): body = parsed
        case .failure(let problem): throw AppError.badRequest(Reason("api.bad-field", ["column": problem.column,
                                                                                     "detail": problem.because.map { ReasonText.render($0, in: .zh) } ?? problem.reason,
                                                                                     "detail.en": problem.reason]))
        }
        let written = try await MarketAccess.translating {
            try await access.store.addMarketRecords([NewMarketRecord(body, shared: shared)], organisation: organisation.id, header: nil) { write in
                try write.records.first.map { record in
                    caller.auditEntry("market.create", target: record.body.kind.rawValue, "\(record.id)", after: AuditTrail.json(record))
                } ?? { throw AppError.notFound(Reason("api.demand-not-stored")) }()
            }
        }
        guard let record = written.records.first else { throw AppError.notFound(Reason("api.demand-not-stored")) }
        return record
    }

    func demand(_ request: Request, _ context: BasicRequestContext) async throws -> MarketRecord {
        let id = try Self.id(context)
        guard let record = try await access.store.marketRecord(id, visibleTo: try await access.organisation(request)?.id),
              record.body.kind == .demand else {
            throw AppError.notFound(Reason("api.no-demand", ["id": "\(id)"]))
        }
        return record
    }

    /// Matches for a demand among the offers or talents the viewer may see.
    func matches(_ record: MarketRecord, viewer: String?, limit: Int) async throws -> DemandMatching.Result {
        guard let demand = record.body.demand else { throw AppError.notFound(Reason("api.not-a-demand", ["id": "\(record.id)"])) }
        let market = try await access.store.marketRecords(demand.need == .service ? .offer : .talent, visibleTo: viewer)
        do {
            return try await cache.demandMatching().match(demand, market: market, limit: limit)
        } catch let error as AnalyticsError {
            throw AppError.badRequest(error.reason)
        }
    }

    static func id(_ context: BasicRequestContext) throws -> Int {
        guard let id = context.parameters.get("id").flatMap(Int.init), id > 0 else { throw AppError.notFound(Reason("api.no-record")) }
        return id
    }
}

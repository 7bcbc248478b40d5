import Foundation
import Hummingbird
import BrainModel
import BrainStore
import BrainUseCases

/// Who may see and change an organisation's leads, and the common steps of every lead write: the body's fields, the
/// caller's right, the audit entry, and the store's refusals as HTTP answers. Shared by the API and the pages.
struct LeadAccess: Sendable {
    let access: MarketAccess
    var store: any ImportingStore { access.store }

    /// The organisation whose leads a read shows: signed-out callers and the operator's token (which acts for no
    /// organisation) are refused, so nothing of a lead is ever shown or counted to them.
    func reader(_ request: Request) async throws -> (Caller, Organisation) {
        let caller = try await access.caller(request)
        guard let organisation = caller.organisation, caller.may(.read) else {
            throw AppError(status: .unauthorized, reason: Reason("api.leads-private"))
        }
        return (caller, organisation)
    }

    /// The organisation a lead write is for (CSRF checked for the cookie) and the body's fields (JSON or a form).
    func writer(_ request: Request) async throws -> (Caller, Organisation, [String: String]) {
        let isJSON = request.headers[.contentType]?.lowercased().hasPrefix("application/json") == true
        let fields = isJSON ? try await MarketAccess.jsonFields(request) : try await request.formFields()
        let caller = try await access.requireWriter(request, csrf: fields[SessionCookie.formField], for: .manageLeads)
        guard let organisation = caller.organisation else { throw AppError(status: .unauthorized, reason: Reason("api.leads-private")) }
        guard caller.may(.manageLeads) else { throw AppError(status: .forbidden, reason: Reason("api.leads-permission")) }
        return (caller, organisation, fields)
    }

    /// The history's actor for this caller, stamped now.
    func actor(_ caller: Caller) -> LeadActor {
        LeadActor(actor: caller.auditActor, personId: caller.person?.id, at: AuditTrail.now())
    }

    /// The write's audit entry with the lead before and after, recorded by the store in the write's transaction.
    func audit(_ caller: Caller, _ action: String, at: String) -> AuditOf<LeadChange> {
        { change in
            caller.auditEntry(action, target: "lead", String(change.after.id), before: AuditTrail.json(change.before),
                              after: AuditTrail.json(change.after), at: at)
        }
    }

    /// A new lead's audit entry (no before).
    func auditCreation(_ caller: Caller, at: String) -> AuditOf<Lead> {
        { lead in caller.auditEntry("lead.create", target: "lead", String(lead.id), after: AuditTrail.json(lead), at: at) }
    }

    /// Creates the lead with its audit entry, in one transaction.
    func create(_ draft: Lead, caller: Caller) async throws -> Lead {
        let actor = actor(caller)
        return try await Self.translating { try await store.createLead(draft, by: actor, audit: auditCreation(caller, at: actor.at)) }
    }

    /// Today in China (leads' due dates are Beijing days), as YYYY-MM-DD.
    static func today(_ now: Date = Date()) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? .gmt
        let day = calendar.dateComponents([.year, .month, .day], from: now)
        return String(format: "%04d-%02d-%02d", day.year ?? 1970, day.month ?? 1, day.day ?? 1)
    }

    /// A lead id from the path: unknown ids and ids that are not numbers are both 404.
    static func id(_ text: String?) throws -> Int64 {
        guard let text, let id = Int64(text), id > 0 else { throw AppError.notFound(Reason("api.not-found", ["detail": "lead"])) }
        return id
    }

    /// The store's refusals as HTTP answers; another organisation's lead is 404 like an unknown one.
    static func translating<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let error as LeadError {
            switch error {
            case .noSuchLead(let id): throw AppError.notFound(Reason("api.not-found", ["detail": "lead \(id)"]))
            case .invalid(let field, let code): throw AppError.badRequest(Reason(code, ["field": field]))
            case .illegalMove(let from, let to, let code): throw AppError.badRequest(Reason(code, ["from": from.rawValue, "to": to.rawValue]))
            case .changedMeanwhile: throw AppError(status: .conflict, reason: Reason("api.lead-changed"))
            }
        }
    }

    /// A new lead from a body's fields (`firmName` or `firm`, `enterpriseId` or `enterprise`, …); a firm of the store
    /// lends its name when none is given.
    /// The owner is the signed-in person unless the body names another.
    func newLead(_ fields: [String: String], organisation: String, owner defaultOwner: String? = nil) async throws -> Lead {
        func value(_ names: String...) -> String? {
            names.lazy.compactMap { fields[$0]?.trimmingCharacters(in: .whitespacesAndNewlines) }.first { !$0.isEmpty }
        }
        let enterpriseId = value("enterpriseId", "enterprise")
        var firmName = value("firmName", "firm")
        if let enterpriseId {
            guard enterpriseId.count <= 64, let firm = try await store.enterprise(enterpriseId, visibleTo: .organisation(organisation)) else {
                throw AppError.badRequest(Reason("api.lead-enterprise", ["id": String(enterpriseId.prefix(64))]))
            }
            firmName = firmName ?? firm.enterprise.name
        }
        guard let stage = LeadStage(rawValue: value("stage") ?? "lead") else { throw AppError.badRequest(Reason("api.lead-stage")) }
        guard let source = LeadSource(rawValue: value("source") ?? "manual") else { throw AppError.badRequest(Reason("api.lead-source")) }
        let leadFields = LeadFields(enterpriseId: enterpriseId, firmName: firmName ?? "", regionCode: value("regionCode", "region"),
                                    nodeId: value("nodeId", "node"), parkId: value("parkId", "park"), owner: value("owner") ?? defaultOwner,
                                    nextStep: value("nextStep"), dueDate: value("dueDate"), notes: value("notes"))
        if let owner = leadFields.owner { try await checkOwner(owner, organisation: organisation) }
        let reason = value("sourceReason").map { String($0.prefix(100)) }
        return Lead(organisationId: organisation, fields: leadFields, stage: stage, source: source, sourceReason: reason, createdAt: "", updatedAt: "")
    }

    /// A lead's owner is one of its organisation's people (or nobody: ""), so the board's owner filter and names hold.
    func checkOwner(_ owner: String, organisation: String) async throws {
        let login = owner.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !login.isEmpty else { return }
        guard login.count <= 64, let person = try await store.person(login), person.organisationId == organisation else {
            throw AppError(status: .unprocessableContent, reason: Reason("api.lead-owner", ["owner": String(login.prefix(64))]))
        }
    }

    /// An edit's changes: every known field the body names ("" clears it); other names are refused, except the CSRF
    /// field of a form.
    static func changes(_ fields: [String: String]) throws -> [LeadFields.Name: String?] {
        var changes: [LeadFields.Name: String?] = [:]
        for (name, value) in fields where name != SessionCookie.formField {
            guard let field = LeadFields.Name(rawValue: name) else {
                throw AppError.badRequest(Reason("api.lead-field", ["field": String(name.prefix(40))]))
            }
            changes[field] = value
        }
        return changes
    }
}

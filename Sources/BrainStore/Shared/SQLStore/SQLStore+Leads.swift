import Foundation
import BrainModel

extension SQLStore: LeadStore {
    public func createLead(_ lead: Lead, by actor: LeadActor, audit: AuditOf<Lead>?) async throws -> Lead {
        if let (field, code) = lead.fields.problem() { throw LeadError.invalid(field: field.rawValue, code: code) }
        guard lead.stage != .dropped else { throw LeadError.illegalMove(from: .lead, to: .dropped, code: "lead.create-dropped") }
        var stored = lead
        (stored.createdAt, stored.updatedAt, stored.dropReason, stored.version) = (actor.at, actor.at, nil, 0)
        return try await driver.transaction { [stored] s in
            var created = stored
            created.id = Int64(try await s.rows(LeadSQL.insert, LeadSQL.insertValues(stored)) { try $0.int("n") }.first ?? 0)
            let entry = LeadHistoryEntry(leadId: created.id, at: actor.at, actor: actor.actor, personId: actor.personId, kind: .create,
                                         to: stored.stage.rawValue)
            try await s.execute(LeadSQL.insertHistory, LeadSQL.historyValues(entry, organisation: stored.organisationId))
            try await Self.append(audit, of: created, in: s)
            return created
        }
    }

    public func updateLead(_ id: Int64, organisation: String, changes: [LeadFields.Name: String?], readVersion: Int?, by actor: LeadActor,
                           audit: AuditOf<LeadChange>?) async throws -> LeadChange {
        try await change(id, organisation: organisation, readVersion: readVersion, by: actor, audit: audit) { before in
            var after = before
            after.fields = before.fields.applying(changes)
            if let (field, code) = after.fields.problem() { throw LeadError.invalid(field: field.rawValue, code: code) }
            let changed = LeadFields.Name.allCases.filter { before.fields[$0] != after.fields[$0] }
            guard !changed.isEmpty else { return nil }
            let entry = LeadHistoryEntry(leadId: id, at: actor.at, actor: actor.actor, personId: actor.personId, kind: .update,
                                         from: Self.fieldsJSON(before.fields, changed), to: Self.fieldsJSON(after.fields, changed))
            return (after, entry)
        }
    }

    public func moveLead(_ id: Int64, organisation: String, to stage: LeadStage, reason: String?, by actor: LeadActor,
                         audit: AuditOf<LeadChange>?) async throws -> LeadChange {
        let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let reason, reason.count > 1000 { throw LeadError.invalid(field: "reason", code: "lead.too-long") }
        return try await change(id, organisation: organisation, readVersion: nil, by: actor, audit: audit) { before in
            if let code = before.stage.refusal(movingTo: stage, reason: reason) {
                throw LeadError.illegalMove(from: before.stage, to: stage, code: code)
            }
            var after = before
            after.stage = stage
            after.dropReason = stage == .dropped ? reason : nil
            let entry = LeadHistoryEntry(leadId: id, at: actor.at, actor: actor.actor, personId: actor.personId, kind: .stage,
                                         from: before.stage.rawValue, to: stage.rawValue, reason: stage == .dropped ? reason : nil)
            return (after, entry)
        }
    }

    public func lead(_ id: Int64, organisation: String) async throws -> Lead? {
        try await driver.read { s in try await s.first(LeadSQL.one, [.text(organisation), .int(Int(id))]) { try LeadSQL.lead($0) } }
    }

    public func leads(_ query: LeadQuery) async throws -> LeadList {
        let (count, page, arguments, pageArguments) = LeadSQL.list(query)
        return try await driver.read { s in
            LeadList(items: try await s.rows(page, pageArguments) { try LeadSQL.lead($0) }, total: try await s.count(count, arguments))
        }
    }

    public func leadBoard(organisation: String, regionCode: String?, today: String) async throws -> LeadBoard {
        var arguments: [SQLValue] = [.text(today), .text(organisation)]
        if let regionCode { arguments.append(.text(LeadSQL.regionPrefix(regionCode))) }
        let rows = try await driver.read { s in
            try await s.rows(LeadSQL.board(regionCode: regionCode), arguments) {
                (try $0.text("stage"), try $0.int("n"), try $0.optionalInt("overdue") ?? 0)
            }
        }
        return LeadBoard(columns: LeadStage.allCases.map { stage in
            let row = rows.first { $0.0 == stage.rawValue }
            return .init(stage: stage, count: row?.1 ?? 0, overdue: row?.2 ?? 0)
        })
    }

    public func leadHistory(_ id: Int64, organisation: String) async throws -> [LeadHistoryEntry] {
        try await driver.read { s in try await s.rows(LeadSQL.history, [.text(organisation), .int(Int(id))]) { try LeadSQL.historyEntry($0) } }
    }

    /// Reads the lead in the transaction, lets `edit` make the new one and its history entry (nil: nothing changed),
    /// and writes both, and the audit entry, only if the lead is unchanged since it was read: here, and since the
    /// editor read it (`readVersion`), so a form left open never overwrites a colleague's later save.
    private func change(_ id: Int64, organisation: String, readVersion: Int?, by actor: LeadActor, audit: AuditOf<LeadChange>?,
                        _ edit: @escaping @Sendable (Lead) throws -> (Lead, LeadHistoryEntry)?) async throws -> LeadChange {
        try await driver.transaction { s in
            guard let before = try await s.first(LeadSQL.one, [.text(organisation), .int(Int(id))], { try LeadSQL.lead($0) }) else {
                throw LeadError.noSuchLead(id)
            }
            if let readVersion, readVersion != before.version { throw LeadError.changedMeanwhile(id) }
            guard var (after, entry) = try edit(before) else { return LeadChange(before: before, after: before) }
            (after.updatedAt, after.version) = (actor.at, before.version + 1)
            let written = try await s.rows(LeadSQL.update, LeadSQL.updateValues(after, version: before.version)) { try $0.int("n") }
            guard !written.isEmpty else { throw LeadError.changedMeanwhile(id) }
            entry.leadId = id
            try await s.execute(LeadSQL.insertHistory, LeadSQL.historyValues(entry, organisation: organisation))
            let change = LeadChange(before: before, after: after)
            try await Self.append(audit, of: change, in: s)
            return change
        }
    }

    /// The named fields as a JSON object (sorted keys; absent fields as null).
    static func fieldsJSON(_ fields: LeadFields, _ names: [LeadFields.Name]) -> String {
        let object = Dictionary(uniqueKeysWithValues: names.map { ($0.rawValue, fields[$0] as Any? ?? NSNull()) })
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

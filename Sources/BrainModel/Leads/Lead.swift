import Foundation

/// One firm an organisation is trying to bring in (issue 19 item 3). Private to its organisation.
public struct Lead: Codable, Sendable, Hashable {
    /// Assigned by the store; 0 before that.
    public var id: Int64
    public var organisationId: String
    public var fields: LeadFields
    public var stage: LeadStage
    /// Why it was dropped (only while 放弃).
    public var dropReason: String?
    public var source: LeadSource
    /// The 招商 target's reason code when it was opened from a region's targets (`target.gap-node` …).
    public var sourceReason: String?
    /// UTC, ISO 8601 to the second.
    public var createdAt: String
    public var updatedAt: String
    /// Counts the lead's writes (0 when created). An editor sends back the version it read, so a save over a newer
    /// lead is refused instead of silently overwriting it (`updated_at` is to the second: two saves can share one).
    public var version: Int

    public init(id: Int64 = 0, organisationId: String, fields: LeadFields, stage: LeadStage = .lead, dropReason: String? = nil,
                source: LeadSource = .manual, sourceReason: String? = nil, createdAt: String, updatedAt: String, version: Int = 0) {
        (self.id, self.organisationId, self.fields, self.stage, self.dropReason) = (id, organisationId, fields, stage, dropReason)
        (self.source, self.sourceReason, self.createdAt, self.updatedAt, self.version) = (source, sourceReason, createdAt, updatedAt, version)
    }

    /// Open and its due date (YYYY-MM-DD) is before `today`.
    public func isOverdue(today: String) -> Bool {
        stage.isOpen && (fields.dueDate.map { $0 < today } ?? false)
    }
}

/// What a person edits on a lead: the firm (one of the store's, or a free name), where it is for, who owns it and
/// what happens next.
public struct LeadFields: Codable, Sendable, Hashable {
    /// A firm of the store, when the lead is about one.
    public var enterpriseId: String?
    public var firmName: String
    /// The six-digit region the firm is to come to.
    public var regionCode: String?
    public var nodeId: String?
    public var parkId: String?
    /// The person who works on it (nil: the organisation as a whole, until accounts exist).
    public var owner: String?
    public var nextStep: String?
    /// YYYY-MM-DD.
    public var dueDate: String?
    public var notes: String?

    public init(enterpriseId: String? = nil, firmName: String, regionCode: String? = nil, nodeId: String? = nil, parkId: String? = nil,
                owner: String? = nil, nextStep: String? = nil, dueDate: String? = nil, notes: String? = nil) {
        (self.enterpriseId, self.firmName, self.regionCode, self.nodeId, self.parkId) = (enterpriseId, firmName, regionCode, nodeId, parkId)
        (self.owner, self.nextStep, self.dueDate, self.notes) = (owner, nextStep, dueDate, notes)
    }

    /// The fields by their API names, for edits (`PATCH`) and the history's before/after.
    public enum Name: String, Codable, Sendable, CaseIterable {
        case enterpriseId, firmName, regionCode, nodeId, parkId, owner, nextStep, dueDate, notes
    }

    public subscript(name: Name) -> String? {
        get {
            switch name {
            case .enterpriseId: enterpriseId
            case .firmName: firmName
            case .regionCode: regionCode
            case .nodeId: nodeId
            case .parkId: parkId
            case .owner: owner
            case .nextStep: nextStep
            case .dueDate: dueDate
            case .notes: notes
            }
        }
        set {
            switch name {
            case .enterpriseId: enterpriseId = newValue
            case .firmName: firmName = newValue ?? ""
            case .regionCode: regionCode = newValue
            case .nodeId: nodeId = newValue
            case .parkId: parkId = newValue
            case .owner: owner = newValue
            case .nextStep: nextStep = newValue
            case .dueDate: dueDate = newValue
            case .notes: notes = newValue
            }
        }
    }

    /// These fields with `changes` applied (nil clears a field), blanks read as nil.
    public func applying(_ changes: [Name: String?]) -> LeadFields {
        var copy = self
        for (name, value) in changes {
            let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines)
            copy[name] = trimmed?.isEmpty == false ? trimmed : nil
        }
        return copy
    }

    /// The first problem with these fields, as (field, reason code), or nil: a firm named, a six-digit region, a real
    /// date, and lengths a person can type.
    public func problem() -> (field: Name, code: String)? {
        if firmName.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return (.firmName, "lead.firm-required") }
        if let region = regionCode, region.count != 6 || !region.allSatisfy(\.isASCII) || !region.allSatisfy(\.isNumber) {
            return (.regionCode, "lead.region-code")
        }
        if let due = dueDate, !Self.isDate(due) { return (.dueDate, "lead.due-date") }
        for name in Name.allCases {
            let limit = name == .notes ? 4000 : 200
            if let value = self[name], value.count > limit { return (name, "lead.too-long") }
        }
        return nil
    }

    /// YYYY-MM-DD naming a day of the calendar.
    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.count == 10, parts.count == 3, parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month), day >= 1 else {
            return false
        }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return day <= days
    }
}

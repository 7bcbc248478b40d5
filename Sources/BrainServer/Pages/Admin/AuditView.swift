import Foundation
import BrainModel
import BrainUseCases

/// What `admin-audit.mustache` reads: the page of entries (each action named in both languages, its changes as a
/// diff), the filters as asked, the action choices from the catalogue, and the links to the next page and the exports
/// with the same filters.
struct AuditView: PageView {
    struct Row: Encodable, Sendable {
        var id: Int64
        var at: String
        var organisation: String?
        var actor: String
        var action: String
        var actionZh: String
        var actionEn: String
        var target: String
        var changes: [AuditChange]
        /// Stored, not computed: templates read properties by reflection.
        var hasChanges: Bool
    }

    struct Choice: Encodable, Sendable {
        var value: String
        var zh: String
        var en: String
        var selected: Bool
    }

    var rows: [Row]
    var actions: [Choice]
    var actor: String?
    var from: String?
    var to: String?
    /// The organisation the caller reads (nil: the operator, every organisation).
    var scope: String?
    var nextLink: String?
    var csvLink: String
    var xlsxLink: String
    var empty: Bool

    init(entries: [AuditEntry], asked: AuditRouteQuery, scope: String?, next: Int64?) {
        rows = entries.map { e in
            let changes = AuditDiff.changes(before: e.before, after: e.after)
            return Row(id: e.id, at: e.at, organisation: e.organisationId, actor: e.actor, action: e.action,
                actionZh: AuditActionText.render(e.action, in: .zh), actionEn: AuditActionText.render(e.action, in: .en),
                target: "\(e.targetKind)/\(e.targetId)", changes: changes, hasChanges: !changes.isEmpty)
        }
        let chosen = asked.action.nonBlank
        actions = Self.catalogueActions.map { Choice(value: $0, zh: AuditActionText.render($0, in: .zh), en: AuditActionText.render($0, in: .en),
                                                     selected: $0 == chosen) }
        (actor, from, to, self.scope, empty) = (asked.actor.nonBlank, asked.from.nonBlank, asked.to.nonBlank, scope, entries.isEmpty)
        let filters: [(String, String?)] = [("action", chosen), ("actor", actor), ("from", from), ("to", to),
                                            ("org", scope == nil ? asked.org.nonBlank : nil)]
        nextLink = next.map { Self.link("/admin/audit", filters + [("before", String($0))]) }
        csvLink = Self.link("/admin/audit.csv", filters)
        xlsxLink = Self.link("/admin/audit.xlsx", filters)
    }

    /// Every action the catalogue names, in code order, for the filter's choice.
    static let catalogueActions: [String] = ReasonText.templates.keys
        .filter { $0.hasPrefix("audit.action.") && $0 != "audit.action.other" }
        .map { String($0.dropFirst("audit.action.".count)) }.sorted()

    static func link(_ path: String, _ parameters: [(String, String?)]) -> String {
        var components = URLComponents()
        components.path = path
        let items = parameters.compactMap { name, value in value.map { URLQueryItem(name: name, value: $0) } }
        components.queryItems = items.isEmpty ? nil : items
        return components.string ?? path
    }
}

import Foundation
import Testing
import BrainModel
@testable import BrainServer

/// The audit page from a fixed trail: a creation, a change shown field by field, an action the catalogue does not
/// know yet, filters kept in the next-page and export links.
@Suite struct AuditPageSnapshotTests {
    static let entries = [
        AuditEntry(id: 12, at: "2026-11-30T03:10:00Z", organisationId: "bureau", personId: nil, actor: "org-token:bureau",
                   action: "market.share", targetKind: "demand", targetId: "7",
                   before: #"{"id":7,"shared":false,"title":"IND <前药理>"}"#, after: #"{"id":7,"shared":true,"title":"IND <前药理>"}"#),
        AuditEntry(id: 11, at: "2026-11-30T03:00:00Z", organisationId: nil, personId: nil, actor: "cli", action: "import.write",
                   targetKind: "import", targetId: "3", after: #"{"created":1,"file":"list.csv","kind":"enterprises"}"#),
        AuditEntry(id: 10, at: "2026-11-29T09:00:00Z", organisationId: nil, personId: nil, actor: "admin-token", action: "future.thing",
                   targetKind: "thing", targetId: "1"),
    ]

    @Test func auditPage() async throws {
        let renderer = try await PageSnapshotTests.renderer()
        let asked = AuditRouteQuery(action: "market.share", actor: nil, from: "2026-11-01", to: nil, before: nil, limit: nil, org: nil)
        let view = AuditView(entries: Self.entries, asked: asked, scope: nil, next: 10)
        #expect(view.nextLink == "/admin/audit?action=market.share&from=2026-11-01&before=10")
        #expect(view.csvLink == "/admin/audit.csv?action=market.share&from=2026-11-01")
        try PageSnapshotTests().expectSnapshot("admin-audit", try renderer.html("admin-audit", nav: "audit", view: view, data: [String: String]()))
    }
}

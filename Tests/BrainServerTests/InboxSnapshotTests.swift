import Foundation
import Testing
import BrainModel
@testable import BrainServer

/// The inbox page (issue 19 item 4) from a fixed model: signed in with one unread and one read alert under the region
/// filter (a name with markup stays text), and signed out.
extension PageSnapshotTests {
    static func alert(_ id: Int64, read: String?, name: String) -> Alert {
        Alert(id: id, organisationId: "org-1", personId: nil, watchKind: .region, watchTarget: "320500", createdAt: "2026-11-30T03:00:00Z",
              readAt: read, change: Change(id: id, importId: 7, at: "2026-11-30T03:00:00Z", asOf: "2026-11-01", organisationId: "org-1",
                                           code: .firmNew, enterpriseId: "N\(id)", provinceCode: "320000", cityCode: "320500", districtCode: nil,
                                           nodeIds: ["antibodies"], values: ["name": name, "region": "320500"]))
    }

    @Test func inboxPage() async throws {
        let renderer = try await Self.renderer()
        let names = ["320500": "苏州市"]
        let view = InboxView(signedIn: true, organisation: "示例园区", csrfToken: "token-123", unread: 1, filters: InboxView.filters(selected: .region),
                             alerts: [Self.alert(2, read: nil, name: "苏州<甲>抗体有限公司"), Self.alert(1, read: "2026-11-30T04:00:00Z", name: "苏州乙药业有限公司")]
                                .map { InboxView.Row($0, names: names) }, selectedKind: "region")
        try expectSnapshot("inbox", try renderer.html("inbox", nav: "inbox", view: view, data: [String: String]()))
        try expectSnapshot("inbox-signed-out", try renderer.html("inbox", nav: "inbox", view: InboxView(signedIn: false), data: [String: String]()))
    }
}

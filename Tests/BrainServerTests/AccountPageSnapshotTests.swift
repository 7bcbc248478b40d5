import Foundation
import Testing
import BrainModel
@testable import BrainServer

/// `/signin` and `/admin` rendered from fixed view models, compared with their snapshots (PageSnapshotTests' rule:
/// `RECORD_SNAPSHOTS=1` records them on purpose).
@Suite struct AccountPageSnapshotTests {
    @Test func signInWithARefusal() async throws {
        let renderer = try await PageSnapshotTests.renderer()
        var view = SignInView(login: "zhangsan", next: "/admin")
        view.error = SignInView.message(.wrongPassword, lockedUntil: nil, now: 0)
        try PageSnapshotTests().expectSnapshot("signin", try renderer.html("signin", nav: "signin", view: view, data: [String: String]()))
    }

    @Test func adminAsTheOperator() async throws {
        let renderer = try await PageSnapshotTests.renderer()
        let platform = Organisation(id: "ops", name: "平台运营", createdAt: "2026-11-30", kind: .platform)
        let park = Organisation(id: "biobay", name: "示例<园区>", createdAt: "2026-11-30", kind: .park, regionCode: "320571")
        let root = Person(id: "root", organisationId: "ops", displayName: "运营管理员", role: .admin, createdAt: "2026-11-30")
        let people = [root, Person(id: "wang", organisationId: "biobay", displayName: "王分析", role: .analyst, createdAt: "2026-11-30"),
                      Person(id: "li", organisationId: "biobay", displayName: "李招商", role: .investment, disabled: true, createdAt: "2026-11-30")]
        let caller = Caller(organisation: platform, person: root, session: "session-123")
        var view = AdminView(caller: caller, organisations: [park, platform], people: people)
        view.notice = Bilingual(zh: "已添加 王分析（wang）", en: "Added 王分析 (wang)")
        try PageSnapshotTests().expectSnapshot("admin", try renderer.html("admin", nav: "admin", view: view, data: [String: String]()))
    }
}

import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import Testing
@testable import BrainServer
import BrainModel
import BrainStore

/// Issue 19: A's admin publishes A's private import and curation. Before, B and the signed-out neither find nor
/// count A's firm; after, they do. A's viewer, analyst and token may not publish (403), B's admin finds A's import as
/// unknown (404, the same answer as for no import), a scoped bureau may not publish firms outside its region, and
/// each publication is in the audit trail.
@Suite struct PublishHTTPTests {
    static func call(_ client: any TestClientProtocol, _ uri: String, _ headers: HTTPFields, method: HTTPRequest.Method = .get,
                     body: String = "") async throws -> (HTTPResponse.Status, String) {
        try await client.execute(uri: uri, method: method, headers: headers, body: ByteBuffer(string: body)) { ($0.status, String(buffer: $0.body)) }
    }

    static func session(_ client: any TestClientProtocol, _ login: String) async throws -> HTTPFields {
        let session = try await IsolationTests.session(client, login)
        return ServerFixture.browser(session, csrf: SessionToken.csrf(session: session))
    }

    @Test func publishingMakesAsImportAndCurationEveryones() async throws {
        let world = try await IsolationWorld.make()
        try await ServerFixture.withApp(store: world.store) { client in
            let records = try await world.createRecords(client)
            let importId = try #require(try await world.store.imports().first { $0.file == "\(world.marker).csv" }?.id)
            let curation = try #require(try await world.store.curations(enterprise: records.enterprise).first)
            #expect(curation.organisationId == world.a.organisation.id && !curation.isPublic, "A's curation is A's until published")
            let stem = IsolationWorld.escaped(IsolationWorld.markerStem)
            let outsider = try await Self.session(client, world.bAdmin)
            let signedOut: HTTPFields = [:]
            func seen(_ headers: HTTPFields) async throws -> (search: String, portrait: HTTPResponse.Status, curations: String) {
                (try await Self.call(client, "/api/search?q=\(stem)", headers).1,
                 try await Self.call(client, "/api/enterprises/\(records.enterprise)", headers).0,
                 try await Self.call(client, "/api/curations?firm=\(records.enterprise)", headers).1)
            }
            for headers in [outsider, signedOut] {
                let before = try await seen(headers)
                #expect(before.search.contains(#""enterprisesTotal":0"#) && before.portrait == .notFound && !before.curations.contains(world.marker))
            }

            // Not A's viewer, analyst or organisation token; B's admin is told A's import does not exist.
            let uri = "/api/imports/\(importId)/publish"
            for login in [world.logins[.viewer], world.logins[.analyst]] {
                #expect(try await Self.call(client, uri, try await Self.session(client, try #require(login)), method: .post).0 == .forbidden)
            }
            #expect(try await Self.call(client, uri, MarketAPITests.bearer(world.a.token), method: .post).0 == .forbidden)
            let (bStatus, bBody) = try await Self.call(client, uri, outsider, method: .post)
            let (absentStatus, absentBody) = try await Self.call(client, "/api/imports/\(importId + 1000)/publish", outsider, method: .post)
            #expect(bStatus == .notFound && absentStatus == .notFound && IsolationTests.digitless(bBody) == IsolationTests.digitless(absentBody))
            #expect(try await Self.call(client, "/api/curations/\(curation.id)/publish", outsider, method: .post).0 == .notFound)

            // A's admin publishes both, the import by the JSON route and the curation by the page's button.
            let aAdmin = try await Self.session(client, try #require(world.logins[.admin]))
            let (published, body) = try await Self.call(client, uri, aAdmin, method: .post)
            #expect(published == .ok && body.contains(#""publishedAt""#), "\(body)")
            let page = try await Self.call(client, "/admin/publish", aAdmin)
            #expect(page.0 == .ok && page.1.contains("/admin/publish/curations/\(curation.id)") && page.1.contains("#\(importId)"))
            let csrf = try #require(aAdmin[HTTPField.Name("X-CSRF-Token")!])
            var form = aAdmin
            form[HTTPField.Name("X-CSRF-Token")!] = nil
            let (posted, notice) = try await Self.call(client, "/admin/publish/curations/\(curation.id)", form, method: .post,
                                                      body: "csrf=\(csrf)&publish=1")
            #expect(posted == .ok && notice.contains("id=\"notice\""))
            for headers in [outsider, signedOut] {
                // The published import is listed to them, but not who published it.
                let listed = try await Self.call(client, "/api/imports", headers).1
                #expect(listed.contains("\(world.marker).csv") && !listed.contains("publishedBy"), "\(listed)")
                let after = try await seen(headers)
                #expect(after.search.contains(#""enterprisesTotal":1"#) && after.portrait == .ok && after.curations.contains(world.marker))
            }
            let trail = try await world.store.auditEntries(AuditQuery(action: "publish"))
            #expect(Set(trail.map(\.targetKind)) == ["import", "curation"] && trail.allSatisfy { $0.organisationId == world.a.organisation.id })
            #expect(trail.allSatisfy { $0.before != nil && $0.after != nil })
            // The import page says so.
            #expect(try await Self.call(client, "/import", aAdmin).1.contains("已发布"))

            // Withdrawn: private again.
            #expect(try await Self.call(client, "/api/imports/\(importId)/unpublish", aAdmin, method: .post).0 == .ok)
            #expect(try await seen(outsider).search.contains(#""enterprisesTotal":0"#))
            #expect(try await world.store.auditEntries(AuditQuery(action: "unpublish")).count == 1)
        }
    }

    @Test func theAdminPagesRefuseThoseWithoutTheRole() async throws {
        let world = try await IsolationWorld.make()
        try await ServerFixture.withApp(store: world.store) { client in
            let viewer = try await Self.session(client, try #require(world.logins[.viewer]))
            #expect(try await Self.call(client, "/admin/publish", viewer).0 == .forbidden)
            #expect(try await Self.call(client, "/admin/publish", [:]).0 == .seeOther)
            let bAdmin = try await Self.session(client, world.bAdmin)
            let (status, page) = try await Self.call(client, "/admin/publish", bAdmin)
            #expect(status == .ok && !page.contains(world.marker))
        }
    }

    @Test func aScopedBureauMayNotPublishFirmsOutsideItsRegion() async throws {
        let world = try await IsolationWorld.make()
        let bj = try await world.store.createOrganisation(id: "bj-\(world.a.organisation.id)", name: "北京局", kind: .bureau, regionCode: "110000")
        _ = try await world.store.createPerson(Person(id: "bj-admin-\(world.bAdmin)", organisationId: bj.organisation.id, displayName: "京管理员",
                                                      role: .admin, createdAt: ""), password: AccountsHTTPTests.password)
        try await ServerFixture.withApp(store: world.store) { client in
            let (imported, _) = try await Self.call(client, "/api/imports?kind=enterprises&file=bj.csv", MarketAPITests.bearer(bj.token), method: .post,
                                                    body: "企业名称,注册地址\n京外测试生物有限公司,江苏省苏州市工业园区\n")
            #expect(imported == .ok)
            let importId = try #require(try await world.store.imports().first { $0.file == "bj.csv" }?.id)
            let admin = try await Self.session(client, "bj-admin-\(world.bAdmin)")
            let (status, body) = try await Self.call(client, "/api/imports/\(importId)/publish", admin, method: .post)
            #expect(status == .forbidden && body.contains("scope.publish-outside"), "\(body)")
            #expect(try await world.store.imports().first { $0.id == importId }?.publishedAt == nil)
        }
    }
}

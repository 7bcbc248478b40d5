import Foundation
import Testing
import GRDB
@testable import BrainServer
import BrainIngest
import BrainModel
import BrainStore
import BrainUseCases

/// The webhook outbox against a real receiver: alerts a running server did not raise itself — `brain import` and
/// `brain review` on the same database — are posted on its timer, each once, in order, to its own organisation only;
/// a receiver that keeps failing keeps its alerts for the next round.
@Suite struct WebhookOutboxHTTPTests {
    static func configuration() -> ServerConfiguration {
        var configuration = WebhookHTTPTests.configuration()
        configuration.webhooks.interval = .milliseconds(100)
        return configuration
    }

    /// What `brain import` does: its own store on the database, through the import service the command uses.
    static func commandLineImport(_ path: String, _ name: String, _ csv: String) async throws -> ImportResult {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("webhook-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name)
        try Data(csv.utf8).write(to: file)
        let data = ServerFixture.configuration.dataFolder
        let service = ImportService(sources: .init(store: { try SQLiteStore(path: path) }, resolver: { try AddressResolver.load(dataFolder: data) },
                                                   classifier: { try ImportClassifier.load(dataFolder: data) }))
        return try await service.write(ImportJob(kind: .enterprises, file: file, asOf: "2026-11-30"))
    }

    /// Every alert id posted to `path`, post by post, with the organisation each post named.
    static func posted(_ receiver: WebhookHTTPTests.Receiver, _ path: String) async throws -> [(organisation: String, ids: [Int], body: String)] {
        try await (receiver.posts[path] ?? []).map { post in
            let json = try #require(try JSONSerialization.jsonObject(with: post.body) as? [String: Any])
            let alerts = try #require(json["alerts"] as? [[String: Any]])
            return (json["organisation"] as? String ?? "", alerts.compactMap { $0["id"] as? Int }, String(decoding: post.body, as: UTF8.self))
        }
    }

    /// Until nothing waits and no delivery is under way: a post is logged and its alerts marked just after it arrives.
    static func waitForEmptyOutbox(_ store: SQLiteStore, _ organisations: [String]) async throws {
        try await WebhookHTTPTests.waitFor("the outbox to empty") {
            var logs: [WebhookDelivery] = []
            for organisation in organisations { logs += try await store.deliveries(organisation: organisation, limit: 100) }
            return try await store.webhookBacklog().isEmpty && logs.allSatisfy { $0.status != .pending }
        }
    }

    /// A copy of the database where 苏州市工信局 ("bureau") watches 苏州 (320500).
    static func bureauWatchingSuzhou() async throws -> (path: String, store: SQLiteStore) {
        let path = try ServerFixture.databaseCopy()
        let store = try SQLiteStore(path: path)
        _ = try await store.createOrganisation(id: "bureau", name: "苏州市工信局")
        _ = try await store.addWatch(WatchItem(organisationId: "bureau", kind: .region, targetId: "320500", createdAt: "2026-11-30T06:00:00Z"))
        return (path, store)
    }

    /// The bureau's webhook on the receiver's `hook`, a running server, `brain import` of one firm in 苏州, then the wait
    /// until a round delivered its alerts and none is left to post.
    static func importOneFirm(_ firm: String, path: String, store: SQLiteStore, port: Int, hook: String, waitingFor what: String) async throws {
        _ = try await store.setWebhook(Webhook(organisationId: "bureau", url: "http://127.0.0.1:\(port)/\(hook)", secret: "s",
                                               createdAt: "2026-11-30T06:00:00Z", updatedAt: "2026-11-30T06:00:00Z"))
        let app = try await buildApplication(store: store, configuration: configuration())
        try await app.test(.router) { _ in
            _ = try await commandLineImport(path, "\(hook).csv", "企业名称,注册地址\n\(firm),江苏省苏州市工业园区\n")
            try await WebhookHTTPTests.waitFor(what) {
                try await store.deliveries(organisation: "bureau", limit: 10).first?.status == .delivered
            }
            try await waitForEmptyOutbox(store, ["bureau"])
        }
    }

    @Test func alertsOfCommandLineImportsAndReviewDecisionsArePostedByTheRunningServer() async throws {
        let path = try ServerFixture.databaseCopy()
        let store = try SQLiteStore(path: path)
        _ = try await store.createOrganisation(id: "bureau", name: "江苏省工信厅")
        _ = try await store.createOrganisation(id: "park", name: "示例园区")
        _ = try await store.addWatch(WatchItem(organisationId: "bureau", kind: .region, targetId: "320000", createdAt: "2026-11-30T06:00:00Z"))
        _ = try await store.addWatch(WatchItem(organisationId: "park", kind: .region, targetId: "320500", createdAt: "2026-11-30T06:00:00Z"))
        try await WebhookHTTPTests.withReceiver { port, receiver in
            for (organisation, hook) in [("bureau", "bureau"), ("park", "park")] {
                _ = try await store.setWebhook(Webhook(organisationId: organisation, url: "http://127.0.0.1:\(port)/\(hook)", secret: "s-\(hook)",
                                                       createdAt: "2026-11-30T06:00:00Z", updatedAt: "2026-11-30T06:00:00Z"))
            }
            let app = try await buildApplication(store: store, configuration: Self.configuration())
            try await app.test(.router) { _ in
                // 江苏恒瑞医药股份有限公司 names a listed firm without a code: its row waits for review.
                let report = try await Self.commandLineImport(path, "cli.csv", """
                    企业名称,注册地址
                    苏州命令行甲生物有限公司,江苏省苏州市工业园区
                    江苏恒瑞医药股份有限公司,江苏省连云港市海州区
                    """)
                #expect(report.outcome.review == 1)
                try await WebhookHTTPTests.waitFor("the command line import's alerts") {
                    let bureau = try await Self.posted(receiver, "bureau"), park = try await Self.posted(receiver, "park")
                    return bureau.contains { $0.body.contains("苏州命令行甲") } && park.contains { $0.body.contains("苏州命令行甲") }
                }
                // `brain review` rejects the match: the row becomes its own firm in 连云港, in the province the bureau watches.
                let item = try #require(try await store.reviewItems(status: .pending).first)
                _ = try await SQLiteStore(path: path).decideReview(item.id, accept: false)
                try await WebhookHTTPTests.waitFor("the review decision's alert") {
                    try await Self.posted(receiver, "bureau").contains { $0.body.contains("江苏恒瑞医药股份有限公司") }
                }
                try await Self.waitForEmptyOutbox(store, ["bureau", "park"])
            }
            let bureau = try await Self.posted(receiver, "bureau"), park = try await Self.posted(receiver, "park")
            // Each alert once and in order, each organisation only its own (the park does not watch 连云港).
            let bureauIds = bureau.flatMap(\.ids), parkIds = park.flatMap(\.ids)
            #expect(bureauIds == bureauIds.sorted() && Set(bureauIds).count == bureauIds.count && bureauIds.count >= 2)
            #expect(parkIds == parkIds.sorted() && Set(parkIds).count == parkIds.count && !parkIds.isEmpty)
            #expect(Set(bureauIds).isDisjoint(with: parkIds))
            #expect(bureau.allSatisfy { $0.organisation == "bureau" } && park.allSatisfy { $0.organisation == "park" })
            #expect(!park.contains { $0.body.contains("江苏恒瑞医药股份有限公司") })
            #expect(try await store.webhookBacklog().isEmpty)
            let log = try await store.deliveries(organisation: "bureau", limit: 10)
            #expect(log.count == bureau.count && log.allSatisfy { $0.status == .delivered && $0.attempts == 1 })
        }
    }

    /// Another process holds the database's write lock past the busy timeout just as the receiver takes the post: the
    /// server records the delivery once the lock is gone, and never posts the same alerts a second time.
    @Test func aPostTheReceiverTookIsNotSentAgainWhenTheDatabaseIsBusyAfterIt() async throws {
        let (path, store) = try await Self.bureauWatchingSuzhou()
        var options = GRDB.Configuration()
        options.allowsUnsafeTransactions = true   // the lock outlives one access, as another process's would
        let other = try DatabaseQueue(path: path, configuration: options)
        actor Once { var done = false; func first() -> Bool { defer { done = true }; return !done } }
        let once = Once()
        let holdFor = Duration.seconds(SQLiteStore.busyTimeout + 1)
        try await WebhookHTTPTests.withReceiver(answering: { _ in
            guard await once.first() else { return }
            try await other.writeWithoutTransaction { try $0.execute(sql: "BEGIN IMMEDIATE") }
            Task {
                try await Task.sleep(for: holdFor)
                try await other.writeWithoutTransaction { try $0.execute(sql: "ROLLBACK") }
            }
        }) { port, receiver in
            // Once the outbox is empty no later round can post these alerts again: a second post comes before it.
            try await Self.importOneFirm("苏州忙碌甲生物有限公司", path: path, store: store, port: port, hook: "busy", waitingFor: "the delivery to be recorded")
            let posts = try await Self.posted(receiver, "busy")
            #expect(posts.count == 1 && posts.first?.body.contains("苏州忙碌甲") == true)
            let log = try await store.deliveries(organisation: "bureau", limit: 10)
            #expect(log.count == 1 && log.first?.status == .delivered && log.first?.attempts == 1)
        }
    }

    @Test func aReceiverThatKeepsFailingGetsItsAlertsInALaterRound() async throws {
        let (path, store) = try await Self.bureauWatchingSuzhou()
        // Down for a whole round of three tries, then up.
        try await WebhookHTTPTests.withReceiver(failures: ["flaky": 3]) { port, receiver in
            try await Self.importOneFirm("苏州重试甲生物有限公司", path: path, store: store, port: port, hook: "flaky", waitingFor: "a later round to deliver")
            let log = try await store.deliveries(organisation: "bureau", limit: 10)
            // The failed round is on the log (three attempts, the last status), then the round that delivered.
            #expect(log.count == 2 && log[1].status == .failed && log[1].attempts == 3 && log[1].httpStatus == 500)
            #expect(log[0].status == .delivered && log[0].attempts == 1 && log[0].alertCount == log[1].alertCount)
            let posts = try await Self.posted(receiver, "flaky")
            // The same alerts again, under the new delivery's id.
            #expect(posts.count == 4 && posts[3].ids == posts[0].ids && log[0].deliveryId != log[1].deliveryId)
            #expect(try await store.webhookBacklog().isEmpty)
        }
    }
}

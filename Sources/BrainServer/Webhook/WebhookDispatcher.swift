import Foundation
import AsyncHTTPClient
import Logging
import NIOCore
import NIOHTTP1
import BrainModel
import BrainStore

/// How webhooks are posted (`brain serve --webhook-allow-host`; tests shorten the back-off).
public struct WebhookConfiguration: Sendable {
    /// Hosts allowed over plain http and on non-public addresses (a receiver on this machine, a test's).
    public var allowedHosts: [String] = []
    /// Each attempt's limit, connecting and waiting for the answer.
    public var timeout: Duration = .seconds(5)
    public var tries = 3
    /// The wait before the second attempt; it doubles before each later one.
    public var backoff: Duration = .seconds(2)

    public init() {}
}

/// Posts each organisation its own alerts after an import, in the background: the import never waits for a
/// receiver. Every delivery is logged (pending, then delivered or failed with the last HTTP status or error and the
/// attempts made) for the organisation's admin on /admin/webhook. A receiver that answers other than 2xx, or not in
/// time, is tried again after a back-off, `tries` times in all; redirects are not followed (SSRF).
final class WebhookDispatcher: Sendable {
    let store: any ImportingStore
    let configuration: WebhookConfiguration
    let address: WebhookAddress
    let logger: Logger

    init(store: any ImportingStore, configuration: WebhookConfiguration, logger: Logger) {
        (self.store, self.configuration, self.logger) = (store, configuration, logger)
        address = WebhookAddress(allowedHosts: configuration.allowedHosts)
    }

    /// Starts delivering the import's alerts and returns at once; the delivery log tells how it went.
    func importFinished(_ importId: Int) {
        Task { [self] in await deliver(importId: importId) }
    }

    /// Sends each organisation with a webhook the alerts the import raised for it, and no other organisation's.
    func deliver(importId: Int) async {
        do {
            let alerts = try await store.alerts(importId: importId)
            guard !alerts.isEmpty else { return }
            let names = try await RegionNames.of(alerts.map(\.change), store: store)
            // Side by side: one organisation's slow or failing receiver does not hold up another's alerts.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (organisation, own) in Dictionary(grouping: alerts, by: \.organisationId) {
                    guard let webhook = try await store.webhook(organisation: organisation) else { continue }
                    group.addTask {
                        // A large import's alerts go in posts of at most `batch`, so no receiver gets an unbounded body.
                        for start in stride(from: 0, to: own.count, by: Self.batch) {
                            try await self.send(webhook, importId: importId, alerts: Array(own[start..<min(start + Self.batch, own.count)]), names: names)
                        }
                    }
                }
                try await group.waitForAll()
            }
        } catch {
            logger.error("webhook deliveries for import \(importId) stopped: \(error)")
        }
    }

    private func send(_ webhook: Webhook, importId: Int, alerts: [Alert], names: [String: String]) async throws {
        let deliveryId = UUID().uuidString.lowercased(), now = Self.now()
        let body = try WebhookPayload(delivery: deliveryId, organisation: webhook.organisationId, importId: importId, sentAt: now,
                                      alerts: alerts, names: names).body()
        let id = try await store.queueDelivery(WebhookDelivery(organisationId: webhook.organisationId, deliveryId: deliveryId,
                                                               importId: importId, url: webhook.url, alertCount: alerts.count, createdAt: now))
        var attempts = 0, lastStatus: Int?, lastError: String?
        while attempts < configuration.tries {
            if attempts > 0 { try? await Task.sleep(for: configuration.backoff * (1 << (attempts - 1))) }
            attempts += 1
            (lastStatus, lastError) = await attempt(webhook, body: body, deliveryId: deliveryId)
            if lastError == nil {
                try await store.updateDelivery(id, status: .delivered, httpStatus: lastStatus, attempts: attempts, lastError: nil, at: Self.now())
                return
            }
            try await store.updateDelivery(id, status: attempts < configuration.tries ? .pending : .failed, httpStatus: lastStatus,
                                           attempts: attempts, lastError: lastError, at: Self.now())
        }
        logger.warning("webhook delivery \(deliveryId) to \(webhook.organisationId) failed after \(attempts) attempts: \(lastError ?? "")")
    }

    /// One post: the HTTP status, and nil for the error when it was a 2xx.
    private func attempt(_ webhook: Webhook, body: Data, deliveryId: String) async -> (Int?, String?) {
        do {
            let url = try address.check(webhook.url)
            var request = HTTPClientRequest(url: url.absoluteString)
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            request.headers.add(name: "User-Agent", value: "IndustryBrain-Webhook/1")
            request.headers.add(name: "X-Brain-Delivery", value: deliveryId)
            request.headers.add(name: "X-Brain-Signature", value: WebhookPayload.signature(body, secret: webhook.secret))
            request.body = .bytes(ByteBuffer(bytes: body))
            let response = try await Self.client.execute(request, timeout: timeAmount(configuration.timeout))
            // The answer's body is read (a little of it) only so the connection can be reused.
            _ = try? await response.body.collect(upTo: 16 << 10)
            let code = Int(response.status.code)
            return (code, (200..<300).contains(code) ? nil : "HTTP \(code)")
        } catch let refusal as WebhookAddress.Refusal {
            return (nil, refusal.words.en)
        } catch {
            return (nil, String(String(describing: error).prefix(300)))
        }
    }

    /// One client for the process (never shut down, so never torn down under a delivery): no redirects, 5 s to connect.
    static let client = HTTPClient(eventLoopGroupProvider: .singleton,
                                   configuration: HTTPClient.Configuration(redirectConfiguration: .disallow,
                                                                           timeout: .init(connect: .seconds(5), read: .seconds(5))))

    /// Alerts in one post at most.
    static let batch = 1_000

    static func now() -> String { ISO8601DateFormatter().string(from: Date()) }
}

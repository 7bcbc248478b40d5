import Foundation
import Logging
import Synchronization
import BrainModel
import BrainStore

/// How webhooks are posted (`brain serve --webhook-allow-host`, `--webhook-interval`; tests shorten the waits).
public struct WebhookConfiguration: Sendable {
    /// Hosts allowed over plain http and on non-public addresses (a receiver on this machine, a test's).
    public var allowedHosts: [String] = []
    /// Each attempt's limit for all of it: connecting, sending and reading the answer.
    public var timeout: Duration = .seconds(5)
    public var tries = 3
    /// The wait before the second attempt; it doubles before each later one.
    public var backoff: Duration = .seconds(2)
    /// How often the outbox is looked at for alerts the server did not raise itself (CLI imports, review decisions).
    public var interval: Duration = .seconds(20)
    /// The longest an organisation whose receiver keeps failing waits between rounds (it doubles from `interval`).
    public var longestPause: Duration = .seconds(3_600)
    /// How long a host name may take to resolve.
    public var resolveTimeout: Duration = .seconds(5)

    public init() {}
}

/// Posts each organisation its own alerts from the outbox (`WebhookStore.claimWebhookOutbox`), in the background:
/// kicked after the server's own imports and every `interval`, so alerts raised by `brain import` or `brain review` on
/// the same database go out too. Per organisation: hold its outbox (one conditional update, so two servers never post
/// the same alerts at once), post its oldest unposted alerts (at most `batch` a post, in id order), mark them posted
/// when the receiver answered 2xx. A receiver that answers otherwise, or not in time, is tried again after a back-off,
/// `tries` times in all; then the delivery is logged failed and its alerts stay in the outbox for a later round (the
/// pause between rounds for that organisation doubling up to `longestPause`), however old they are. Redirects are not
/// followed (SSRF). Every post is on the delivery log for the organisation's admin on /admin/webhook.
final class WebhookDispatcher: Sendable {
    let store: any ImportingStore
    let configuration: WebhookConfiguration
    let address: WebhookAddress
    let logger: Logger
    /// This process's name on the outbox's holds.
    let holder = "server-" + UUID().uuidString.lowercased()

    private struct State {
        var draining = false
        var again = false
        /// Organisations whose last round failed: when to try next, and the pause that led there.
        var pausedUntil: [String: (at: ContinuousClock.Instant, pause: Duration)] = [:]
    }
    private let state = Mutex(State())

    init(store: any ImportingStore, configuration: WebhookConfiguration, logger: Logger, resolver: WebhookAddress.Resolver? = nil) {
        (self.store, self.configuration, self.logger) = (store, configuration, logger)
        address = WebhookAddress(allowedHosts: configuration.allowedHosts, resolver: resolver, resolveTimeout: configuration.resolveTimeout)
    }

    /// Looks at the outbox every `interval` for as long as the dispatcher lives (the application holds it).
    func startTimer() {
        let interval = configuration.interval
        Task { [weak self] in
            while !Task.isCancelled {
                guard let dispatcher = self else { return }
                await dispatcher.drain()
                try? await Task.sleep(for: interval)
            }
        }
    }

    /// After an import over HTTP: its alerts are in the outbox now.
    func importFinished(_ importId: Int) { kick() }

    /// Starts posting what is waiting and returns at once (after the server's own writes).
    func kick() {
        Task { [self] in await drain() }
    }

    /// One round over every organisation with alerts waiting. A kick during a round makes another round after it,
    /// never two at once in this process.
    func drain() async {
        guard state.withLock({ state in
            if state.draining { state.again = true; return false }
            state.draining = true
            return true
        }) else { return }
        repeat {
            await round()
        } while state.withLock { state in
            if state.again { state.again = false; return true }
            state.draining = false
            return false
        }
    }

    private func round() async {
        do {
            let now = ContinuousClock.now
            let due = try await store.webhookBacklog().filter { organisation in
                state.withLock { $0.pausedUntil[organisation].map { $0.at <= now } ?? true }
            }
            // Side by side: one organisation's slow or failing receiver does not hold up another's alerts.
            await withTaskGroup(of: Void.self) { group in
                for organisation in due { group.addTask { await self.deliver(organisation) } }
            }
        } catch {
            logger.error("webhook outbox round stopped: \(error)")
        }
    }

    /// Posts the organisation's waiting alerts batch by batch until none are left or one fails.
    func deliver(_ organisation: String) async {
        do {
            while true {
                let now = Date(), hold = (configuration.timeout + configuration.resolveTimeout) * configuration.tries + configuration.backoff * (1 << configuration.tries) + .seconds(60)
                guard let outbox = try await store.claimWebhookOutbox(organisation: organisation, holder: holder, now: Self.stamp(now),
                                                                      until: Self.stamp(now.addingTimeInterval(hold.inSeconds)), limit: Self.batch)
                else { return }   // another server holds it
                var sent: [Int64] = []
                if !outbox.alerts.isEmpty, try await send(outbox) { sent = outbox.alerts.map(\.id) }
                try await recording("the posted alerts of \(organisation)") {
                    try await store.finishWebhookOutbox(organisation: organisation, holder: holder, sent: sent, at: Self.now())
                }
                if outbox.alerts.isEmpty { return }
                if sent.isEmpty { return paused(organisation) }
                state.withLock { _ = $0.pausedUntil.removeValue(forKey: organisation) }
                if outbox.alerts.count < Self.batch { return }
            }
        } catch {
            logger.error("webhook deliveries to \(organisation) stopped: \(error)")
            // Let go at once rather than when the hold runs out; its alerts stay for the next round.
            try? await store.finishWebhookOutbox(organisation: organisation, holder: holder, sent: [], at: Self.now())
            paused(organisation)
        }
    }

    private func paused(_ organisation: String) {
        state.withLock { state in
            let pause = min((state.pausedUntil[organisation]?.pause).map { $0 * 2 } ?? configuration.interval, configuration.longestPause)
            state.pausedUntil[organisation] = (ContinuousClock.now + pause, pause)
        }
    }

    /// One delivery (logged), tried up to `tries` times; true when the receiver took it.
    private func send(_ outbox: WebhookOutbox) async throws -> Bool {
        let webhook = outbox.webhook, alerts = outbox.alerts
        let names = try await RegionNames.of(alerts.map(\.change), store: store)
        let imports = Set(alerts.map(\.change.importId))
        let importId = imports.count == 1 ? imports.first : nil
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
                try await recording("delivery \(deliveryId)") {
                    try await store.updateDelivery(id, status: .delivered, httpStatus: lastStatus, attempts: attempts, lastError: nil, at: Self.now())
                }
                return true
            }
            try await store.updateDelivery(id, status: attempts < configuration.tries ? .pending : .failed, httpStatus: lastStatus,
                                           attempts: attempts, lastError: lastError, at: Self.now())
        }
        logger.warning("webhook delivery \(deliveryId) to \(webhook.organisationId) failed after \(attempts) attempts: \(lastError ?? "")")
        return false
    }

    /// Records what a receiver took, tried again when the database refuses for a while (another process holding its
    /// write lock past the busy timeout): given up at once, the alerts would stay unposted and go out a second time.
    private func recording(_ what: String, _ write: () async throws -> Void) async throws {
        var pause = configuration.backoff, tries = 0
        while true {
            do { return try await write() } catch {
                tries += 1
                guard tries < Self.recordTries else { throw error }
                logger.warning("webhook: \(what) not recorded on try \(tries): \(error)")
                try? await Task.sleep(for: pause)
                pause *= 2
            }
        }
    }

    /// Tries at recording a post the receiver took (each may wait the store's busy timeout).
    static let recordTries = 5

    /// One post: the HTTP status, and nil for the error when it was a 2xx.
    private func attempt(_ webhook: Webhook, body: Data, deliveryId: String) async -> (Int?, String?) {
        let target: WebhookAddress.Pinned
        do { target = try await address.check(webhook.url) } catch { return (nil, error.words.en) }
        let headers = [("Content-Type", "application/json"), ("User-Agent", "IndustryBrain-Webhook/1"), ("X-Brain-Delivery", deliveryId),
                       ("X-Brain-Signature", WebhookPayload.signature(body, secret: webhook.secret))]
        return await WebhookClient(timeout: configuration.timeout).post(target, headers: headers, body: body)
    }

    /// Alerts in one post at most.
    static let batch = 1_000

    static func now() -> String { stamp(Date()) }
    static func stamp(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }
}

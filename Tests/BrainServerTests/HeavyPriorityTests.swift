import Foundation
import Testing
@testable import BrainServer
import BrainUseCases

/// The warm-up's computations run in the background; a request's never queue behind them, and a request that waits
/// for one raises it and whatever it waits for (issue 14: the first view after start).
@Suite struct HeavyPriorityTests {
    @Test func aRequestWaitingForBackgroundWorkRaisesItAndWhatItWaitsFor() throws {
        #expect(HeavyPriority.child(of: nil) == nil, "a request's computations are foreground")
        let warmUp = HeavyPriority()
        let links = try #require(HeavyPriority.child(of: warmUp))
        links.waited(by: warmUp)
        let quality = try #require(HeavyPriority.child(of: links))
        quality.waited(by: links)                     // the links wait for the quality scores
        let unrelated = try #require(HeavyPriority.child(of: warmUp))
        unrelated.waited(by: warmUp)
        #expect(!links.isBoosted && !quality.isBoosted)
        #expect(HeavyPriority.nice(for: links) == HeavyPriority.backgroundNice)
        links.waited(by: nil)                         // a request comes to wait for the links
        #expect(links.isBoosted && quality.isBoosted, "what the request waits for, directly or not, is raised")
        #expect(!unrelated.isBoosted && !warmUp.isBoosted, "the rest of the warm-up stays in the background")
        #expect(HeavyPriority.nice(for: links) == HeavyPriority.foregroundNice)
        // Work a raised computation starts later is raised from the start.
        #expect(HeavyPriority.child(of: links)?.isBoosted == true)
    }

    @Test func aRequestsComputationDoesNotQueueBehindTheWarmUp() async throws {
        // Background work that holds every background slot until released (as many as a request had slots in all).
        let release = DispatchSemaphore(value: 0)
        let blockers = (0..<4).map { _ in
            Task {
                try await HeavyPriority.$current.withValue(HeavyPriority()) {
                    try await HeavyWork.run("test background blocker") { release.wait() }
                }
            }
        }
        defer { for _ in blockers { release.signal() } }
        // A request's computation meanwhile finishes (bounded: a queued one would still be waiting after 30 s).
        let answer = try await withThrowingTaskGroup(of: Int?.self) { group in
            group.addTask { try await HeavyWork.run("test request") { 42 } }
            group.addTask { try await Task.sleep(for: .seconds(30)); return nil }
            let first = try await group.next() ?? nil
            group.cancelAll()
            return first
        }
        #expect(answer == 42)
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Who is waiting for a heavy computation (issue 14: the first view after start < 1 s). The start-up warm-up computes
/// every common analysis in the background; a visitor's page needs only a few of them, and must not queue behind the
/// rest. Computations started by the warm-up belong to a background `HeavyPriority`: they take `HeavyWork`'s
/// background slots (never a request's) and run at nice 10, so a request's own computations at nice 5 win the CPU;
/// when a request waits for one of them, that computation — and whatever it waits for in turn — is raised to the
/// request's priority. (Lowering a thread's nice value needs root, CAP_SYS_NICE or RLIMIT_NICE; without them a
/// computation a request waits for stays at nice 10.)
///
/// Groups travel as a task-local value: `OnceCell` starts each computation in a group of its own under the caller's,
/// records which groups a group waits for, and boosts the group a request (no group) joins.
public final class HeavyPriority: @unchecked Sendable {
    public static let foregroundNice: Int32 = 5
    public static let backgroundNice: Int32 = 10

    /// The group of the computation the current task runs for; nil for a request (foreground).
    @TaskLocal public static var current: HeavyPriority?

    private let lock = NSLock()
    private var boosted = false
    private var threads: [UInt32] = []
    private var waitsFor: [HeavyPriority] = []

    public init() {}

    /// A group for a computation started by a task of group `parent` (nil: a request's, which is not background).
    public static func child(of parent: HeavyPriority?) -> HeavyPriority? {
        guard let parent else { return nil }
        let group = HeavyPriority()
        if parent.isBoosted { group.boost() }
        return group
    }

    public var isBoosted: Bool { lock.withLock { boosted } }

    /// The nice value for a thread now starting work for `group`.
    public static func nice(for group: HeavyPriority?) -> Int32 {
        guard let group else { return foregroundNice }
        return group.isBoosted ? foregroundNice : backgroundNice
    }

    /// Runs the calling thread at this group's priority until it ends (`leave`).
    public func enter(thread: UInt32) {
        let nice = lock.withLock { () -> Int32 in
            threads.append(thread)
            return boosted ? Self.foregroundNice : Self.backgroundNice
        }
        HeavyWork.setNice(nice, thread: thread)
    }

    public func leave(thread: UInt32) {
        lock.withLock { threads.removeAll { $0 == thread } }
    }

    /// The current task (of `waiter`, nil for a request) waits for this group's computation: a request raises it, a
    /// group remembers it so that raising the waiter later raises this too.
    public func waited(by waiter: HeavyPriority?) {
        guard let waiter else { return boost() }
        if waiter.addWaitsFor(self) { boost() }
    }

    /// Raises this group, its running threads and the groups it waits for to the foreground priority.
    public func boost() {
        let (threads, next) = lock.withLock { () -> ([UInt32], [HeavyPriority]) in
            if boosted { return ([], []) }
            boosted = true
            return (self.threads, waitsFor)
        }
        for thread in threads { HeavyWork.setNice(Self.foregroundNice, thread: thread) }
        for group in next { group.boost() }
    }

    /// Records that this group waits for `group`; true when this group is already raised (so `group` must be too).
    private func addWaitsFor(_ group: HeavyPriority) -> Bool {
        lock.withLock {
            waitsFor.append(group)
            return boosted
        }
    }
}

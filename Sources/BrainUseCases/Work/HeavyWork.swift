import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// CPU-heavy synchronous work (a snapshot's index, an analysis over every region) runs on a thread of its own at a
/// lower priority, never on Swift's cooperative pool: that pool has one thread per core (two here), and a computation
/// of seconds on it would leave every other request waiting.
public enum HeavyWork {
    public static let logger = Logger(label: "IndustryBrain.analytics")

    /// Whether each computation's time is logged: the server's log shows where a rebuild spends its time; a CLI
    /// command turns it off (`quietTimings`), its standard error being the user's.
    public static var logsTimings: Bool { timingsLock.withLock { timingsOn } }
    public static func quietTimings() { timingsLock.withLock { timingsOn = false } }
    private static let timingsLock = NSLock()
    nonisolated(unsafe) private static var timingsOn = true

    /// At most this many run at once (two per core): requests that each ask for a new computation queue here instead
    /// of starting a thread apiece. Background work (the warm-up, `HeavyPriority`) has slots of its own, one per core,
    /// so a request's computation never queues behind it (and wins the CPU by its lower nice value).
    private static let slots = DispatchSemaphore(value: 4)
    private static let backgroundSlots = DispatchSemaphore(value: 2)

    /// Runs `work` and logs how long `label` took (a dozen lines per import: where a rebuild spends its time).
    public static func run<T: Sendable>(_ label: String, _ work: @escaping @Sendable () throws -> T) async throws -> T {
        let group = HeavyPriority.current
        return try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                let slot = takeSlot(for: group)
                defer { slot.signal() }
                let tid = threadID()
                if let group, let tid { group.enter(thread: tid) } else if let tid { setNice(HeavyPriority.foregroundNice, thread: tid) }
                defer { if let group, let tid { group.leave(thread: tid) } }
                let started = DispatchTime.now().uptimeNanoseconds
                let result = Result { try work() }
                if logsTimings { logger.info("computed \(label) in \(Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6) ms\(group == nil ? "" : " (background)")") }
                continuation.resume(with: result)
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// Waits for a slot: a request's from the four, background work for the one of its own — unless a request comes
    /// to wait for it meanwhile (`HeavyPriority.boost`), when it takes a request's slot instead.
    private static func takeSlot(for group: HeavyPriority?) -> DispatchSemaphore {
        guard let group else {
            slots.wait()
            return slots
        }
        while !group.isBoosted {
            if backgroundSlots.wait(timeout: .now() + .milliseconds(10)) == .success { return backgroundSlots }
        }
        slots.wait()
        return slots
    }

    /// The calling thread's kernel id ("PID/task/TID" of /proc/thread-self: Swift's Glibc module has no gettid()).
    private static func threadID() -> UInt32? {
        #if canImport(Glibc)
        guard let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/thread-self") else { return nil }
        return link.split(separator: "/").last.flatMap { UInt32($0) }
        #else
        return nil
        #endif
    }

    /// Sets a thread's nice value (Linux schedules threads individually), so readers win the CPU from a rebuild and
    /// from the warm-up. Lowering it again (10 → 5) needs root, CAP_SYS_NICE or RLIMIT_NICE; without them it stays.
    static func setNice(_ nice: Int32, thread: UInt32) {
        #if canImport(Glibc)
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), id_t(thread), nice)
        #endif
    }
}

/// Returns freed heap to the system. glibc keeps what a process freed for reuse, so after a snapshot swap the old
/// snapshot's gigabyte would stay counted in the server's memory until the next one reused it.
public enum MemoryTrim {
    public static func soon() {
        #if canImport(Glibc)
        // A moment later: the generation being freed is still being torn down on the thread that released it.
        DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + .milliseconds(500)) { _ = trim?(0) }
        #endif
    }

    #if canImport(Glibc)
    /// glibc's malloc_trim, looked up at run time (Swift's Glibc module does not declare it).
    private static let trim: (@convention(c) (Int) -> Int32)? = dlsym(dlopen(nil, RTLD_NOW), "malloc_trim")
        .map { unsafeBitCast($0, to: (@convention(c) (Int) -> Int32).self) }
    #endif
}

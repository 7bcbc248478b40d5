import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// CPU-heavy synchronous work (a snapshot's index, an analysis over every region) runs on a thread of its own at a
/// lower priority, never on Swift's cooperative pool: that pool has one thread per core (two here), and a computation
/// of seconds on it would leave every other request waiting.
enum HeavyWork {
    static let logger = Logger(label: "IndustryBrain.analytics")

    /// At most this many run at once (two per core): requests that each ask for a new computation queue here instead
    /// of starting a thread apiece.
    private static let slots = DispatchSemaphore(value: 4)

    /// Runs `work` and logs how long `label` took (a dozen lines per import: where a rebuild spends its time).
    static func run<T: Sendable>(_ label: String, _ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                slots.wait()
                defer { slots.signal() }
                lowerPriority()
                let started = DispatchTime.now().uptimeNanoseconds
                let result = Result { try work() }
                logger.info("computed \(label) in \(Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6) ms")
                continuation.resume(with: result)
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// Nice 5 for the calling thread (Linux schedules threads individually), so readers win the CPU from a rebuild.
    private static func lowerPriority() {
        #if canImport(Glibc)
        // The thread's own id ("PID/task/TID"): Swift's Glibc module has no gettid().
        guard let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/thread-self"),
              let tid = link.split(separator: "/").last.flatMap({ UInt32($0) }) else { return }
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), id_t(tid), 5)
        #endif
    }
}

/// Returns freed heap to the system. glibc keeps what a process freed for reuse, so after a snapshot swap the old
/// snapshot's gigabyte would stay counted in the server's memory until the next one reused it.
enum MemoryTrim {
    static func soon() {
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

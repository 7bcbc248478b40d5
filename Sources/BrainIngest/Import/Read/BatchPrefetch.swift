import Foundation

/// Runs a batch source (read, check, classify) on a thread of its own, at most `depth` batches ahead of the consumer
/// (the store's write transaction): the two halves of an import use both cores, and memory stays `depth` batches deep
/// however long the file.
///
/// Batches and the source's error arrive in the order the source produced them. `produce` and everything it touches
/// (the file check and its summary) belong to the producer thread until `next()` has returned nil or thrown, or
/// `stop()` has returned: only then may the caller read them (the lock orders the producer's writes before that).
public final class BatchPrefetch<Batch>: @unchecked Sendable {
    private let condition = NSCondition()
    private var ready: [Batch] = []
    private var ended = false
    private var failure: (any Error)?
    private var cancelled = false
    private var producerExited = false
    private let depth: Int

    /// Starts producing at once. `produce` returns nil at the end of the source.
    public init(depth: Int = 4, _ produce: @escaping () throws -> Batch?) {
        self.depth = max(1, depth)
        // Handed over to the producer thread for good (see the type's comment): not shared while it runs.
        let source = UncheckedSendable(produce)
        let thread = Thread { [self] in run(source.value) }
        thread.name = "import-read"
        // Readers of XLSX and JSON go a few frames deep per nesting level: a roomy stack, as the main thread has.
        thread.stackSize = 8 << 20
        thread.start()
    }

    deinit { stop() }

    /// The next batch in source order, waiting for it; nil at the end; rethrows the source's error.
    public func next() throws -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        while ready.isEmpty && !ended { condition.wait() }
        if !ready.isEmpty {
            let batch = ready.removeFirst()
            condition.broadcast()
            return batch
        }
        if let failure { throw failure }
        return nil
    }

    /// Tells the producer to stop after its current batch and waits until it has: afterwards the caller owns what
    /// `produce` touched. Safe to call more than once.
    public func stop() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        while !producerExited { condition.wait() }
        condition.unlock()
    }

    private func run(_ produce: () throws -> Batch?) {
        defer {
            condition.lock()
            producerExited = true
            ended = true
            condition.broadcast()
            condition.unlock()
        }
        while true {
            condition.lock()
            while ready.count >= depth && !cancelled { condition.wait() }
            let stopNow = cancelled
            condition.unlock()
            if stopNow { return }
            let batch: Batch?
            do { batch = try produce() } catch {
                condition.lock()
                failure = error
                condition.unlock()
                return
            }
            guard let batch else { return }
            condition.lock()
            ready.append(batch)
            condition.broadcast()
            condition.unlock()
        }
    }
}

/// A value moved to another thread that the sender no longer touches (the compiler cannot see the hand-over).
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

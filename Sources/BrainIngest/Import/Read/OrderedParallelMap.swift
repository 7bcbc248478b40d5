import Dispatch
import Foundation

/// A pure per-element transform spread over every core, results in input order: the check's per-row work (field
/// parsing, validation, address resolution, name folding) is independent row by row, while what depends on earlier
/// rows (de-duplication, counts, the order of problems) stays with the caller, one thread, in file order.
enum OrderedParallelMap {
    /// Below this many elements one thread is faster than handing work out.
    static let minimumParallel = 64

    /// `transform` applied to every element of `input`, in input order. `transform` must not touch shared mutable
    /// state: it runs on several threads at once.
    static func map<Element: Sendable, Result: Sendable>(_ input: [Element], _ transform: @Sendable (Element) -> Result) -> [Result] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard cores > 1, input.count >= minimumParallel else { return input.map(transform) }
        // A few slices per core, so a core slowed by a neighbour's work does not hold the others back.
        let slices = min(input.count, cores * 4)
        return [Result](unsafeUninitializedCapacity: input.count) { buffer, initialized in
            input.withUnsafeBufferPointer { elements in
                // Each slice reads its own elements and initialises only its own indexes of the result: no two
                // threads touch the same memory, and concurrentPerform returns after every slice has finished.
                let from = UncheckedSendable(elements), into = UncheckedSendable(buffer)
                DispatchQueue.concurrentPerform(iterations: slices) { slice in
                    let start = slice * input.count / slices, end = (slice + 1) * input.count / slices
                    for index in start..<end { into.value.initializeElement(at: index, to: transform(from.value[index])) }
                }
            }
            initialized = input.count
        }
    }
}

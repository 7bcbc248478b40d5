/// An import's writes, one part at a time in flight on the store's connection while the planner plans the next: the
/// planning (Swift) and the writing (the engine) of a batch overlap on two cores instead of taking turns. Parts run in
/// the order they started, and each is finished before the next starts, so a failed part stops the import at it.
struct WritesInFlight {
    let session: any ImportSession
    private var part: Task<Void, any Error>?

    init(_ session: any ImportSession) { self.session = session }

    /// Waits for the part in flight; rethrows its error.
    mutating func finish() async throws {
        defer { part = nil }
        try await part?.value
    }

    /// Starts `writes` once the part in flight is done.
    mutating func start(_ writes: [ImportPlanner.Write]) async throws {
        try await finish()
        let session = self.session
        part = Task { try await session.run(writes) }
    }

    /// Waits for the part in flight, its error dropped: the import failed already, and is rolled back.
    mutating func abandon() async { _ = try? await finish() }
}

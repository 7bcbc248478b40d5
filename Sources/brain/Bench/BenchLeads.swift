import ArgumentParser
import Foundation
import BrainIngest
import BrainModel
import BrainStore

/// `brain bench leads`: the 招商 pipeline at a size one bureau reaches in years — N synthetic leads (firm names say
/// 合成) of one organisation beside a tenth as many of another — on a fresh store holding only the chain, on SQLite and
/// PostgreSQL. Prints the time to open them, and p50/p99 of the board's counts, the /leads board page's reads and the
/// list's filters.
struct BenchLeads: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leads",
        abstract: "Time opening leads, the board and the filtered list with N synthetic leads, on SQLite and PostgreSQL.",
        discussion: """
            PostgreSQL needs --postgres: its database's `brain` schema is replaced. With a throwaway server:
              scripts/with-postgres sh -c 'swift run -c release brain bench leads --count 10000 --postgres "$BRAIN_TEST_POSTGRES_URL"'
            """)
    @Option(help: "Synthetic leads of the organisation measured.") var count = 10_000
    @Option(help: "Times each read is repeated for its percentiles.") var repeats = 200
    @Option(help: "Random seed.") var seed: UInt64 = 7
    @Option(help: "Data folder (for the chain's nodes).") var data = "data"
    @Option(parsing: .upToNextOption, help: "Backends to measure.") var backends: [BenchBackend] = BenchBackend.allCases
    @Option(help: "PostgreSQL address to benchmark (its `brain` schema is replaced).") var postgres: String?

    func run() async throws {
        guard count > 0, count <= 1_000_000, repeats > 0, repeats <= 100_000 else { throw ValidationError("--count is 1–1,000,000 and --repeats 1–100,000") }
        let taxonomy = try BundleLoader.loadTaxonomy(URL(fileURLWithPath: data).appendingPathComponent("chain/biomedicine.json"), file: "chain/biomedicine.json")
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("brain-bench-leads-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        for backend in backends {
            let location: StoreLocation
            switch backend {
            case .sqlite: location = .sqlite(path: work.appendingPathComponent("brain.sqlite").path)
            case .postgres:
                guard let postgres else { print("\npostgres: skipped, no --postgres address (see `brain bench leads --help`)"); continue }
                location = .postgres(try PostgresLocation(url: postgres))
            }
            print("\n\(backend.rawValue): \(location)")
            _ = try await location.build(DataBundle(taxonomy: taxonomy))
            try await measure(try await location.open(), nodes: taxonomy.nodes.map(\.id))
        }
    }

    func measure(_ store: any ImportingStore, nodes: [String]) async throws {
        var random = SplitMix64(seed: seed)
        let regions = ["320500", "320506", "320571", "310115", "440305", "330100", "110108", "510100"]
        let stages = LeadStage.pipeline
        func lead(_ i: Int, organisation: String) -> Lead {
            let month = Int.random(in: 1...12, using: &random), day = Int.random(in: 1...28, using: &random)
            let fields = LeadFields(firmName: "合成企业 \(i)", regionCode: regions.randomElement(using: &random), nodeId: nodes.randomElement(using: &random),
                                    owner: "owner-\(i % 12)", nextStep: i % 3 == 0 ? "约见 \(i)" : nil,
                                    dueDate: String(format: "%04d-%02d-%02d", Bool.random(using: &random) ? 2026 : 2027, month, day))
            return Lead(organisationId: organisation, fields: fields, stage: stages.randomElement(using: &random) ?? .lead,
                        source: .manual, createdAt: "", updatedAt: "")
        }
        let actor = LeadActor(actor: "bench", at: "2026-11-30T00:00:00Z")
        let cpuBefore = Measurement.cpuSeconds
        let (_, openSeconds) = try await Measurement.asyncSeconds {
            for i in 0..<count { _ = try await store.createLead(lead(i, organisation: "bench-a"), by: actor) }
            for i in 0..<max(1, count / 10) { _ = try await store.createLead(lead(i, organisation: "bench-b"), by: actor) }
        }
        let opened = count + max(1, count / 10)
        let openCPU = Measurement.cpuSeconds - cpuBefore
        print("opened \(opened) leads (one transaction each, with history): \(ms(openSeconds)) (\(ms(openSeconds / Double(opened))) each; cpu \(ms(openCPU)))")
        let today = "2026-11-30"
        try await time("board counts (all)") { _ = try await store.leadBoard(organisation: "bench-a", regionCode: nil, today: today) }
        try await time("board counts (region 320500 and inside)") { _ = try await store.leadBoard(organisation: "bench-a", regionCode: "320500", today: today) }
        try await time("board page reads (counts + 7 columns of 30)") {
            let board = try await store.leadBoard(organisation: "bench-a", regionCode: nil, today: today)
            for column in board.columns where column.count > 0 {
                _ = try await store.leads(LeadQuery(organisationId: "bench-a", stage: column.stage, limit: 30))
            }
        }
        let lists: [(String, LeadQuery)] = [
            ("list page 1 of 50", LeadQuery(organisationId: "bench-a", limit: 50)),
            ("list page 100 of 50", LeadQuery(organisationId: "bench-a", limit: 50, offset: 50 * 99)),
            ("list stage=visit", LeadQuery(organisationId: "bench-a", stage: .visit, limit: 50)),
            ("list region=320500", LeadQuery(organisationId: "bench-a", regionCode: "320500", limit: 50)),
            ("list overdue", LeadQuery(organisationId: "bench-a", overdueBefore: today, limit: 50)),
            ("list owner + node", LeadQuery(organisationId: "bench-a", owner: "owner-3", nodeId: nodes.first, limit: 50)),
            ("list text 约见 12", LeadQuery(organisationId: "bench-a", text: "约见 12", limit: 50)),
        ]
        for (name, query) in lists {
            try await time(name) { _ = try await store.leads(query) }
        }
        print(String(format: "peak RSS %.0f MB", Measurement.peakMemoryMB))
    }

    /// Runs `body` `repeats` times and prints the median and the 99th percentile.
    func time(_ name: String, _ body: () async throws -> Void) async throws {
        var times: [Double] = []
        for _ in 0..<repeats { times.append(try await Measurement.asyncSeconds { try await body() }.1) }
        times.sort()
        let p99 = times[min(times.count - 1, Int((Double(times.count) * 0.99).rounded(.up)) - 1)]
        print("\(name.padding(toLength: 44, withPad: " ", startingAt: 0)) p50 \(ms(times[times.count / 2]))  p99 \(ms(p99))")
    }

    private func ms(_ seconds: Double) -> String { String(format: "%.2f ms", seconds * 1000) }
}

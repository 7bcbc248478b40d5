import ArgumentParser
import Foundation
import BrainIngest
import BrainModel
import BrainStore

enum BenchBackend: String, ExpressibleByArgument, CaseIterable { case sqlite, postgres }

struct BenchStore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Import, snapshot, analytics, search and region-profile latency on SYNTHETIC data of N firms, for SQLite and PostgreSQL.",
        discussion: """
            PostgreSQL needs --postgres: its database's `brain` schema is replaced. With a throwaway server:
              scripts/with-postgres sh -c 'swift run -c release brain bench store --firms 100000 --postgres "$BRAIN_TEST_POSTGRES_URL"'
            """)
    @Option(help: "Synthetic firms to generate (brain generate).") var firms: Int = 100_000
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Option(help: "Real data folder to resample from.") var data: String = "data"
    @Option(help: "Seconds of HTTP load (wrk, 64 connections) against the region-profile route; 0 skips it.") var seconds: Int = 10
    @Option(parsing: .upToNextOption, help: "Backends to measure.") var backends: [BenchBackend] = BenchBackend.allCases
    @Option(help: "PostgreSQL address to benchmark (its `brain` schema is replaced).") var postgres: String?

    func run() async throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("brain-bench-\(firms)-\(seed)")
        defer { try? FileManager.default.removeItem(at: work) }
        let folder = work.appendingPathComponent("data")
        let (_, generate) = try Measurement.seconds {
            try SyntheticDataset(source: URL(fileURLWithPath: data), firms: firms, seed: seed).write(to: folder)
        }
        print("SYNTHETIC \(firms) firms (seed \(seed)); generated in \(Output.number(generate)) s")
        let ((bundle, report), load) = try Measurement.seconds { try BundleLoader(folder: folder).load() }
        print("read and classify \(report.totalRead) rows in \(Output.number(load)) s (shared by both backends' import figures)")
        var results: [StoreBenchResult] = []
        for backend in backends {
            let location: StoreLocation
            switch backend {
            case .sqlite: location = .sqlite(path: work.appendingPathComponent("brain.sqlite").path)
            case .postgres:
                guard let postgres else {
                    print("\npostgres: skipped, no --postgres address (see `brain bench store --help`)"); continue
                }
                location = .postgres(try PostgresLocation(url: postgres))
            }
            print("\n\(backend.rawValue): \(location)")
            let run = StoreBenchRun(backend: backend, location: location, rows: report.totalRead, loadSeconds: load,
                                    seed: seed, seconds: seconds, data: data, work: work)
            results.append(try await run.measure(bundle))
        }
        print("\n" + StoreBenchResult.table(results, firms: firms))
    }
}

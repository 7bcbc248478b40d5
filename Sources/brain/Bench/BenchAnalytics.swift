import ArgumentParser
import Foundation
import BrainAnalytics
import BrainModel

struct BenchAnalytics: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analytics",
        abstract: "Full recompute (matrix, RCA, proximity, density, ECI/PCI, COI/COG) on a SYNTHETIC snapshot shaped like the real data.")
    @OptionGroup var store: StoreOptions
    @Option(help: "Synthetic firms.") var firms: Int = 1_000_000
    @Option(help: "Synthetic regions.") var regions: Int = 3_000
    @Option(help: "Synthetic chain nodes.") var nodes: Int = 150
    @Option(help: "Random seed.") var seed: UInt64 = 7
    @Option(help: "Python with ecomplexity 0.5.3 for the speed ratio (Tests/reference/setup-venv makes one).")
    var python: String = ".venv-reference/bin/python"

    func run() async throws {
        let shape = try await SyntheticShape.fromStore(store.db)
        print("SYNTHETIC data: \(firms) firms, \(regions) regions, \(nodes) nodes, seed \(seed); " + shape.description)
        let (assignments, generate) = Measurement.seconds {
            SyntheticShape.generate(shape, firms: firms, regions: regions, nodes: nodes, seed: seed)
        }
        print(String(format: "generate          %7.3f s", generate))
        let (matrix, aggregate) = Measurement.seconds { () -> LabeledMatrix in
            var values = [Double](repeating: 0, count: regions * nodes)
            for (region, node, employees) in assignments { values[region * nodes + node] += employees }
            return LabeledMatrix(rowLabels: (0..<regions).map { String(format: "R%04d", $0) },
                                 columnLabels: (0..<nodes).map { String(format: "N%03d", $0) }, values: values)
        }
        print(String(format: "matrix (1M firms) %7.3f s", aggregate))
        var phases: [(String, Double)] = []
        let (result, compute) = Measurement.seconds { EconomicComplexity.compute(matrix) { phases.append(($0, $1)) } }
        for (name, seconds) in phases { print("  " + ReportTable.pad(name, 22) + String(format: "%7.3f s", seconds)) }
        let withoutFitness = phases.filter { $0.0 != "fitness-complexity" }.reduce(0) { $0 + $1.1 }
        print(String(format: "RCA…COI/COG       %7.3f s   (%.3f s with fitness–complexity)", withoutFitness, compute))
        print(String(format: "total recompute   %7.3f s   matrix + RCA…COI/COG + fitness; target < 1 s; peak memory %.0f MB",
                     aggregate + compute, Measurement.peakMemoryMB))
        print("kept \(result.diversity.compactMap { $0 }.count) regions × \(result.ubiquity.compactMap { $0 }.count) nodes")
        try compareWithReference(matrix, ours: withoutFitness)
    }

    func compareWithReference(_ matrix: LabeledMatrix, ours: Double) throws {
        guard FileManager.default.isExecutableFile(atPath: python) else {
            print("reference: \(python) not found — run Tests/reference/setup-venv to compare with ecomplexity"); return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("brain-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var csv = "region,sector,value\n"
        for r in 0..<matrix.rowCount { for c in 0..<matrix.columnCount where matrix[r, c] > 0 {
            csv += "\(matrix.rowLabels[r]),\(matrix.columnLabels[c]),\(matrix[r, c])\n"
        } }
        let input = folder.appendingPathComponent("matrix.csv")
        try csv.write(to: input, atomically: true, encoding: .utf8)
        let script = """
        import sys, time, warnings
        import pandas as pd
        from ecomplexity import ecomplexity
        data = pd.read_csv(sys.argv[1]); data["year"] = 2024
        warnings.simplefilter("ignore")
        start = time.perf_counter()
        ecomplexity(data, {"time": "year", "loc": "region", "prod": "sector", "val": "value"}, verbose=False, check_logsupermodularity=False)
        print(time.perf_counter() - start)
        """
        let (status, output) = try Measurement.run(python, ["-c", script, input.path])
        guard status == 0, let theirs = Double(output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            print("reference: ecomplexity failed (exit \(status))"); return
        }
        print(String(format: "ecomplexity 0.5.3 %7.3f s on the same matrix vs %.3f s for the same outputs here → %.1f× faster (target ≥ 20×)",
                     theirs, ours, theirs / ours))
    }
}

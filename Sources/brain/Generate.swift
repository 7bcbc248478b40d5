import ArgumentParser
import Foundation
import BrainIngest

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a reproducible SYNTHETIC data folder (same files as data/) resampled from the real data, for scale tests.")
    @Option(help: "Number of synthetic firms (1–999,999).") var firms: Int = 100_000
    @Option(help: "Random seed: the same seed writes the same files.") var seed: UInt64 = 1
    @Option(help: "Folder to write (replaced).") var out: String
    @Option(help: "Real data folder to resample from.") var data: String = "data"
    @Option(help: "Main products kept per firm.") var productsPerFirm: Int = 3

    func run() throws {
        let start = Date()
        do {
            try SyntheticDataset(source: URL(fileURLWithPath: data), firms: firms, seed: seed, productsPerFirm: productsPerFirm)
                .write(to: URL(fileURLWithPath: out))
        } catch let error as SourceFileError {
            throw CommandFailure("brain generate failed, \(out) left untouched: \(error.description)")
        }
        print(String(format: "wrote %d synthetic firms to %@ in %.2f s (seed %llu); load it with brain build-db --data %@",
                     firms, out, Date().timeIntervalSince(start), seed, out))
    }
}

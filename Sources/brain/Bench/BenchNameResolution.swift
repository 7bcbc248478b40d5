import Foundation
import BrainModel
import BrainStore

/// `brain bench names --store`: single names resolved against the store, scored against hand labels.
struct BenchNameResolution {
    let labels: String

    func run(_ store: any Store) async throws {
        let text = try String(contentsOf: URL(fileURLWithPath: labels), encoding: .utf8)
        // Fields are read untrimmed: some names carry spaces or invisible characters on purpose.
        let rows = text.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
            .filter { $0.count >= 3 }
        let resolutions = try await store.resolveNames(rows.map { $0[0] })
        var right: [String: Int] = [:], total: [String: Int] = [:], falseResolutions: [String] = [], wrongFirm: [String] = [], missed: [String] = []
        for (row, resolution) in zip(rows, resolutions) {
            let expected = row[1].isEmpty ? nil : row[1], category = row[2]
            total[category, default: 0] += 1
            let got = resolution.enterpriseId
            if got == expected { right[category, default: 0] += 1; continue }
            let evidence = resolution.matches.map { "\($0.enterpriseId) by \($0.kind.rawValue) \($0.name)" }.joined(separator: ", ")
            if expected == nil { falseResolutions.append("\(row[0]) → \(evidence)") }
            else if got != nil { wrongFirm.append("\(row[0]) → \(evidence), expected \(row[1])") }
            else { missed.append("\(row[0]) → \(resolution.status.rawValue)\(evidence.isEmpty ? "" : " " + evidence), expected \(row[1])") }
        }
        let correct = right.values.reduce(0, +)
        print(String(format: "\nresolution against the store: %.1f %% right (%d of %d), false resolutions %d, wrong firm %d, missed %d",
                     100 * Double(correct) / Double(max(rows.count, 1)), correct, rows.count, falseResolutions.count, wrongFirm.count, missed.count))
        for category in total.keys.sorted() where right[category, default: 0] < total[category, default: 0] {
            print("  \(ReportTable.pad(category, 22)) \(right[category, default: 0]) / \(total[category, default: 0])")
        }
        for line in falseResolutions { print("  false resolution: \(line)") }
        for line in wrongFirm { print("  wrong firm: \(line)") }
        for line in missed { print("  missed: \(line)") }
        // Throughput: the labelled names repeated, resolved in batches of 1,000 as `brain resolve` reads standard input.
        let names = Array(repeating: rows.map { $0[0] }, count: max(1, 20_000 / max(rows.count, 1))).flatMap { $0 }
        let start = Date()
        for batch in stride(from: 0, to: names.count, by: 1_000) {
            _ = try await store.resolveNames(Array(names[batch..<min(batch + 1_000, names.count)]))
        }
        let seconds = Date().timeIntervalSince(start)
        print(String(format: "throughput %.0f names/s (%d names in %.2f s, batches of 1,000, one lookup query per batch)",
                     Double(names.count) / max(seconds, 1e-9), names.count, seconds))
    }
}

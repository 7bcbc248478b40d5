import ArgumentParser
import Foundation
import BrainAnalytics
import BrainModel
import BrainStore

/// `brain bench market`: the supply–demand market at a size no real user has yet — thousands of demands and talents —
/// on a throwaway copy of a SQLite database. The records are synthetic (names say 合成) and vanish with the copy.
struct BenchMarket: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "market",
                                                    abstract: "Time posting, listing and matching demands with many synthetic demands and talents (on a copy).")
    @OptionGroup var store: StoreOptions
    @Option(help: "Synthetic demands to post.") var demands = 2_000
    @Option(help: "Synthetic talents to import.") var talents = 10_000
    @Option(help: "Seed of the synthetic records.") var seed: UInt64 = 7

    func run() async throws {
        guard !store.db.hasPrefix("postgres") else { throw CommandFailure("bench market works on a copy of a SQLite database file") }
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("brain-bench-market-\(UUID().uuidString).sqlite")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: store.db), to: copy)
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: copy.path + suffix) } }
        let market = try SQLiteStore(path: copy.path)
        let index = SnapshotIndex(try await market.snapshot().restricted(to: .listed))
        _ = try await market.createOrganisation(id: "bench-a", name: "合成机构甲")
        _ = try await market.createOrganisation(id: "bench-b", name: "合成机构乙")
        var random = SplitMix64(seed: seed)
        let cities = index.regions(at: .city).map(\.code), nodes = index.data.taxonomy.nodes
        let services = nodes.filter(ServiceNodes.contains)
        let demandRecords = (0..<demands).map { i -> NewMarketRecord in
            let service = i % 2 == 0
            let node = service ? services.randomElement(using: &random)! : nodes.randomElement(using: &random)!
            return NewMarketRecord(.demand(Demand(need: service ? .service : .talent, title: "合成需求 \(i)", nodeId: node.id,
                                                  regionCode: cities.randomElement(using: &random)!, minDegree: service ? nil : .master, minYears: service ? nil : 3)),
                                   shared: i % 3 == 0)
        }
        let talentRecords = (0..<talents).map { i -> NewMarketRecord in
            NewMarketRecord(.talent(Talent(name: "合成人才 \(i)", regionCode: cities.randomElement(using: &random)!,
                                           nodeIds: [nodes.randomElement(using: &random)!.id], degree: Degree.allCases.randomElement(using: &random),
                                           honours: Int.random(in: 0..<10, using: &random) == 0 ? [.nationalLeading] : [],
                                           papers: Int.random(in: 0..<120, using: &random), hIndex: Int.random(in: 0..<60, using: &random),
                                           patents: Int.random(in: 0..<25, using: &random), industryYears: Int.random(in: 0..<20, using: &random))),
                            shared: i % 2 == 0)
        }
        let (_, postSeconds) = try await Measurement.asyncSeconds {
            try await market.addMarketRecords(demandRecords, organisation: "bench-a", header: nil)
        }
        let (_, importSeconds) = try await Measurement.asyncSeconds {
            try await market.addMarketRecords(talentRecords, organisation: "bench-b", header: nil)
        }
        print("posted \(demands) demands in one transaction: \(ms(postSeconds)); imported \(talents) talents: \(ms(importSeconds))")
        let (visible, listSeconds) = try await Measurement.asyncSeconds { try await market.marketRecords(.talent, visibleTo: "bench-a") }
        let (_, demandListSeconds) = try await Measurement.asyncSeconds { try await market.marketRecords(.demand, visibleTo: "bench-b") }
        print("talents visible to another organisation: \(visible.count) listed in \(ms(listSeconds)); demands listed in \(ms(demandListSeconds))")
        let (matching, buildSeconds) = Measurement.seconds { DemandMatching(index, quality: EnterpriseQuality(index, city: LevelAnalysis(index, level: .city))) }
        print("matcher built (quality, offers) in \(ms(buildSeconds))")
        let offers = try await market.marketRecords(.offer, visibleTo: "bench-a")
        let sample = demandRecords.prefix(40).compactMap(\.body.demand)
        var serviceTimes: [Double] = [], talentTimes: [Double] = []
        for demand in sample {
            let market = demand.need == .service ? offers : visible
            let (_, seconds) = try Measurement.seconds { try matching.match(demand, market: market, limit: 20) }
            if demand.need == .service { serviceTimes.append(seconds) } else { talentTimes.append(seconds) }
        }
        print("match a service demand (firms + imported offers): median \(ms(median(serviceTimes))), worst \(ms(serviceTimes.max() ?? 0)) over \(serviceTimes.count)")
        print("match a talent demand over \(visible.count) talents: median \(ms(median(talentTimes))), worst \(ms(talentTimes.max() ?? 0)) over \(talentTimes.count)")
        print(String(format: "peak RSS %.0f MB", Measurement.peakMemoryMB))
    }

    private func ms(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }

    private func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }
}

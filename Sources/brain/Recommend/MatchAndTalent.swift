import ArgumentParser
import Foundation
import BrainAnalytics
import BrainModel
import BrainUseCases

struct Match: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Supply–demand matching of service resources (CRO, CDMO, reagents, equipment, instruments, testing).",
        subcommands: [MatchOffers.self, MatchDemands.self])
}

/// `brain match offers --service cro --region 320500`: firms offering a service, nearest and strongest first.
struct MatchOffers: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "offers", abstract: "Offers of a service for a region's need, ranked with reasons.")
    @OptionGroup var store: StoreOptions
    @Option(help: "Service node: cro, cdmo, reagents-consumables, pharma-equipment, scientific-instruments, diagnostic-services or a sub-node.")
    var service: String
    @Option(help: "Region of the need (six-digit code).")
    var region: String
    @Option(help: "How many offers to list.")
    var limit = 10
    @Flag(help: "Print JSON.")
    var json = false

    func run() async throws {
        let offers = try await AnalyticsLoader.workbench(store.db).serviceOffers()
        let match = try AnalyticsLoader.answer { () throws(AnalyticsError) in try offers.match(service: service, region: region, limit: limit) }
        if json { return try Output.json(match, language: .zh) }
        print("\(match.service.nameZh) for \(match.region.name): \(match.offers) firms offer it — \(match.formula)")
        for offer in match.matches {
            print(String(format: "%3d  %.3f  ", offer.rank, offer.score) + "\(offer.firm.name) (\(offer.firm.id), \(offer.firm.cityName ?? "–")) — "
                  + ReasonText.render(offer.reasons, in: .zh, separator: "; "))
        }
    }
}

/// `brain match demands --org ID`: the demands the organisation can see, each with who can meet it.
struct MatchDemands: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demands",
                                                    abstract: "Match the demands an organisation can see (its own and shared ones) to offers or talents, with reasons.")
    @OptionGroup var market: MarketOptions
    @Option(help: "Only this demand.") var demand: Int?
    @Option(help: "How many matches per demand.") var limit = 5
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        let store = try await openStore(market.store.db)
        var demands = try await store.marketRecords(.demand, visibleTo: market.org)
        if let demand { demands = demands.filter { $0.id == demand } }
        if let demand, demands.isEmpty { throw CommandFailure("no demand #\(demand) that \(market.org) can see") }
        let matching = try await AnalyticsLoader.workbench(market.store.db).demandMatching()
        let offers = try await store.marketRecords(.offer, visibleTo: market.org), talents = try await store.marketRecords(.talent, visibleTo: market.org)
        var results: [DemandMatching.Result] = []
        for record in demands {
            guard let d = record.body.demand else { continue }
            let result = try AnalyticsLoader.answer { () throws(AnalyticsError) in
                try matching.match(d, market: d.need == .service ? offers : talents, limit: limit)
            }
            results.append(result)
            if json { continue }
            print(MarketCommands.line(record))
            print("  \(result.candidates) candidates — \(result.formula)")
            for m in result.matches {
                print(String(format: "  %3d  %.3f  ", m.rank, m.score) + "\(m.name) [\(m.source.rawValue)] — " + ReasonText.render(m.reasons, in: .zh, separator: "; "))
            }
        }
        if json { try Output.json(results, language: .zh) } else if demands.isEmpty { print("no demands \(market.org) can see: brain demand post --org \(market.org) …") }
    }
}

/// `brain talent 320500`: the region's talent supply — universities, medical universities, employees by chain node.
struct TalentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "talent", abstract: "Talent supply of a region: universities and employees by chain node.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "Six-digit region code.")
    var region: String
    @Option(help: "Count the talent demands and talents this organisation can see (default: shared ones only).")
    var org: String?
    @Flag(help: "Print JSON.")
    var json = false

    func run() async throws {
        let store = try await openStore(self.store.db)
        let index = try await AnalyticsLoader.workbench(self.store.db).index
        let market = try await store.marketRecords(.demand, visibleTo: org) + store.marketRecords(.talent, visibleTo: org)
        let cube = try AnalyticsLoader.answer { () throws(AnalyticsError) in try TalentCube.report(index, region: region, market: market) }
        if json { return try Output.json(cube) }
        print("\(cube.region.name): \(cube.universities) universities (rank \(cube.universitiesRank) of \(cube.regionsRanked)), "
              + "\(cube.medicalUniversities) medical or pharmacy (\(cube.medicalUniversityNames.joined(separator: "、"))); "
              + "\(cube.biomedicineEmployees) employees in listed biomedicine firms")
        for node in cube.nodes { print("  \(node.node.nameZh): \(node.employees) employees in \(node.firms) firms, rank \(node.rank) of \(node.of)") }
        let demand = cube.demand
        print("demand: \(demand.demands) talent demands for \(demand.headcount) people; \(demand.talents) talents located here — \(demand.note)")
        for node in demand.nodes { print("  \(node.node.nameZh): \(node.demands) demands, \(node.headcount) people") }
    }
}

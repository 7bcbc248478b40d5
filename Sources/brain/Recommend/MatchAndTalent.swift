import ArgumentParser
import Foundation
import BrainAnalytics
import BrainModel

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
        let index = try await AnalyticsLoader.index(store.db)
        let offers = ServiceOffers(index, quality: EnterpriseQuality(index, city: LevelAnalysis(index, level: .city)))
        let match = try AnalyticsLoader.answer { () throws(AnalyticsError) in try offers.match(service: service, region: region, limit: limit) }
        if json { return try Output.json(match) }
        print("\(match.service.nameZh) for \(match.region.name): \(match.offers) firms offer it — \(match.formula)")
        for offer in match.matches {
            print(String(format: "%3d  %.3f  ", offer.rank, offer.score) + "\(offer.firm.name) (\(offer.firm.id), \(offer.firm.cityName ?? "–")) — "
                  + offer.reasons.joined(separator: "; "))
        }
    }
}

/// `brain match demands`: matching posted demands needs demands stored with their organisation, not built yet.
struct MatchDemands: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demands", abstract: "Not built yet: posted demands and their privacy.")
    func run() async throws {
        throw CommandFailure("posting and matching demands (private to their organisation until shared) is not built yet; "
                             + "`brain match offers --service S --region R` matches a need given on the command line")
    }
}

/// `brain talent 320500`: the region's talent supply — universities, medical universities, employees by chain node.
struct Talent: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Talent supply of a region: universities and employees by chain node.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "Six-digit region code.")
    var region: String
    @Flag(help: "Print JSON.")
    var json = false

    func run() async throws {
        let index = try await AnalyticsLoader.index(store.db)
        let cube = try AnalyticsLoader.answer { () throws(AnalyticsError) in try TalentCube.report(index, region: region) }
        if json { return try Output.json(cube) }
        print("\(cube.region.name): \(cube.universities) universities (rank \(cube.universitiesRank) of \(cube.regionsRanked)), "
              + "\(cube.medicalUniversities) medical or pharmacy (\(cube.medicalUniversityNames.joined(separator: "、"))); "
              + "\(cube.biomedicineEmployees) employees in listed biomedicine firms")
        for node in cube.nodes { print("  \(node.node.nameZh): \(node.employees) employees in \(node.firms) firms, rank \(node.rank) of \(node.of)") }
        print("demand: \(cube.demand)")
    }
}

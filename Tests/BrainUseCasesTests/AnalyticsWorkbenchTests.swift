import Foundation
import Testing
import BrainAnalytics
import BrainIngest
import BrainModel
import BrainUseCases

/// The repository's real `data/`, loaded once for the use-case tests.
enum UseCaseFixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let dataFolder = root.appendingPathComponent("data")
    private static let loaded: Result<DataBundle, any Error> = Result { try BundleLoader(folder: dataFolder).load().bundle }
    static func bundle() throws -> DataBundle { try loaded.get() }
}

@Suite struct AnalyticsWorkbenchTests {
    @Test func aWorkbenchCountsTheListedFirmsAndIsItsOwnListedSibling() async throws {
        let bundle = try UseCaseFixture.bundle()
        let workbench = try await AnalyticsWorkbench<NoExtras>.make(bundle: bundle, dataFolder: UseCaseFixture.dataFolder)
        #expect(workbench.layers == .listed)
        #expect(try await workbench.layered(.listed) === workbench)
        #expect(workbench.index.data.enterprises.count == bundle.restricted(to: .listed).enterprises.count)
        let city = try await workbench.analysis(level: .city)
        #expect(city.level == .city)
    }

    /// The CLI's old `DemandMatching(index, quality:)` and the server's `(index, offers:)` rank alike: the workbench
    /// keeps the server's (offers built once) and both front ends use it.
    @Test func demandMatchingMatchesTheOneBuiltFromQuality() async throws {
        let workbench = try await AnalyticsWorkbench<NoExtras>.make(bundle: try UseCaseFixture.bundle())
        let offers = try await workbench.serviceOffers()
        let fromWorkbench = try offers.match(service: "cro", region: "320500", limit: 5)
        let rebuilt = try ServiceOffers(workbench.index, quality: try await workbench.enterpriseQuality()).match(service: "cro", region: "320500", limit: 5)
        #expect(fromWorkbench.matches.map(\.firm.id) == rebuilt.matches.map(\.firm.id))
        #expect(!fromWorkbench.matches.isEmpty, "Suzhou has CRO firms in the bundled data")
        _ = try await workbench.demandMatching()
    }
}

import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import BrainStore
@testable import BrainServer
import BrainAnalytics
import BrainModel
import BrainUseCases

/// Analyses kept on disk between starts (issue 14) give exactly what computing them gives: the region reports, the
/// 招商 targets and the region page, byte for byte, on the bundled data; a changed snapshot computes them afresh.
@Suite(.timeLimit(.minutes(20))) struct KeptAnalyticsTests {
    static let kept = ["product-links", "enterprise-quality", "innovation-index-city-2019-2023",
                       "innovation-index-province-2019-2023", "innovation-index-district-2019-2023"]
    static let paths = ["/api/regions/320500/report", "/api/regions/320506/report", "/api/regions/320000/report",
                        "/api/regions/320500/targets", "/api/regions/320506/targets?strategy=extend", "/regions/320500", "/regions/320506"]

    /// A private copy of the fixture database: the pages are compared byte for byte between two servers, and other
    /// suites running beside this one import into the shared store (a fresh-clone run saw an import's layer appear
    /// on the second server's page).
    static let store: Result<SQLiteStore, any Error> = Result { try SQLiteStore(path: try ServerFixture.databaseCopy()) }

    /// The bodies of `paths` from a fresh application on this suite's database (the pages' per-response nonce removed).
    static func bodies(cacheFolder: URL?) async throws -> [String] {
        var configuration = ServerFixture.configuration
        configuration.analyticsCacheFolder = cacheFolder
        let collected = Collected()
        let app = try await buildApplication(store: try store.get(), configuration: configuration)
        try await app.test(.router) { client in
            for path in paths {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .ok, "\(path)")
                    collected.append(String(buffer: response.body).replacing(/nonce="[^"]*"/, with: "nonce"))
                }
            }
        }
        return collected.all
    }

    @Test func keptAnalysesGiveTheComputedReportsTargetsAndPages() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("brain-kept-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let bundle = try await Self.store.get().snapshot()
        let disk = AnalyticsDiskCache(folder: folder)

        // Computed (nothing on disk yet), then written as the server does after its warm-up.
        let computed = try await AnalyticsGeneration.make(bundle: bundle, disk: disk)
        try await computed.persist()
        #expect(computed.analysesOnDisk == Set(Self.kept))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == Self.kept.map { $0 + ".cache" }.sorted())

        // The next start on the same snapshot loads them all, and they answer as the computed ones do.
        let loaded = try await AnalyticsGeneration.make(bundle: bundle, disk: disk)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for level in [RegionLevel.city, .district] {
            let fresh = try await computed.investmentTargets(level: level), again = try await loaded.investmentTargets(level: level)
            let code = level == .city ? "320500" : "320506"
            for strategy in [TargetStrategy.balanced, .extend, .fill] {
                let a = try fresh.report(region: code, sameProvince: .include, strategy: strategy)
                let b = try again.report(region: code, sameProvince: .include, strategy: strategy)
                #expect(try encoder.encode(a) == encoder.encode(b))
            }
        }
        for level in [RegionLevel.city, .province, .district] {
            let a = try await computed.innovationIndex(level: level, years: InnovationIndexYears.standard)
            let b = try await loaded.innovationIndex(level: level, years: InnovationIndexYears.standard)
            #expect(try encoder.encode(a) == encoder.encode(b))
        }
        #expect(try await encoder.encode(computed.enterpriseQuality().ranking) == encoder.encode(loaded.enterpriseQuality().ranking))
        let links = try await computed.productLinks(), linksAgain = try await loaded.productLinks()
        #expect(links.links == linksAgain.links && links.dropped == linksAgain.dropped && links.makers == linksAgain.makers)
        for name in links.makers.keys.sorted().prefix(500) {
            #expect(links.nodes(of: name) == linksAgain.nodes(of: name) && links.isBiomedicine(name) == linksAgain.isBiomedicine(name))
        }
        #expect(loaded.analysesOnDisk == Set(Self.kept), "every kept analysis was loaded, none computed")

        // The server with the kept analyses serves what one without them computes.
        let withKept = try await Self.bodies(cacheFolder: folder)
        let withoutKept = try await Self.bodies(cacheFolder: nil)
        for (path, (a, b)) in zip(Self.paths, zip(withKept, withoutKept)) { #expect(a == b, "\(path)") }
    }

    @Test func aChangedSnapshotComputesAfresh() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("brain-kept-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let bundle = try await Self.store.get().snapshot()
        let disk = AnalyticsDiskCache(folder: folder)
        try await AnalyticsGeneration.make(bundle: bundle, disk: disk).persist()

        var changed = bundle
        changed.enterprises.removeAll { $0.cityCode == "320500" }
        let after = try await AnalyticsGeneration.make(bundle: changed, disk: disk)
        let plain = try await AnalyticsGeneration.make(bundle: changed)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(try await encoder.encode(after.enterpriseQuality().ranking) == encoder.encode(plain.enterpriseQuality().ranking))
        #expect(try await encoder.encode(after.innovationIndex(level: .city, years: InnovationIndexYears.standard))
                == encoder.encode(plain.innovationIndex(level: .city, years: InnovationIndexYears.standard)))
        #expect(try await after.productLinks().links == plain.productLinks().links)
        #expect(after.analysesOnDisk.isEmpty, "nothing kept for the old snapshot was used")
    }
}

private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var bodies: [String] = []
    func append(_ body: String) { lock.withLock { bodies.append(body) } }
    var all: [String] { lock.withLock { bodies } }
}

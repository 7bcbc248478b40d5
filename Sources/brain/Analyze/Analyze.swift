import ArgumentParser
import Foundation
import BrainAnalytics
import BrainModel
import BrainStore
import BrainUseCases

struct Analyze: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Analytics on the store (or on your own files): specialisation, opportunities, gaps, chokepoints, peers, quality, index, cluster, complexity.",
        subcommands: [AnalyzeProfile.self, AnalyzeOpportunities.self, AnalyzeGaps.self, AnalyzeChokepoints.self, AnalyzePeers.self,
                      AnalyzeQuality.self, AnalyzeIndex.self, AnalyzeCluster.self, AnalyzePark.self, AnalyzeComplexity.self])
}

/// Options of the region-level methods.
struct RegionAnalysisOptions: ParsableArguments {
    @OptionGroup var store: StoreOptions
    @Argument(help: "Six-digit region code, e.g. 320500 (苏州市) or 320000 (江苏省).")
    var region: String
    @Option(help: "Region level to compare at: province, city or district (default: the region's own level).")
    var level: RegionLevel?
    @Option(help: "What a cell adds up: firms, employees or assets.")
    var measure: Measure = .firms
    @Option(help: "Presence threshold on RCA / LQ.")
    var threshold: Double = 1
    @Flag(help: "Print JSON.")
    var json = false
    @Option(help: "Language of the printed reasons and labels: zh (default) or en.")
    var lang: DisplayLanguage = .zh

    /// Loads the snapshot and computes the level the region is compared at.
    func analysis() async throws -> LevelAnalysis { try await loaded().analysis }

    /// The snapshot's workbench and the analysis at the level the region is compared at.
    func loaded() async throws -> (workbench: AnalyticsLoader.Workbench, analysis: LevelAnalysis) {
        let workbench = try await AnalyticsLoader.workbench(store.db)
        guard let found = workbench.index.regionsByCode[region] else { throw ValidationError("unknown region \(region)") }
        let level = level ?? found.level
        guard level != .country else { throw ValidationError("pick a province, city or district, or pass --level") }
        return (workbench, try await workbench.analysis(level: level, measure: measure, threshold: threshold))
    }
}

extension RegionLevel: ExpressibleByArgument {}
extension Measure: ExpressibleByArgument {}
extension DisplayLanguage: ExpressibleByArgument {}

enum AnalyticsLoader {
    /// The CLI's analytics: the same workbench the server keeps, one per command, with nothing kept beside it.
    typealias Workbench = AnalyticsWorkbench<NoExtras>

    /// The store's snapshot and its analyses, each built where the server builds it. They count the listed firms, as
    /// the product's default figures do (issue 15): imports and the NMPA register are layers a page may choose.
    /// `dataFolder` holds the policy rules (policy matching only).
    static func workbench(_ path: String, dataFolder: URL? = nil) async throws -> Workbench {
        // The server logs each computation's time; a command's standard error is the user's.
        HeavyWork.quietTimings()
        return try await Workbench.make(bundle: try await openStore(path).snapshot(), dataFolder: dataFolder)
    }

    /// The listed firms' index alone (benches that time the analyses themselves).
    static func index(_ path: String) async throws -> SnapshotIndex { try await workbench(path).index }

    /// An analytics call's result, its `AnalyticsError` turned into the command's error message. (A typed `catch`
    /// of that error inside an async command crashes the Swift 6.3 compiler; this synchronous step avoids it.)
    static func answer<T>(_ body: () throws(AnalyticsError) -> T,
                          failure: (AnalyticsError) -> any Error = { ValidationError($0.description) }) throws -> T {
        switch Result(catching: body) {
        case .success(let value): return value
        case .failure(let error): throw failure(error)
        }
    }
}

enum Output {
    /// With `language`, reasons carry their `text` in it (as the API's `?lang=` does).
    static func json<T: Encodable>(_ value: T, language: DisplayLanguage? = nil) throws {
        let encoder = JSONEncoder()
        if let language { encoder.userInfo[ReasonEncoding.key] = ReasonEncoding.language(language) }
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        FileHandle.standardOutput.write(try encoder.encode(value))
        print()
    }

    static func number(_ x: Double?, _ digits: Int = 2) -> String {
        guard let x else { return "–" }
        return String(format: "%.\(digits)f", x)
    }

    static func row(_ cells: [(String, Int)]) -> String {
        cells.map { text, width in width < 0 ? ReportTable.pad(text, -width, left: true) : ReportTable.pad(text, width) }.joined(separator: " ")
    }
}

/// Maps analytics errors to clear CLI errors.
func analytics<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let error as AnalyticsError { throw CommandFailure(error.description) }
}

/// A failure caused by the data or files given, not by the command line: printed without the usage text.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

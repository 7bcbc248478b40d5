import Foundation
import BrainUseCases

/// One snapshot of the store and everything computed from it: the analyses (the use-case layer's workbench, each
/// computed once) and, beside them, the pages and search answers the server built from them. Never changes once made;
/// an import makes a new generation beside it and `AnalyticsCache` swaps that in when it is ready, so a reader holds
/// one consistent generation for its whole request and the old one's memory goes with its last reader.
typealias AnalyticsGeneration = AnalyticsWorkbench<GenerationCaches>

/// The server's caches that live and die with one generation.
final class GenerationCaches: WorkbenchExtras {
    /// Region reports by code (the struct, so a page view neither rebuilds nor decodes one); the most recently viewed
    /// `maxRegionReports` (a client walking every code must not hold ~3,500 reports).
    let regionReports = OnceMap<String, RegionReport>(capacity: AnalyticsGeneration.maxRegionReports)
    /// Rendered region pages by code and the talent demand the viewer sees.
    let regionPages = AnalyticsGeneration.makeRegionPageCache()
    /// `/api/search` bodies and `/search` pages by query.
    let searches = AnalyticsGeneration.makeSearchCache()

    required init() {}
}

extension AnalyticsWorkbench where Extras == GenerationCaches {
    static var maxRegionReports: Int { 600 }
    static func makeRegionPageCache() -> ResponseCache { ResponseCache(capacity: 4_000, maxBytes: 96 << 20) }
    static func makeSearchCache() -> ResponseCache { ResponseCache(capacity: 5_000, maxBytes: 32 << 20) }

    var regionReports: OnceMap<String, RegionReport> { extras.regionReports }
    var regionPages: ResponseCache { extras.regionPages }
    var searches: ResponseCache { extras.searches }
}

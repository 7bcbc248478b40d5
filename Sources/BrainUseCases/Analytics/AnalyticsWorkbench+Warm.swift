import Foundation
import BrainAnalytics
import BrainModel

extension AnalyticsWorkbench {
    /// Starts, side by side, the analyses a region page at `level` needs (issue 14). The page awaits them one after
    /// another; each started here is the one it then awaits (`OnceCell`), so right after a start the page waits for
    /// the longest of them instead of their sum (the innovation index beside the product links and 招商 targets).
    /// Runs at the request's priority; what finishes after the page stays cached, as the warm-up would have left it.
    public func startRegionPage(level: RegionLevel) {
        Task { [self] in
            async let links: Void = { _ = try? await nodeLinks() }()
            async let index: Void = { _ = try? await innovationIndex(level: level, years: InnovationIndexYears.standard) }()
            async let targets: Void = { _ = try? await investmentTargets(level: level) }()
            async let offers: Void = { _ = try? await serviceOffers() }()
            _ = await (links, index, targets, offers)
        }
    }

    /// Computes what page views need, in two lanes (two cores): first the heavy parts every page family shares — the
    /// vetted product links (region pages: gaps, chokepoints, 招商 targets) beside the product graph (search, chain
    /// explorer) — then what a city's region page needs (the default region is a city), then provinces, then districts.
    /// Runs in the background (`HeavyPriority`): a visitor's page computes what it needs ahead of this.
    public func warm() async throws {
        async let pages: Void = warmPageAnalyses()
        async let indices: Void = warmIndices()
        _ = try await (pages, indices)
    }

    private func warmPageAnalyses() async throws {
        _ = try await nodeLinks()
        for level in [RegionLevel.city, .province, .district] {
            _ = try await analysis(level: level)
            if level == .city { _ = try await serviceOffers() }
            _ = try await investmentTargets(level: level)
        }
    }

    private func warmIndices() async throws {
        _ = try await productGraph()
        for level in [RegionLevel.city, .province, .district] {
            _ = try await innovationIndex(level: level, years: InnovationIndexYears.standard)
        }
    }
}

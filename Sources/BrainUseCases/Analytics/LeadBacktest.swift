import Foundation
import BrainAnalytics
import BrainModel
import BrainStore

/// The backtest on an organisation's 招商 outcomes (issue 19 item 3): its leads read from the store, turned into
/// labels (`TargetBacktest.leadLabels`) and scored against the learned model and the baselines
/// (`TargetBacktest.leads`). The CLI's `brain bench recommend --leads-org` calls this.
public enum LeadBacktest {
    public enum Failure: Error, CustomStringConvertible {
        case unknownOrganisation(String)
        case ambiguousOrganisation(String, [String])

        public var description: String {
            switch self {
            case .unknownOrganisation(let text): "no organisation with the id or name \(text) (brain org list)"
            case .ambiguousOrganisation(let text, let ids): "several organisations are named \(text): \(ids.joined(separator: ", ")); give the id"
            }
        }
    }

    /// The organisation whose id is `text`, or else the one named `text`.
    public static func organisation(_ text: String, in store: any MarketStore) async throws -> Organisation {
        if let byId = try await store.organisation(id: text) { return byId }
        let named = try await store.organisations().filter { $0.name == text }
        guard let only = named.first else { throw Failure.unknownOrganisation(text) }
        guard named.count == 1 else { throw Failure.ambiguousOrganisation(text, named.map(\.id)) }
        return only
    }

    /// Every lead of the organisation (the store lists at most 10,000 at a time, so page through them).
    public static func allLeads(of organisation: String, in store: any LeadStore) async throws -> [Lead] {
        var leads: [Lead] = []
        let size = 5_000
        while true {
            let page = try await store.leads(LeadQuery(organisationId: organisation, limit: size, offset: leads.count))
            leads += page.items
            if page.items.count < size || leads.count >= page.total { return leads }
        }
    }

    /// The organisation's leads as labels at `level` and the rankings' figures on them.
    public static func run<Extras>(_ workbench: AnalyticsWorkbench<Extras>, store: any LeadStore, organisation: String, level: RegionLevel,
                                   minimumPositives: Int, replicates: Int, seed: UInt64) async throws -> TargetBacktest.LeadEvaluation {
        let leads = try await allLeads(of: organisation, in: store)
        let targets = try await workbench.investmentTargets(level: level)
        let labels = TargetBacktest.leadLabels(leads, index: workbench.index, level: level)
        guard labels.positives >= max(minimumPositives, 1) else {
            return TargetBacktest.LeadEvaluation(labels: labels, minimumPositives: minimumPositives)
        }
        return try await HeavyWork.run("lead backtest") {
            TargetBacktest.leads(targets, labels: labels, model: TargetBacktest.fittedModel(targets, seed: seed),
                                 minimumPositives: minimumPositives, replicates: replicates, seed: seed)
        }
    }
}

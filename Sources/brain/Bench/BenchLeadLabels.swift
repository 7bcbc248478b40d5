import ArgumentParser
import Foundation
import BrainAnalytics
import BrainModel
import BrainUseCases

/// `brain bench recommend --leads-org`: the rankings scored on an organisation's signed, landed and dropped leads
/// (`LeadBacktest`), printed as the random folds are, with how many labels they rest on.
enum BenchLeadLabels {
    static func run(_ options: BenchRecommend, organisation text: String) async throws {
        let store = try await openStore(options.store.db)
        let organisation = try await LeadBacktest.organisation(text, in: store)
        let workbench = try await AnalyticsLoader.workbench(options.store.db)
        let (result, seconds) = try await Measurement.asyncSeconds {
            try await LeadBacktest.run(workbench, store: store, organisation: organisation.id, level: options.level,
                                       minimumPositives: options.minimumLabels, replicates: options.replicates, seed: options.seed)
        }
        if options.json { return try Output.json(result) }
        print(LeadBacktest.report(result, organisation: organisation, level: options.level, seconds: seconds, replicates: options.replicates).joined(separator: "\n"))
    }
}

import ArgumentParser
import Foundation
import BrainAnalytics
import BrainIngest
import BrainModel
import BrainUseCases

/// `brain policies 600276.SH`: the policy clauses an enterprise can claim, with the conditions checked;
/// `brain policies --policy sz-hq`: the firms that qualify for one clause.
struct Policies: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Policy matching: an enterprise's clauses, or a clause's firms.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "Enterprise id, e.g. 600276.SH.")
    var enterprise: String?
    @Option(help: "A policy clause id (see data/policies/policies.csv): list the firms that qualify.")
    var policy: String?
    @Option(help: "Folder with the bundled data (policies/eligibility.json).")
    var data = "data"
    @Flag(help: "Print JSON.")
    var json = false

    func run() async throws {
        let workbench = try await AnalyticsLoader.workbench(store.db, dataFolder: URL(fileURLWithPath: data))
        var matcher: PolicyMatcher
        do { matcher = try await workbench.policyMatcher() } catch let error as PolicyRulesLoader.RuleError {
            throw CommandFailure(error.description)
        }
        // The operator sees the bundled clauses and the public imported ones (`brain import --kind policies`).
        matcher = matcher.including(try await openStore(store.db).importedPolicies(visibleTo: nil))
        if let policy {
            let firms = try AnalyticsLoader.answer({ () throws(AnalyticsError) in try matcher.firms(policy: policy) },
                                                   failure: { _ in ValidationError("unknown policy \(policy)") })
            if json { return try Output.json(firms) }
            print("\(firms.policy.clause) — \(firms.policy.eligibility) (\(firms.policy.title))")
            print("rule: \(firms.rule.joined(separator: "; "))\(firms.note.map { "; \($0)" } ?? "")")
            print("eligible \(firms.eligibleCount): " + firms.eligible.prefix(20).map(\.name).joined(separator: "、"))
            print("possible, pending data \(firms.possibleCount): " + firms.possible.prefix(20).map(\.name).joined(separator: "、"))
            return
        }
        guard let enterprise else { throw ValidationError("name an enterprise id, or --policy ID") }
        let matches = try AnalyticsLoader.answer({ () throws(AnalyticsError) in try matcher.matches(enterprise: enterprise) },
                                                 failure: { _ in ValidationError("unknown enterprise \(enterprise)") })
        if json { return try Output.json(matches) }
        for match in matches {
            let amount = match.maxAmountWan.map { " · up to \(Int($0)) 万元" } ?? ""
            print("\(match.status.padding(toLength: 12, withPad: " ", startingAt: 0)) \(match.policy.clause)\(amount) — \(match.policy.eligibility)")
            for condition in match.conditions {
                print("             \(condition.met.map { $0 ? "✔" : "✘" } ?? "?") \(condition.condition): \(condition.value)")
            }
            if let action = match.action { print("             must: \(action)") }
        }
    }
}

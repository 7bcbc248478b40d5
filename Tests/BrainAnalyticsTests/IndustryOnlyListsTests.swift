import Foundation
import Testing
import BrainAnalytics
import BrainIngest
import BrainModel

/// On the real bundle, no firm outside biomedicine reaches a list a person acts on: chain nodes, 招商 targets, policy
/// lists, related firms. The non-biomedicine firms are the hand-labelled ones (Tests/labelled/chain-placement.tsv,
/// is_biomedicine = 0: insurers, coal, liquor, chemicals…) plus every firm the classifier left off the chain.
@Suite struct IndustryOnlyListsTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let index: Result<SnapshotIndex, any Error> = Result {
        SnapshotIndex(try BundleLoader(folder: repository.appendingPathComponent("data")).load().bundle)
    }

    func labelledOutsiders() throws -> Set<String> {
        let labels = try PlacementEvaluation.readLabels(Self.repository.appendingPathComponent("Tests/labelled/chain-placement.tsv"))
        return Set(labels.filter { !$0.isBiomedicine }.map(\.id))
    }

    func onChain(_ index: SnapshotIndex) -> Set<String> { Set(index.biomedicineEnterprises.map(\.id)) }

    @Test func labelledOutsidersSitOnNoNode() throws {
        let index = try Self.index.get(), outsiders = try labelledOutsiders()
        #expect(outsiders.count >= 20)
        #expect(outsiders.isDisjoint(with: onChain(index)), "placed: \(outsiders.intersection(onChain(index)).sorted())")
    }

    @Test func investmentTargetsAreIndustryFirms() throws {
        let index = try Self.index.get(), members = onChain(index)
        let targets = InvestmentTargets.build(LevelAnalysis(index, level: .city))
        for city in ["320700", "320500", "440300", "110100"] {
            let report = try targets.report(region: city, size: 50)
            #expect(!report.targets.isEmpty)
            let outside = report.targets.map(\.firm.id).filter { !members.contains($0) }
            #expect(outside.isEmpty, "\(city): \(outside)")
        }
    }

    @Test func policyListsAreIndustryFirms() throws {
        let index = try Self.index.get(), members = onChain(index)
        let rules = try PolicyRulesLoader.load(dataFolder: Self.repository.appendingPathComponent("data"), policies: index.data.policies)
        let matcher = PolicyMatcher(index, rules: rules, asOf: "2024-06-30")
        var listed = 0
        for policy in index.data.policies {
            let firms = try matcher.firms(policy: policy.id, limit: 500)
            let ids = (firms.eligible + firms.possible).map(\.id)
            listed += ids.count
            #expect(ids.allSatisfy(members.contains), "\(policy.id): \(ids.filter { !members.contains($0) })")
        }
        #expect(listed > 0)
        #expect(try !matcher.firms(policy: index.data.policies[0].id, limit: 500).eligible.contains { $0.id == "000627.SZ" }, "天茂集团 is an insurer")
    }

    @Test func relatedFirmsAreIndustryFirms() throws {
        let index = try Self.index.get(), members = onChain(index)
        let links = ProductLinks(index)
        for firm in ["600557.SH", "600276.SH", "300171.SZ", "688180.SH"] {
            let report = try RelatedFirms.report(index, links: links, enterprise: firm, limit: 50)
            let outside = (report.sameNode + report.suppliers + report.customers).map(\.id).filter { !members.contains($0) }
            #expect(outside.isEmpty, "\(firm): \(outside)")
        }
    }
}

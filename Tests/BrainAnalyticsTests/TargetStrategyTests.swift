import Foundation
import Testing
import BrainAnalytics
import BrainModel

/// Strategy presets, custom weights and the diversity rule of the 招商 list, on hand-built data.
@Suite struct TargetStrategyTests {
    @Test func presetsParseAndCustomWeightsOverrideThem() throws {
        #expect(try TargetStrategy.parse(strategy: nil, weights: [:]) == .balanced)
        for preset in TargetStrategy.presets { #expect(try TargetStrategy.parse(strategy: preset.id, weights: [:]) == preset) }
        let custom = try TargetStrategy.parse(strategy: "fill", weights: ["pci": "0.7"])
        #expect(custom.id == "custom" && custom.weights.pci == 0.7 && custom.weights.gap == TargetStrategy.fill.weights.gap)
        // Restating a preset's own weight keeps the preset.
        #expect(try TargetStrategy.parse(strategy: "fill", weights: ["gap": "0.4"]).id == "fill")
        for (strategy, weights) in [("best", [:]), ("balanced", ["pci": "1.5"]), ("balanced", ["pci": "nan"]), ("balanced", ["links": "-0.1"]),
                                    ("custom", ["density": "0", "gap": "0", "strong": "0", "extend": "0", "pci": "0", "strength": "0", "links": "0"])] {
            #expect(throws: TargetStrategy.StrategyError.self) { try TargetStrategy.parse(strategy: strategy, weights: weights) }
        }
        // Every preset shows all seven weights, and the default is the backtested formula 0.6·(0.8·d + 0.2·p) + 0.2·s + 0.2·l.
        #expect(TargetStrategy.presets.allSatisfy { $0.shownWeights.count == 7 })
        let b = TargetStrategy.balanced.weights
        #expect(abs(b.density - 0.48) < 1e-12 && abs(b.pci - 0.12) < 1e-12 && b.strength == 0.2 && b.links == 0.2 && b.gap == 0)
    }

    /// Weights with one feature at 1 and the others at 0.
    static func only(_ key: String) -> [String: String] {
        Dictionary(uniqueKeysWithValues: TargetStrategy.Weights.keys.map { ($0, $0 == key ? "1" : "0") })
    }

    @Test func diversityCapsEveryNodeInEveryBlock() {
        // 30 items of node a first, then 10 of b, 5 of c, 5 of d: the first block of 20 holds 5 of each node.
        let items = (0..<30).map { ("a", $0) } + (0..<10).map { ("b", $0) } + (0..<5).map { ("c", $0) } + (0..<5).map { ("d", $0) }
        let rule = TargetDiversity()
        #expect(rule.block == 20 && rule.maxPerNode == 5)
        let ordered = rule.apply(items) { $0.0 }
        #expect(ordered.count == items.count)
        let first = ordered.prefix(20)
        #expect(Dictionary(grouping: first, by: \.0).mapValues(\.count) == ["a": 5, "b": 5, "c": 5, "d": 5])
        // Within a node the order is kept, and the best item still comes first.
        #expect(ordered.filter { $0.0 == "a" }.map(\.1) == Array(0..<30))
        #expect(ordered.first?.0 == "a" && ordered.first?.1 == 0)
        // With one node left the rule relaxes rather than drop anything.
        #expect(TargetDiversity(block: 4).apply(["x", "x", "x", "x", "x"]) { $0 }.count == 5)
    }

    @Test func strategiesReorderByWhatTheyWeigh() throws {
        let index = try InvestmentTargetsTests.index()
        let targets = InvestmentTargets.build(LevelAnalysis(index, level: .city))
        // 南京 makes chemical drugs only, so chemical drugs is strong there (LQ 7/3) and API absent: 综合 and 强链 put
        // the chemical-drug makers first; a mix of 强链 alone scores exactly the strong node, 补链 alone never it.
        let balanced = try targets.report(region: "320100", strategy: .balanced, size: 10)
        let strengthen = try targets.report(region: "320100", strategy: .strengthen, size: 10)
        #expect(strengthen.targets.first?.node?.id == "chemical-drugs" && strengthen.targets.first?.role == "strengthen")
        #expect(strengthen.targets.first?.nodeStatus == "strong")
        #expect(balanced.targets.first?.node?.id == "chemical-drugs")
        let onlyStrong = try targets.report(region: "320100", strategy: try TargetStrategy.parse(strategy: "custom", weights: Self.only("strong")), size: 10)
        #expect(onlyStrong.strategy.id == "custom")
        #expect(onlyStrong.targets.allSatisfy { $0.fit == ($0.nodeStatus == "strong" ? 1 : 0) })
        let onlyGap = try targets.report(region: "320100", strategy: try TargetStrategy.parse(strategy: "custom", weights: Self.only("gap")), size: 10)
        #expect(onlyGap.targets.allSatisfy { $0.nodeStatus != "strong" || $0.fit == 0 })
        let fill = try targets.report(region: "320100", strategy: .fill, size: 10)
        #expect(fill.strategy.id == "fill" && fill.weights.count == 7 && !fill.diversityRule.isEmpty)
        #expect(fill.targets.allSatisfy { ["fill", "strengthen", "extend"].contains($0.role ?? "") })
        // Paging: pages split the same order.
        let page1 = try targets.report(region: "320100", size: 4), page2 = try targets.report(region: "320100", page: 2, size: 4)
        #expect(page1.pages == 2 && page2.page == 2 && page2.targets.map(\.rank) == [5, 6])
        #expect(Set(page1.targets.map(\.firm.id)).isDisjoint(with: page2.targets.map(\.firm.id)))
        // A page past the end shows the last page.
        #expect(try targets.report(region: "320100", page: 9, size: 4).page == 2)
    }

    @Test func reasonsRenderInBothLanguagesFromTheCatalogue() throws {
        let index = try InvestmentTargetsTests.index()
        let report = try InvestmentTargets.build(LevelAnalysis(index, level: .city)).report(region: "320100", size: 10)
        for target in report.targets {
            #expect(["target.node-here", "target.node-absent"].contains(target.reasons.first?.code ?? ""))
            for reason in target.reasons {
                #expect(ReasonText.templates[reason.code] != nil, "\(reason.code) is not in the catalogue")
                let text = ReasonText.bilingual(reason)
                #expect(!text.zh.contains("–") || reason.code == "target.growth", "\(text.zh)")
                #expect(text.zh != text.en)
            }
        }
        // The JSON carries each reason's code, values and text in the encoder's language.
        let encoder = ReasonEncoding.language(.en).encoder(like: JSONEncoder())
        let json = try JSONSerialization.jsonObject(with: encoder.encode(report)) as? [String: Any]
        let reason = ((json?["targets"] as? [[String: Any]])?.first?["reasons"] as? [[String: Any]])?.first
        #expect((reason?["code"] as? String)?.hasPrefix("target.node-") == true && (reason?["text"] as? String)?.contains("density") == true)
    }
}

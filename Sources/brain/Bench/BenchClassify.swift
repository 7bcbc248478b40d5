import ArgumentParser
import Foundation
import BrainIngest
import BrainModel

struct BenchClassify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "How well firms are placed on the chain: against hand-labelled firms, and without their 申万 label against 申万 L3 on a held-out part of the listed biomedicine firms.",
        discussion: """
            Labelled: the placements of the built bundle against Tests/labelled/chain-placement.tsv — share of firms on no
            wrong node, share of biomedicine firms on their specific node, non-biomedicine firms placed, per-node precision
            and recall (goals: ≥ 95 %, ≥ 85 %, 0).

            Without codes: the evidence classifier run with 申万 and Tushare hidden, per top-level node precision and
            recall against 申万 L3 (what products, business summaries and names say on their own).

            Truth: each listed biomedicine firm's official 申万 2021 L3 code, mapped by the chain file to its top-level node.
            Inputs: the firm's full name and main products (chain knowledge graph) only. Held out: a seeded 30 % of firms.
            Compared: the import classifier's keyword rules (no training) and naive Bayes trained on the other 70 %.
            """)
    @Option(help: "Folder holding the bundled open data.") var data: String = "data"
    @Option(help: "Seed of the held-out split.") var seed: UInt64 = 1
    @Option(help: "Share of firms held out for testing.") var heldOut: Double = 0.3
    @Option(help: "Hand-labelled chain placements (TSV); empty to skip.") var labels: String = "Tests/labelled/chain-placement.tsv"

    func run() throws {
        let folder = URL(fileURLWithPath: data)
        let bundle = try BundleLoader(folder: folder).load().bundle
        let taxonomy = bundle.taxonomy
        if !labels.isEmpty {
            try Self.reportLabelled(URL(fileURLWithPath: labels), bundle)
            if !bundle.curations.isEmpty {
                var curated = bundle
                CurationLedger.apply(bundle.curations, to: &curated)
                print("with the \(bundle.curations.count) shipped curations (data/curation) applied — written for firms of the labelled set whose")
                print("evidence is missing, so not an independent measure:")
                try Self.reportLabelled(URL(fileURLWithPath: labels), curated, summaryOnly: true)
            }
        }
        var blindLoader = BundleLoader(folder: folder)
        blindLoader.classifyWithoutIndustryCodes = true
        Self.reportAgainstSW(bundle, blind: try blindLoader.load().bundle)
        var nodeBySW: [String: ChainNode] = [:]
        for node in taxonomy.nodes where node.parentId == nil { for code in node.sw2021 where nodeBySW[code] == nil { nodeBySW[code] = node } }
        for node in taxonomy.nodes where node.parentId != nil { for code in node.sw2021 where nodeBySW[code] == nil { nodeBySW[code] = node } }
        func topLevel(_ id: String) -> String { taxonomy.node(id)?.parentId ?? id }
        var products: [String: [EnterpriseProduct]] = [:]
        for product in bundle.products { products[product.enterpriseId, default: []].append(product) }
        var firms: [(id: String, text: String, label: String)] = []
        for firm in bundle.enterprises where firm.isBiomedicine {
            guard let code = firm.sw2021L3, let node = nodeBySW[code] else { continue }
            let productText = (products[firm.id] ?? []).sorted { ($0.revenueShare ?? 0) > ($1.revenueShare ?? 0) }.map(\.product)
            firms.append((firm.id, ([firm.fullName ?? firm.name] + productText).joined(separator: "；"), topLevel(node.id)))
        }
        var random = SplitMix64(seed: seed)
        var test: [(id: String, text: String, label: String)] = [], train: [(text: String, label: String)] = []
        for firm in firms.sorted(by: { $0.id < $1.id }) {
            if Double(random.below(1_000_000)) / 1_000_000 < heldOut { test.append(firm) } else { train.append((firm.text, firm.label)) }
        }
        print("listed biomedicine firms with a 申万 L3 on the chain: \(firms.count) — trained on \(train.count), held out \(test.count) (seed \(seed))")
        let rules = try ImportClassifier.load(dataFolder: folder)
        let rulePairs = test.map { firm -> (truth: String, predicted: String) in
            let best = rules.classify(industry: nil, scope: firm.text).assignments.max { $0.confidence < $1.confidence }
            return (firm.label, best.map { topLevel($0.nodeId) } ?? "(none)")
        }
        let bayes = NaiveBayesNodeClassifier(training: train)
        let bayesPairs = test.map { (truth: $0.label, predicted: bayes.predict($0.text) ?? "(none)") }
        let majority = Dictionary(grouping: train, by: \.label).max { $0.value.count < $1.value.count }?.key ?? ""
        let baselinePairs = test.map { (truth: $0.label, predicted: majority) }
        for (name, pairs) in [("keyword rules (no training)", rulePairs), ("naive Bayes (trained)", bayesPairs),
                              ("majority class \(majority)", baselinePairs)] {
            let score = ClassificationScore(pairs: pairs)
            print(ReportTable.pad(name, 40) + String(format: "macro-F1 %.3f   accuracy %.3f", score.macroF1, score.accuracy))
        }
        for (name, pairs) in [("keyword rules", rulePairs), ("naive Bayes", bayesPairs)] {
            let score = ClassificationScore(pairs: pairs)
            let predicted = Set(pairs.map(\.predicted)).union(score.labels).sorted()
            print("\nconfusion, \(name) (rows: 申万 truth, columns: predicted)")
            print(ReportTable.pad("", 22) + predicted.map { ReportTable.pad(String($0.prefix(9)), 10, left: true) }.joined())
            for truth in score.labels {
                print(ReportTable.pad(truth, 22) + predicted.map { ReportTable.pad("\(score.confusion[truth]?[$0] ?? 0)", 10, left: true) }.joined()
                      + String(format: "   F1 %.2f", score.f1(truth)))
            }
        }
    }

    /// The evidence classifier with 申万 and Tushare hidden, against each firm's 申万 L3 mapped to the top-level nodes
    /// carrying it (370101 原料药 is APIs, intermediates or excipients; 370603 is CRO or CDMO).
    static func reportAgainstSW(_ bundle: DataBundle, blind: DataBundle) {
        let taxonomy = bundle.taxonomy
        var truthBySW: [String: [String]] = [:]
        for node in taxonomy.nodes {
            let top = node.parentId ?? node.id
            for code in node.sw2021 where !(truthBySW[code] ?? []).contains(top) { truthBySW[code, default: []].append(top) }
        }
        var predicted: [String: Set<String>] = [:]
        for assignment in blind.assignments {
            predicted[assignment.enterpriseId, default: []].insert(taxonomy.node(assignment.nodeId)?.parentId ?? assignment.nodeId)
        }
        var scores: [String: (placed: Int, right: Int, expected: Int, found: Int)] = [:]
        var order: [String] = [], firms = 0, abstained = 0
        for firm in bundle.enterprises {
            guard let code = firm.sw2021L3, let nodes = truthBySW[code] else { continue }
            let group = nodes.joined(separator: "/"), got = predicted[firm.id] ?? []
            firms += 1
            if got.isEmpty { abstained += 1 }
            if scores[group] == nil { order.append(group) }
            scores[group, default: (0, 0, 0, 0)].expected += 1
            if !got.isDisjoint(with: nodes) { scores[group]?.found += 1 }
            for node in got {
                let key = nodes.contains(node) ? group : node
                if scores[key] == nil { order.append(key) }
                scores[key, default: (0, 0, 0, 0)].placed += 1
                if nodes.contains(node) { scores[key]?.right += 1 }
            }
        }
        print("without 申万 and Tushare: the evidence classifier (products, English summary, name) against 申万 L3 → top-level nodes")
        print("  firms with a 申万 L3 on the chain: \(firms); abstained (no node): \(abstained)")
        print(ReportTable.pad("node", 44) + ReportTable.pad("申万 firms", 11, left: true) + ReportTable.pad("placed", 8, left: true)
              + ReportTable.pad("precision", 11, left: true) + ReportTable.pad("recall", 10, left: true))
        for key in order.sorted() {
            guard let score = scores[key] else { continue }
            print(ReportTable.pad(key, 44) + ReportTable.pad("\(score.expected)", 11, left: true) + ReportTable.pad("\(score.placed)", 8, left: true)
                  + ReportTable.pad(percent(score.placed == 0 ? nil : Double(score.right) / Double(score.placed)), 11, left: true)
                  + ReportTable.pad(percent(score.expected == 0 ? nil : Double(score.found) / Double(score.expected)), 10, left: true))
        }
        print("")
    }

    static func percent(_ value: Double?) -> String { value.map { String(format: "%5.1f %%", $0 * 100) } ?? "    –  " }

    static func reportLabelled(_ url: URL, _ bundle: DataBundle, summaryOnly: Bool = false) throws {
        let labels = try PlacementEvaluation.readLabels(url)
        let score = PlacementEvaluation(labels: labels, assignments: bundle.assignments, taxonomy: bundle.taxonomy)
        let biomedicine = labels.filter(\.isBiomedicine).count
        print("labelled firms (\(url.lastPathComponent)): \(labels.count), \(biomedicine) biomedicine, \(labels.count - biomedicine) not")
        print("  on no wrong node            \(percent(score.noWrongShare))   (goal ≥ 95 %)")
        print("  on their specific node      \(percent(score.specificShare))   (goal ≥ 85 %)")
        print("  non-biomedicine placed      \(score.nonBiomedicinePlaced.count)        (goal 0)\(score.nonBiomedicinePlaced.isEmpty ? "" : ": " + score.nonBiomedicinePlaced.joined(separator: "、"))")
        print("  clearly wrong (wrong_if)    \(score.clearlyWrong.count)\(score.clearlyWrong.isEmpty ? "" : ": " + score.clearlyWrong.map { "\($0.firm) \($0.node)" }.joined(separator: "、"))")
        if !score.wrongFirms.isEmpty {
            print("  on a wrong node: " + score.wrongFirms.map { "\($0.firm) (\($0.nodes.joined(separator: ",")))" }.joined(separator: "、"))
        }
        if summaryOnly { print(""); return }
        if !score.missedFirms.isEmpty {
            var placed: [String: [String]] = [:]
            for assignment in bundle.assignments { placed[assignment.enterpriseId, default: []].append(assignment.nodeId) }
            let ids = Dictionary(labels.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
            print("  not on their specific node: " + score.missedFirms.map { name in
                let label = ids[name]
                let got = label.flatMap { placed[$0.id] }?.sorted().joined(separator: ",") ?? ""
                return "\(name) (\(label?.expected.sorted().joined(separator: ",") ?? "") ← \(got.isEmpty ? "无" : got))"
            }.joined(separator: "、"))
        }
        print("\nper node on the labelled set: precision = placements not wrong / placements, recall = expected firms placed there / expected firms")
        print(ReportTable.pad("node", 24) + ReportTable.pad("expected", 10, left: true) + ReportTable.pad("placed", 8, left: true)
              + ReportTable.pad("precision", 11, left: true) + ReportTable.pad("recall", 10, left: true))
        for node in score.nodes {
            print(ReportTable.pad(node.node, 24) + ReportTable.pad("\(node.expected)", 10, left: true) + ReportTable.pad("\(node.placed)", 8, left: true)
                  + ReportTable.pad(percent(node.precision), 11, left: true) + ReportTable.pad(percent(node.recall), 10, left: true))
        }
        print("")
    }
}

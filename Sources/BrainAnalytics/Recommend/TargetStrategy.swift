import BrainModel

/// How the 招商 score weighs what it knows, as a set of weights a person can read and change (Atlas-style presets).
///
///   score = max over the firm's nodes of (density·d + gap·d·[weak or absent here] + strong·[strong here]
///                                          + extend·e + pci·p) + strength·s + links·l
///
/// d: the node's relatedness density here over the region's highest; p: the node's PCI percentile; e: √ of the node's
/// product links to the region's strong nodes over the most any node has, at least 0.5 beside a strong node on the chain
/// (its parent, a sub-node or a sibling), 0 when it is strong itself or unlinked (TargetRegionNodes);
/// s: the firm's development quality without location, over 100; l: min(1, local firms it supplies or buys from / 3).
/// Every feature lies in 0…1, so a weight says how many points of the score the feature can give.
/// The default (综合 balanced) is the formula the backtest (`TargetBacktest`) measures: 0.6·(0.8·d + 0.2·p) + 0.2·s + 0.2·l.
public struct TargetStrategy: Sendable, Codable, Hashable {
    public struct Weights: Sendable, Codable, Hashable {
        public var density = 0.0
        public var gap = 0.0
        public var strong = 0.0
        public var extend = 0.0
        public var pci = 0.0
        public var strength = 0.0
        public var links = 0.0

        public init(density: Double = 0, gap: Double = 0, strong: Double = 0, extend: Double = 0, pci: Double = 0,
                    strength: Double = 0, links: Double = 0) {
            self.density = density; self.gap = gap; self.strong = strong; self.extend = extend
            self.pci = pci; self.strength = strength; self.links = links
        }

        public static let keys = ["density", "gap", "strong", "extend", "pci", "strength", "links"]

        public subscript(key: String) -> Double? {
            get {
                switch key {
                case "density": density
                case "gap": gap
                case "strong": strong
                case "extend": extend
                case "pci": pci
                case "strength": strength
                case "links": links
                default: nil
                }
            }
            set {
                guard let newValue else { return }
                switch key {
                case "density": density = newValue
                case "gap": gap = newValue
                case "strong": strong = newValue
                case "extend": extend = newValue
                case "pci": pci = newValue
                case "strength": strength = newValue
                case "links": links = newValue
                default: break
                }
            }
        }

        /// Whether the score needs the region's node statuses (ChainGaps), which the backtest does not compute.
        var usesRegionStatus: Bool { gap != 0 || strong != 0 || extend != 0 }
    }

    /// One weight as shown on the page and in the API: its key, its name in both languages and its value.
    public struct ShownWeight: Sendable, Codable, Hashable {
        public var key: String
        public var nameZh: String
        public var nameEn: String
        public var weight: Double
    }

    public var id: String
    public var nameZh: String
    public var nameEn: String
    public var weights: Weights

    public init(id: String, nameZh: String, nameEn: String, weights: Weights) {
        self.id = id; self.nameZh = nameZh; self.nameEn = nameEn; self.weights = weights
    }

    public static let weightNames: [String: (zh: String, en: String)] = [
        "density": ("相关密度", "relatedness density"), "gap": ("补链：薄弱或空白节点的相关密度", "fill: density of weak or absent nodes"),
        "strong": ("强链：本地优势节点", "strengthen: node strong here"), "extend": ("延链：与本地优势节点的产品或产业链关联", "extend: product or chain links to strong nodes"),
        "pci": ("产品复杂度 PCI 百分位", "PCI percentile"), "strength": ("企业发展质量", "firm quality"),
        "links": ("与本地企业的供应商/客户关系", "supplier or customer links to local firms"),
    ]

    public var shownWeights: [ShownWeight] {
        Weights.keys.map { ShownWeight(key: $0, nameZh: Self.weightNames[$0]?.zh ?? $0, nameEn: Self.weightNames[$0]?.en ?? $0,
                                       weight: weights[$0] ?? 0) }
    }

    public static let balanced = TargetStrategy(id: "balanced", nameZh: "综合", nameEn: "Balanced",
                                                weights: Weights(density: 0.48, pci: 0.12, strength: 0.2, links: 0.2))
    public static let fill = TargetStrategy(id: "fill", nameZh: "补链", nameEn: "Fill gaps",
                                            weights: Weights(density: 0.1, gap: 0.4, pci: 0.1, strength: 0.2, links: 0.2))
    public static let strengthen = TargetStrategy(id: "strengthen", nameZh: "强链", nameEn: "Deepen strengths",
                                                  weights: Weights(density: 0.2, strong: 0.3, pci: 0.05, strength: 0.25, links: 0.2))
    public static let extend = TargetStrategy(id: "extend", nameZh: "延链", nameEn: "Extend the chain",
                                              weights: Weights(density: 0.1, extend: 0.5, pci: 0.05, strength: 0.15, links: 0.2))
    public static let complexity = TargetStrategy(id: "complexity", nameZh: "高附加值", nameEn: "High value added",
                                                  weights: Weights(density: 0.2, pci: 0.5, strength: 0.2, links: 0.1))
    public static let presets = [balanced, fill, strengthen, extend, complexity]

    /// Whether a node of `status` here (with `extend` its product links to the strong nodes, 0…1) is one this strategy
    /// targets. The three chain presets say which nodes they are about — 补链 weak or absent ones, 强链 strong or weak
    /// ones, 延链 the weak or absent ones linked to a strong node — so a firm on another node is no target of theirs,
    /// however good it is (the 延链 list of 连云港 was led by firms of its strong 中成药 and 化学药). 综合, 高附加值 and
    /// custom mixes take every node.
    public var isChainPreset: Bool { [Self.fill.id, Self.strengthen.id, Self.extend.id].contains(id) }

    public func targets(status: String, extend: Double) -> Bool {
        switch id {
        case Self.fill.id: status != "strong"
        case Self.strengthen.id: status == "strong" || status == "weak"
        case Self.extend.id: status != "strong" && extend > 0
        default: true
        }
    }

    /// The strategy a request asks for: a preset by id (default 综合), with any weight given by key overriding the
    /// preset's — then it is a custom mix (`custom`). Weights are numbers from 0 to 1 and at least one is positive.
    public static func parse(strategy: String?, weights given: [String: String]) throws(StrategyError) -> TargetStrategy {
        let id = strategy ?? "balanced"
        var chosen: TargetStrategy
        if let preset = presets.first(where: { $0.id == id }) {
            chosen = preset
        } else if id == "custom" {
            chosen = balanced
        } else {
            throw StrategyError(Reason("target.strategy-unknown", ["strategy": id, "choices": (presets.map(\.id) + ["custom"]).joined(separator: ", ")]))
        }
        var changed = id == "custom"
        for key in Weights.keys {
            guard let text = given[key] else { continue }
            guard let value = Double(text), value.isFinite, (0...1).contains(value) else {
                throw StrategyError(Reason("target.weight-range", ["key": key, "value": text]))
            }
            if chosen.weights[key] != value { changed = true }
            chosen.weights[key] = value
        }
        if changed { chosen = TargetStrategy(id: "custom", nameZh: "自定义", nameEn: "Custom", weights: chosen.weights) }
        guard Weights.keys.contains(where: { (chosen.weights[$0] ?? 0) > 0 }) else {
            throw StrategyError(Reason("target.weights-zero"))
        }
        return chosen
    }

    /// A strategy or weight the caller got wrong, as a reason the front end renders in the caller's language.
    public struct StrategyError: ReasonedError, Sendable {
        public var reason: Reason
        init(_ reason: Reason) { self.reason = reason }
    }
}

import Testing
@testable import BrainAnalytics
import BrainModel

@Suite struct CompositeIndexTests {
    func table(_ rows: [(String, String, [String: Double])]) -> IndicatorTable {
        IndicatorTable(indicators: Array(Set(rows.flatMap { $0.2.keys })).sorted(),
                       rows: rows.map { .init(unit: $0.0, year: $0.1, values: $0.2) })
    }

    @Test func yearOverYearInPointsAndPercent() throws {
        // Ratio to a base year = 100: 100 → 111.95 → 117.33 is +5.38 points and +4.81 % in the last year.
        var spec = IndexSpec()
        spec.normalisation = .baseYear
        spec.baseYear = "2020"
        let result = try CompositeIndex.compute(table([("A", "2020", ["x": 200]), ("A", "2021", ["x": 223.9]), ("A", "2022", ["x": 234.66])]), spec: spec)
        let last = try #require(result.rows.first { $0.year == "2022" })
        #expect(abs(last.score! - 117.33) < 1e-9)
        let change = try #require(last.change)
        #expect(change.fromYear == "2021")
        #expect(abs(change.points - 5.38) < 1e-9)
        #expect(abs(change.percent! - 4.805717) < 1e-6)
        #expect(result.rows.first { $0.year == "2020" }?.change == nil)
    }

    @Test func minMaxArithmeticWithWeightsAndPolarity() throws {
        var spec = IndexSpec()
        spec.weights = ["good": 3, "bad": 1]
        spec.polarity = ["bad": -1]
        let result = try CompositeIndex.compute(table([("A", "2024", ["good": 10, "bad": 0]), ("B", "2024", ["good": 0, "bad": 10]),
                                                       ("C", "2024", ["good": 5, "bad": 5])]), spec: spec)
        let score = Dictionary(uniqueKeysWithValues: result.rows.map { ($0.unit, $0.score!) })
        // A: good 100, bad (lower is better) 100 → 100; B: 0 and 0 → 0; C: 50 and 50 → 50.
        #expect(score == ["A": 100, "B": 0, "C": 50])
        #expect(result.rows.first { $0.unit == "A" }?.rank == 1)
        #expect(result.weights == ["good": 0.75, "bad": 0.25])
    }

    @Test func twoLevelWeightsFlatten() throws {
        var spec = IndexSpec()
        spec.groups = [.init(name: "g1", weight: 1, indicators: ["a": 1, "b": 1]), .init(name: "g2", weight: 1, indicators: ["c": 1])]
        let weights = try spec.effectiveWeights(for: ["a", "b", "c"])
        #expect(weights == ["a": 0.25, "b": 0.25, "c": 0.5])
    }

    @Test func geometricAggregation() throws {
        var spec = IndexSpec()
        spec.normalisation = .baseYear
        spec.baseYear = "1"
        spec.aggregation = .geometric
        // Both indicators double and quadruple against the base: geometric mean of 200 and 400 = √80000.
        let result = try CompositeIndex.compute(table([("A", "1", ["a": 1, "b": 1]), ("A", "2", ["a": 2, "b": 4])]), spec: spec)
        #expect(abs(result.rows[1].score! - 80_000.0.squareRoot()) < 1e-9)
    }

    @Test func missingValuesLowerCoverageNotTheScore() throws {
        let result = try CompositeIndex.compute(table([("A", "1", ["a": 10, "b": 10]), ("B", "1", ["a": 0]), ("C", "1", ["a": 5, "b": 0])]),
                                                spec: IndexSpec())
        let b = try #require(result.rows.first { $0.unit == "B" })
        #expect(b.coverage == 0.5)
        #expect(b.score == 0)
        #expect(b.normalised["b"] == nil)
    }

    @Test func monteCarloBandsAreReproducibleAndContainTheRank() throws {
        var spec = IndexSpec()
        var monteCarlo = IndexSpec.MonteCarlo()
        monteCarlo.draws = 300
        spec.monteCarlo = monteCarlo
        let rows: [(String, String, [String: Double])] = (0..<8).map { (i: Int) -> (String, String, [String: Double]) in
            let values: [String: Double] = ["a": Double(i), "b": Double((i * 5) % 8), "c": Double(8 - i)]
            return ("U\(i)", "2024", values)
        }
        let data = table(rows)
        let first = try CompositeIndex.compute(data, spec: spec), second = try CompositeIndex.compute(data, spec: spec)
        for (x, y) in zip(first.rows, second.rows) {
            let band = try #require(x.rankBand)
            #expect(band.p5 == y.rankBand?.p5 && band.p95 == y.rankBand?.p95)
            #expect(band.p5 <= band.median && band.median <= band.p95)
        }
    }

    /// The bands computed from normalised columns prepared once per method equal, rank for rank, those of the plain
    /// definition: every draw scored by `scoresFor` and ranked by `rankPerYear` (missing values, a lower-is-better
    /// indicator, negative z-scores shifted for geometric aggregation, ties and several years included).
    @Test func monteCarloBandsEqualTheDrawByDrawDefinition() throws {
        var spec = IndexSpec()
        spec.polarity = ["c": -1]
        var monteCarlo = IndexSpec.MonteCarlo()
        monteCarlo.draws = 120
        monteCarlo.seed = 99
        spec.monteCarlo = monteCarlo
        var random = SplitMix64(seed: 5)
        var rows: [(String, String, [String: Double])] = []
        for year in ["2021", "2022", "2023"] {
            for unit in 0..<40 {
                var values: [String: Double] = ["a": Double(random.below(7)), "c": Double(random.below(100)) - 30]
                if unit % 5 != 0 { values["b"] = random.unit() * 10 }
                rows.append(("U\(unit)", year, values))
            }
        }
        let data = table(rows)
        let result = try CompositeIndex.compute(data, spec: spec)
        let weights = try spec.effectiveWeights(for: data.indicators)
        var draws = SplitMix64(seed: monteCarlo.seed)
        var samples = [[Int]](repeating: [], count: data.rows.count)
        let methods = CompositeIndex.normalisations(spec)
        for _ in 0..<monteCarlo.draws {
            let method = methods[draws.below(methods.count)]
            let aggregation: IndexSpec.Aggregation = draws.next() % 2 == 0 ? .arithmetic : .geometric
            var drawn: [String: Double] = [:]
            for name in weights.keys.sorted() {
                drawn[name] = weights[name]! * (1 - monteCarlo.weightJitter + 2 * monteCarlo.weightJitter * draws.unit())
            }
            let total = drawn.keys.sorted().reduce(0) { $0 + drawn[$1]! }
            drawn = drawn.mapValues { $0 / total }
            let scores = try CompositeIndex.scoresFor(data, method, spec.baseYear, drawn, aggregation, spec.polarity ?? [:]).score
            for (i, rank) in CompositeIndex.rankPerYear(data, scores).enumerated() { if let rank { samples[i].append(rank) } }
        }
        for (row, ranks) in zip(result.rows, samples) {
            let sorted = ranks.sorted()
            func percentile(_ p: Double) -> Int { sorted[min(sorted.count - 1, max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1))] }
            #expect(row.rankBand?.p5 == percentile(0.05) && row.rankBand?.median == percentile(0.5) && row.rankBand?.p95 == percentile(0.95),
                    "\(row.unit) \(row.year ?? "")")
        }
    }

    @Test func badSpecsAreErrors() {
        var spec = IndexSpec()
        spec.weights = ["nope": 1]
        #expect(throws: AnalyticsError.invalidInput(Reason("analytics.weight-unknown-indicator", ["name": "nope"]))) {
            try CompositeIndex.compute(IndicatorTable(indicators: ["a"], rows: [.init(unit: "A", year: nil, values: ["a": 1])]), spec: spec)
        }
        var base = IndexSpec()
        base.normalisation = .baseYear
        #expect(throws: AnalyticsError.self) {
            try CompositeIndex.compute(IndicatorTable(indicators: ["a"], rows: [.init(unit: "A", year: nil, values: ["a": 1])]), spec: base)
        }
    }
}

import BrainModel

extension TargetBacktest {
    /// The time split: every biomedicine firm listed in `year` or later (founded, when it has no listing date) is
    /// taken off the map — its location removed, so the region × node matrix, presences, proximities, PCI, densities
    /// and product links are those of the earlier firms only. The model is fitted on random folds of that earlier
    /// data alone; then, for each city with at least `minimumFirms` earlier firms and at least one later firm, all
    /// later firms are ranked and we ask how high the city's own later firms come.
    public struct TimeSplit: Codable, Sendable {
        public var year: Int
        /// biomedicine firms that stay on the map (listed before `year`, or without a date)
        public var earlierFirms: Int
        /// biomedicine firms listed (or founded) in `year` or later: the pool every city ranks
        public var laterFirms: Int
        /// random-fold trials on the earlier data that trained the model
        public var trainingTrials: Int
        public var evaluation: Evaluation
        /// the model's standardised coefficients, fitted on the earlier data
        public var weights: [TargetScoreModel.Weight]
    }

    static func timeSplit(_ analysis: LevelAnalysis, year: Int, folds: Int, minimumFirms: Int, seed: UInt64, lambda: Double,
                          replicates: Int) -> TimeSplit {
        let index = analysis.index
        let later = Set(index.biomedicineEnterprises.filter { (firstYear(of: $0) ?? Int.min) >= year }.map(\.id))
        var data = index.data
        data.enterprises = data.enterprises.map { firm in
            guard later.contains(firm.id) else { return firm }
            var unlocated = firm
            unlocated.provinceCode = nil
            unlocated.cityCode = nil
            unlocated.districtCode = nil
            return unlocated
        }
        let earlierIndex = SnapshotIndex(data)
        let earlier = InvestmentTargets.build(LevelAnalysis(earlierIndex, level: analysis.level, measure: analysis.table.measure,
                                                            threshold: analysis.lq.threshold))
        let training = collectTrials(earlier, folds: folds, minimumFirms: minimumFirms, seed: seed, referenceYear: year, excluded: later).trials
        let model = TargetScoreModel.fit(training.flatMap(\.rows), labels: training.flatMap(\.labels), lambda: lambda)
        let pool = earlierIndex.biomedicineEnterprises.filter { later.contains($0.id) }
        var trials: [Trial] = []
        for region in index.regions(at: analysis.level) {
            guard let r = earlier.analysis.row(of: region.code) else { continue }
            let positives = Set(index.biomedicineEnterprises.filter { later.contains($0.id) && index.enterprise($0, isIn: region) }.map(\.id))
            let members = Set(earlierIndex.biomedicineEnterprises.filter { earlierIndex.enterprise($0, isIn: region) }.map(\.id))
            guard !positives.isEmpty, members.count >= minimumFirms else { continue }
            let densities = earlier.densities(region: r)
            let ranked = earlier.rank(pool, densities: densities, members: members, province: Region.provinceCode(of: region.code))
            trials.append(trial(region.code, ranked, positives: positives, targets: earlier, densities: densities, referenceYear: year))
        }
        let (evaluation, _) = evaluate(trials, modelScores: trials.map { $0.rows.map(model.score) }, replicates: replicates, seed: seed)
        return TimeSplit(year: year, earlierFirms: index.biomedicineEnterprises.count - later.count, laterFirms: later.count,
                         trainingTrials: training.count, evaluation: evaluation, weights: model.weights)
    }

    /// The year a firm appears: its listing, or its founding when it was never listed.
    static func firstYear(of firm: Enterprise) -> Int? {
        firm.listDate.flatMap(InvestmentTargets.year) ?? firm.setupDate.flatMap(InvestmentTargets.year)
    }
}

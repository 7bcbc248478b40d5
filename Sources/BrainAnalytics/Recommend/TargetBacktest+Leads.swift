import BrainModel

/// The 招商 pipeline's outcomes as the backtest's labels (issue 19 item 3: "the backtest can use signed and landed
/// leads as labels"). A lead at 签约 or 落地 says "this firm came (or is coming) to this region": a positive of the
/// firm × region the lead records. A lead at 放弃 says the team looked at the firm for the region and gave up: not a
/// verdict that the firm does not fit, so it stays an ordinary candidate in the ranking and is used only to ask
/// whether the ranking put the signed firms above the dropped ones.
///
/// For every region with a positive, the lead firms located there are hidden from the region's row (as a random fold
/// hides firms), every firm outside the region plus the hidden ones is ranked, and we ask how high the signed and
/// landed firms come: precision@10/@50 and AUC per ranking, bootstrap intervals over regions. The node a lead records
/// is not used: the ranking is of firms for a region (each firm scored on its best node), as the target list is.
extension TargetBacktest {
    /// One lead turned into a label: the firm, the region at the backtest's level, positive (签约/落地) or not (放弃).
    public struct LeadLabel: Codable, Sendable, Hashable {
        public var enterpriseId: String
        public var regionCode: String
        public var positive: Bool

        public init(enterpriseId: String, regionCode: String, positive: Bool) {
            (self.enterpriseId, self.regionCode, self.positive) = (enterpriseId, regionCode, positive)
        }
    }

    /// Why a closed lead (签约, 落地, 放弃) gave no label.
    public enum LeadSkip: String, Codable, CodingKeyRepresentable, Sendable, CaseIterable {
        /// a free firm name, not one of the store's firms
        case noFirm = "no-firm"
        case noRegion = "no-region"
        /// the region is unknown or finer than the backtest's level cannot be rolled up to it
        case regionNotAtLevel = "region-not-at-level"
        /// the firm is not among the ranked firms (not on the chain, or in a layer the analysis does not count)
        case firmNotRanked = "firm-not-ranked"
        /// the same firm × region again (a positive wins over a dropped lead)
        case duplicate
    }

    public struct LeadLabels: Codable, Sendable {
        public var labels: [LeadLabel]
        /// leads at 签约 or 落地 that became labels
        public var positives: Int { labels.filter(\.positive).count }
        /// leads at 放弃 that became labels
        public var negatives: Int { labels.filter { !$0.positive }.count }
        /// open leads (线索 … 谈判) are not labels yet
        public var openLeads: Int
        public var skipped: [LeadSkip: Int]
    }

    /// The labels of `leads` at `level`: only 签约/落地 (positive) and 放弃 (negative) leads that name a firm among
    /// the ranked biomedicine firms and a region that rolls up to `level`.
    public static func leadLabels(_ leads: [Lead], index: SnapshotIndex, level: RegionLevel) -> LeadLabels {
        let ranked = Set(index.biomedicineEnterprises.map(\.id))
        var byKey: [String: LeadLabel] = [:], order: [String] = []
        var skipped: [LeadSkip: Int] = [:], open = 0
        for lead in leads.sorted(by: { $0.id < $1.id }) {
            let positive: Bool
            switch lead.stage {
            case .signed, .landed: positive = true
            case .dropped: positive = false
            default: open += 1; continue
            }
            guard let firm = lead.fields.enterpriseId, !firm.isEmpty else { skipped[.noFirm, default: 0] += 1; continue }
            guard let code = lead.fields.regionCode, !code.isEmpty else { skipped[.noRegion, default: 0] += 1; continue }
            guard let region = index.lineage(code).first(where: { $0.level == level }) else { skipped[.regionNotAtLevel, default: 0] += 1; continue }
            guard ranked.contains(firm) else { skipped[.firmNotRanked, default: 0] += 1; continue }
            let key = firm + "|" + region.code
            if let earlier = byKey[key] {
                skipped[.duplicate, default: 0] += 1
                if positive && !earlier.positive { byKey[key]?.positive = true }
                continue
            }
            byKey[key] = LeadLabel(enterpriseId: firm, regionCode: region.code, positive: positive)
            order.append(key)
        }
        return LeadLabels(labels: order.compactMap { byKey[$0] }, openLeads: open, skipped: skipped)
    }

    public struct LeadEvaluation: Codable, Sendable {
        public var labels: LeadLabels
        /// fewer positives than this and no figures are computed (they would be noise)
        public var minimumPositives: Int
        /// signed/landed firms against every other candidate of their region; nil with too few positives
        public var evaluation: Evaluation?
        /// the same rankings restricted to the lead firms of regions with both outcomes: does the ranking put the
        /// signed firms above the dropped ones? (its AUC is the figure; precision@k is meaningless on so few)
        public var signedOverDropped: Evaluation?

        public init(labels: LeadLabels, minimumPositives: Int, evaluation: Evaluation? = nil, signedOverDropped: Evaluation? = nil) {
            (self.labels, self.minimumPositives, self.evaluation, self.signedOverDropped) = (labels, minimumPositives, evaluation, signedOverDropped)
        }
    }

    /// Scores the rankings on `labels`. `model` is the learned ranking as the product uses it (fitted on the random
    /// folds of all data, `fittedModel`): the leads are labels it never trained on.
    public static func leads(_ targets: InvestmentTargets, labels: LeadLabels, model: TargetScoreModel, minimumPositives: Int = 5,
                             replicates: Int = 1000, seed: UInt64 = 1) -> LeadEvaluation {
        var result = LeadEvaluation(labels: labels, minimumPositives: minimumPositives)
        guard labels.positives >= max(minimumPositives, 1) else { return result }
        let analysis = targets.analysis, index = analysis.index
        let referenceYear = latestYear(index)
        let firms = index.biomedicineEnterprises
        let byRegion = Dictionary(grouping: labels.labels, by: \.regionCode)
        var full: [Trial] = [], paired: [Trial] = []
        for code in byRegion.keys.sorted() {
            let regionLabels = byRegion[code] ?? []
            let positives = Set(regionLabels.filter(\.positive).map(\.enterpriseId))
            guard !positives.isEmpty, let r = analysis.row(of: code), let region = index.regions(at: analysis.level).first(where: { $0.code == code })
            else { continue }
            let leadFirms = Set(regionLabels.map(\.enterpriseId))
            let members = firms.filter { index.enterprise($0, isIn: region) }
            let hidden = members.filter { leadFirms.contains($0.id) }
            let kept = Set(members.map(\.id)).subtracting(hidden.map(\.id))
            let densities = hiddenDensities(targets, row: r, hidden: hidden)
            let candidates = firms.filter { !kept.contains($0.id) }
            let ranked = targets.rank(candidates, densities: densities, members: kept, province: Region.provinceCode(of: code))
            let trial = trial(code, ranked, positives: positives, targets: targets, densities: densities, referenceYear: referenceYear)
            full.append(trial)
            if leadFirms.count > positives.count { paired.append(trial.restricted(to: leadFirms)) }
        }
        guard !full.isEmpty else { return result }
        result.evaluation = evaluate(full, modelScores: full.map { $0.rows.map(model.score) }, replicates: replicates, seed: seed).0
        if !paired.isEmpty {
            result.signedOverDropped = evaluate(paired, modelScores: paired.map { $0.rows.map(model.score) }, replicates: replicates, seed: seed).0
        }
        return result
    }

    /// A region's densities with `hidden` firms taken out of its row and of the column totals (the random folds'
    /// recomputation, `collectTrials`).
    static func hiddenDensities(_ targets: InvestmentTargets, row r: Int, hidden: [Enterprise]) -> [Double?] {
        let analysis = targets.analysis
        var row = (0..<analysis.nodeIds.count).map { analysis.table.matrix[r, $0] }
        var columns = analysis.table.nodeTotals
        var all = columns.reduce(0, +)
        for firm in hidden {
            let value = analysis.table.measure.value(of: firm)
            for node in analysis.index.nodesByEnterprise[firm.id] ?? [] {
                guard let n = targets.nodeColumns[node], value != 0 else { continue }
                row[n] -= value; columns[n] -= value; all -= value
            }
        }
        return density(row: row, columns: columns, total: all, proximity: analysis.complexity.proximity, threshold: analysis.lq.threshold)
    }
}

extension TargetBacktest.Trial {
    /// The trial's candidates among `ids` only.
    func restricted(to ids: Set<String>) -> Self {
        var out = Self(region: region)
        for k in self.ids.indices where ids.contains(self.ids[k]) {
            out.ids.append(self.ids[k]); out.rows.append(rows[k]); out.labels.append(labels[k])
            out.formula.append(formula[k]); out.density.append(density[k]); out.size.append(size[k])
        }
        return out
    }
}

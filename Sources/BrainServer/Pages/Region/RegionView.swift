import Foundation
import BrainAnalytics
import BrainModel

/// The region report as template values: numbers formatted, nodes grouped into the chain map's tiers, labels in both
/// languages. Values are plain strings; the template escapes them.
enum RegionView {
    static let statusLabels: [String: (zh: String, en: String)] = [
        "strong": ("优势", "strong"), "weak": ("薄弱", "weak"),
        "missing-related": ("缺失·可补", "missing, related"), "missing": ("缺失", "missing"),
    ]
    static let tierLabels: [(ChainTier, String, String)] = [(.upstream, "上游", "Upstream"), (.midstream, "中游", "Midstream"),
                                                            (.downstream, "下游", "Downstream")]
    /// Reasons for the template: each one's Chinese and English (the page's language switch shows one).
    static func reasonViews(_ reasons: [Reason]) -> [[String: String]] {
        reasons.map { reason in
            let text = ReasonText.bilingual(reason)
            return ["zh": text.zh, "en": text.en]
        }
    }

    /// What the talent counts cover, in words (the analytics' note is English and names a CLI command).
    static func talentNote(_ demand: TalentCube.TalentDemand) -> (zh: String, en: String) {
        demand.demands == 0 && demand.talents == 0
            ? ("此处暂无您可见的人才需求或人才：默认数据不含个人信息；可在「供需对接」发布需求，或导入人才名单。",
               "No talent demands or talents you can see here: the default data holds no people; post a demand under Match or import a list of talents.")
            : ("您可见的人才需求与人才：本机构自有的，以及其他机构共享的。",
               "Talent demands and talents you can see: your organisation's own and those others share.")
    }

    static func number(_ value: Double?, _ digits: Int = 2) -> String {
        guard let value, value.isFinite else { return "–" }
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.maximumFractionDigits = digits
        formatter.minimumFractionDigits = 0
        return formatter.string(from: NSNumber(value: value)) ?? "\(value)"
    }

    static func context(_ report: RegionReport) -> [String: Any] {
        let region = report.region
        let statusById = Dictionary(report.gaps.nodes.map { ($0.node.id, $0) }, uniquingKeysWith: { a, _ in a })
        func nodeView(_ status: ChainGapReport.NodeStatus) -> [String: Any] {
            let label = statusLabels[status.status] ?? (status.status, status.status)
            return presentValues(["id": status.node.id, "nameZh": status.node.nameZh, "nameEn": status.node.nameEn, "status": status.status,
                    "statusZh": label.zh, "statusEn": label.en, "firms": number(status.firms, 0), "lq": number(status.lq),
                    "reasonsZh": ReasonText.render(status.reasons, in: .zh), "reasonsEn": ReasonText.render(status.reasons, in: .en),
                    // Always present: a sub-node without a flag must not show its parent's (Mustache looks up the stack).
                    "flag": CoverageText.flag(status.flag) ?? false, "flagEn": CoverageText.flagEn(status.flag) ?? ""])
        }
        let tiers: [[String: Any]] = tierLabels.map { tier, zh, en in
            let top = report.gaps.nodes.filter { $0.node.tier == tier && $0.parentId == nil }
            return ["zh": zh, "en": en, "nodes": top.map { parent -> [String: Any] in
                var view = nodeView(parent)
                view["subs"] = report.gaps.nodes.filter { $0.parentId == parent.node.id }.map(nodeView)
                return view
            }]
        }
        func actions(_ list: [ChainGapReport.Action]) -> [[String: Any]] {
            list.map { ["id": $0.node.id, "nameZh": $0.node.nameZh, "nameEn": $0.node.nameEn, "score": number($0.score),
                        "firms": number(statusById[$0.node.id]?.firms, 0), "reasons": reasonViews($0.reasons)] }
        }
        let opportunities = report.opportunities.opportunities.prefix(10).map { o -> [String: Any] in
            presentValues(["rank": o.rank, "id": o.node.id, "nameZh": o.node.nameZh, "nameEn": o.node.nameEn, "density": number(o.density),
             "pci": number(o.pci), "quadrant": o.quadrant, "quadrantZh": ReasonText.render(o.quadrantLabel, in: .zh),
             "quadrantEn": ReasonText.render(o.quadrantLabel, in: .en), "reason": reasonViews([o.reason])])
        }
        let peers = report.peers.indicators.map { i -> [String: Any] in
            ["indicator": i.indicator, "labelZh": ReasonText.render(i.label, in: .zh), "labelEn": ReasonText.render(i.label, in: .en), "region": number(i.region), "peerMedian": number(i.peerMedian),
             "nationalMedian": number(i.nationalMedian), "rank": i.rankAmongPeers.map(String.init) ?? "–"]
        }
        let criteria = report.cluster.criteria.map { c -> [String: Any] in
            ["zh": ReasonText.render(c.label, in: .zh), "en": ReasonText.render(c.label, in: .en), "value": number(c.value),
             "threshold": number(c.threshold), "met": c.met]
        }
        let indexRows = report.innovationIndex.rows.map { row -> [String: Any] in
            ["year": row.year ?? "", "score": number(row.score, 1), "rank": row.rank.map(String.init) ?? "–",
             "band": row.rankBand.map { "\($0.p5)–\($0.p95)" } ?? "–",
             "change": row.change.map { (($0.points >= 0) ? "+" : "") + number($0.points, 1) } ?? "–"]
        }
        let chokepoints = report.chokepoints.prefix(12).map { c -> [String: Any] in
            ["id": c.node.id, "nameZh": c.node.nameZh, "nameEn": c.node.nameEn, "suppliers": c.suppliers,
             "inRegion": c.suppliersInRegion.map(String.init) ?? "–", "flags": reasonViews(c.flags),
             "top": c.topSupplier ?? "–"]
        }
        let largest = report.largestFirms.map { f -> [String: Any] in
            ["id": f.id, "name": f.name, "stock": f.stockCode ?? "", "city": f.cityName ?? "", "employees": number(f.employees.map(Double.init), 0),
             "assets": number(f.totalAssetsYi), "sectors": f.reason ?? "", "sectorsEn": report.largestFirmNodesEn[f.id] ?? f.reason ?? ""]
        }
        let strong = report.gaps.nodes.filter { $0.status == "strong" }.map(\.node.nameZh)
        // Both languages, as every note on the page: the English page read this warning in Chinese.
        let flagged = report.gaps.nodes.compactMap { s -> [String: String]? in
            guard let zh = CoverageText.flag(s.flag), let en = CoverageText.flagEn(s.flag) else { return nil }
            return ["zh": "\(s.node.nameZh) LQ \(number(s.lq))（\(zh)）", "en": "\(s.node.nameEn) LQ \(number(s.lq)) (\(en))"]
        }
        return [
            "coverageZh": CoverageText.zh(report.coverage), "coverageEn": CoverageText.en(report.coverage),
            "layersText": report.coverage.layers.joined(separator: ","), "flagged": flagged, "hasFlagged": !flagged.isEmpty,
            "code": region.code, "name": region.name, "level": region.level.rawValue,
            "levelZh": RegionExport.levelName(region.level, .zh), "levelEn": RegionExport.levelName(region.level, .en),
            "ancestors": region.ancestors.filter { $0.code != "000000" }.map { ["code": $0.code, "name": $0.name] },
            "biomedicineFirms": region.biomedicineFirms, "listedFirms": region.listedFirms,
            "biomedicineEmployees": number(Double(region.biomedicineEmployees), 0), "universities": region.universities,
            "completeness": number((report.cluster.indicators.chainCompleteness) * 100, 0),
            "strongNodes": strong.joined(separator: "、"), "strongCount": strong.count,
            "strongNodesEn": report.gaps.nodes.filter { $0.status == "strong" }.map(\.node.nameEn).joined(separator: ", "),
            "eci": number(report.opportunities.eci),
            "clusterMet": report.cluster.met, "clusterOf": report.cluster.of,
            // 补链 shows its first five; the rest wait behind 展开 (a 招商 team reads the top of the list).
            "tiers": tiers, "fill": actions(report.gaps.fill), "fillTop": actions(Array(report.gaps.fill.prefix(5))),
            "fillMore": actions(Array(report.gaps.fill.dropFirst(5))), "fillMoreCount": max(0, report.gaps.fill.count - 5), "hasFillMore": report.gaps.fill.count > 5,
            "strengthen": actions(report.gaps.strengthen),
            "extend": actions(report.gaps.extend), "opportunities": opportunities,
            "peersBySpecialisation": report.peers.bySpecialisation.map { ["code": $0.region.code, "name": $0.region.name, "similarity": number($0.similarity)] },
            "peerIndicators": peers, "criteria": criteria, "indexRows": indexRows, "indexOf": report.innovationIndex.of,
            "chokepoints": chokepoints, "largest": largest,
            "parks": region.parks.map { ["id": $0.id, "name": $0.name, "positioning": $0.positioning.joined(separator: "、")] },
            "targets": targetRows(report.targets),
            "targetCandidates": report.targets.candidates, "targetPage": report.targets.page, "targetPages": report.targets.pages,
            "targetRuleZh": report.targets.diversity.ruleZh, "targetRuleEn": report.targets.diversity.ruleEn,
            "targetPresets": report.targets.presets.map { preset -> [String: Any] in
                ["id": preset.id, "nameZh": preset.nameZh, "nameEn": preset.nameEn, "chosen": preset.id == report.targets.strategy.id,
                 "weights": preset.shownWeights.filter { $0.weight > 0 }.map { "\($0.nameZh) \(number($0.weight))" }.joined(separator: "，"),
                 "weightsEn": preset.shownWeights.filter { $0.weight > 0 }.map { "\($0.nameEn) \(number($0.weight))" }.joined(separator: ", ")]
            },
            "targetWeights": report.targets.weights.map { ["key": $0.key, "nameZh": $0.nameZh, "nameEn": $0.nameEn, "weight": number($0.weight)] },
            "talentUniversities": report.talent.universities, "talentMedical": report.talent.medicalUniversities,
            "talentRank": report.talent.universitiesRank, "talentOf": report.talent.regionsRanked,
            "talentMedicalNames": report.talent.medicalUniversityNames.joined(separator: "、"), "talentDemandZh": talentNote(report.talent.demand).zh, "talentDemandEn": talentNote(report.talent.demand).en, "talentDemands": report.talent.demand.demands,
            "talentHeadcount": report.talent.demand.headcount, "talentImported": report.talent.demand.talents,
            "talentNodes": report.talent.nodes.prefix(12).map { ["nameZh": $0.node.nameZh, "nameEn": $0.node.nameEn, "employees": number(Double($0.employees), 0),
                                                                 "firms": $0.firms, "rank": $0.rank, "of": $0.of] as [String: Any] },
            "services": report.services.map { match in
                ["service": match.service.nameZh, "serviceEn": match.service.nameEn, "id": match.service.id, "count": match.offers,
                 "offers": match.matches.map { offer in
                     // The first reason names the service, already the row's heading.
                     ["id": offer.firm.id, "name": offer.firm.name, "whyZh": ReasonText.render(Array(offer.reasons.dropFirst()), in: .zh, separator: "; "),
                      "whyEn": ReasonText.render(Array(offer.reasons.dropFirst()), in: .en, separator: "; ")]
                 }] as [String: Any]
            },
            "caveats": reasonViews(report.opportunities.caveats), "indexNotes": reasonViews(report.innovationIndex.notes), "hasParks": !region.parks.isEmpty,
            "topOpportunities": Array(opportunities.prefix(5)),
        ]
    }
}

extension RegionView {
    /// The 招商 rows: the node with what it is for the region (补链/强链/延链), the score, and each reason in both languages.
    static func targetRows(_ targets: InvestmentTargets.Report) -> [[String: Any]] {
        targets.targets.map { t in
            let role = t.role.flatMap { TargetRegionNodes.roleNames[$0] }
            return presentValues([
                "rank": t.rank, "id": t.firm.id, "name": t.firm.name, "place": [t.firm.provinceName, t.firm.cityName].compactMap { $0 }.joined(separator: " "),
                "score": number(t.score, 3), "nodeId": t.node?.id, "nodeZh": t.node?.nameZh, "nodeEn": t.node?.nameEn,
                "role": t.role, "roleZh": role?.zh, "roleEn": role?.en, "sameProvince": t.sameProvince ? true : nil,
                "reasons": t.reasons.map { reason -> [String: String] in
                    let text = ReasonText.bilingual(reason)
                    return ["zh": text.zh, "en": text.en]
                },
            ])
        }
    }
}

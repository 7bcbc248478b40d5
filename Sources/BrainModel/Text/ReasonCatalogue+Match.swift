extension ReasonCatalogue {
    /// Supply and demand (ServiceOffers, DemandMatching, Nearness): why an offer or a talent meets a need.
    /// `{node}` is the node's Chinese name with `node.en` its English one.
    static let match: [String: ReasonTemplate] = [
        "match.provides": ReasonTemplate(zh: "提供 {node}", en: "offers {node}"),
        "match.related-service": ReasonTemplate(zh: "相近服务 {node}", en: "offers a related service: {node}"),
        "match.provides-imported": ReasonTemplate(zh: "提供 {node}（{organisation} 导入）", en: "offers {node} (imported by {organisation})"),
        "match.related-imported": ReasonTemplate(zh: "相近服务 {node}（{organisation} 导入）",
                                                 en: "offers a related service: {node} (imported by {organisation})"),
        "match.demand": ReasonTemplate(zh: "需求 {title}", en: "demand: {title}"),
        "match.quality": ReasonTemplate(zh: "发展质量(不含区位) {score}", en: "development quality without location {score}"),
        "match.strength-unknown": ReasonTemplate(zh: "实力未知", en: "strength unknown"),
        "match.capacity": ReasonTemplate(zh: "能力 {capacity}", en: "capacity: {capacity}"),
        "near.same-city": ReasonTemplate(zh: "同城", en: "same city"),
        "near.same-province": ReasonTemplate(zh: "同省", en: "same province"),
        "near.unknown": ReasonTemplate(zh: "所在地未知", en: "location unknown"),
        "near.distance": ReasonTemplate(zh: "距离 {km} km", en: "{km} km away"),
        "talent.field": ReasonTemplate(zh: "领域 {node}", en: "field: {node}"),
        "talent.related-field": ReasonTemplate(zh: "相近领域 {node}", en: "related field: {node}"),
        "talent.leading-score": ReasonTemplate(zh: "领军人才评分 {score}/100", en: "leading-talent score {score}/100"),
        "talent.honour": ReasonTemplate(zh: "人才称号：{honour}", en: "honour: {honour}"),
        "talent.degree-below": ReasonTemplate(zh: "学历 {degree} 低于要求 {wanted}", en: "degree {degree}, below the {wanted} asked"),
        "talent.degree-met": ReasonTemplate(zh: "学历 {degree} 满足", en: "degree {degree}: meets the requirement"),
        "talent.degree-unknown": ReasonTemplate(zh: "学历未知", en: "degree unknown"),
        "talent.years-below": ReasonTemplate(zh: "产业经验 {years} 年 少于 {wanted} 年", en: "{years} years in industry, fewer than the {wanted} asked"),
        "talent.years-met": ReasonTemplate(zh: "产业经验 {years} 年 满足", en: "{years} years in industry: enough"),
        "talent.years-unknown": ReasonTemplate(zh: "产业经验未知", en: "industry experience unknown"),
    ]
}

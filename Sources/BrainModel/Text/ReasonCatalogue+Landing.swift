/// Park landing (`landing.`), policy eligibility (`policy.`), demand matching (`match.`), service offers
/// (`service.`) and talents (`talent.`).
extension ReasonCatalogue {
    static let landing: [String: ReasonTemplate] = [
        // Why a park suits a project (ParkLanding).
        "landing.positioning": .init(zh: "定位 {positioning} 对应 {nodes}", en: "positioning {positioning} matches {nodes}"),
        "landing.stage": .init(zh: "适合{stage}：园区定位或事实含“{word}”", en: "suits {stage}: the park's positioning or facts mention “{word}”"),
        "landing.cluster": .init(zh: "{city} 有同节点上市企业 {same} 家、上下游节点 {near} 家",
                                 en: "{city}: {same} listed firms on the same nodes, {near} on upstream or downstream nodes"),
        "landing.talent": .init(zh: "人才：{city} 高校 {universities} 所，其中医药类 {medical} 所",
                                en: "talent: {universities} universities in {city}, {medical} of them medical"),
        "landing.distance": .init(zh: "距来源地 {km} km", en: "{km} km from the origin"),
        "landing.area": .init(zh: "位于首选区域 {area}", en: "in the preferred area {area}"),
        // A policy rule's conditions, the firm's value beside them on the enterprise page.
        "policy.equals": .init(zh: "{field}为{value}", en: "{field} = {value}"),
        "policy.any-of": .init(zh: "{field}属于 {list}", en: "{field} in {list}"),
        "policy.within": .init(zh: "{field}位于 {place}", en: "{field} within {place}"),
        "policy.contains": .init(zh: "{field}包含以下之一：{words}", en: "{field} contains one of {words}"),
        "policy.range": .init(zh: "{field}需 {bounds}", en: "{field} {bounds}"),
        "policy.no-rule": .init(zh: "本条款未录入申报条件规则", en: "no eligibility rule recorded for this clause"),
        "policy.for-talents": .init(zh: "面向人才的条款：在导入页面导入人才名单后即可匹配",
                                    en: "a clause for talents: import talents on the Import page to match it"),
        "policy.action": .init(zh: "须：{action}", en: "must: {action}"),
    ]
}

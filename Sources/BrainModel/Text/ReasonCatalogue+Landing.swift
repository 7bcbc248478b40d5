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
        "landing.in-preferred-area": .init(zh: "位于首选区域{area}：{how}", en: "in the preferred area {area}: {how}"),
        "landing.outside-preferred-area": .init(zh: "不在首选区域{area}内：{how}", en: "outside the preferred area {area}: {how}"),
        "landing.area-unknown": .init(zh: "找不到区域“{name}”；相近的有：{candidates}。请填写地名或六位行政区划代码",
                                      en: "no area called “{name}”; close ones: {candidates}. Give a place name or its six-digit code"),
        "landing.area-ambiguous": .init(zh: "区域“{name}”有多个匹配：{candidates}。请写全称或填六位代码",
                                        en: "“{name}” matches several areas: {candidates}. Give the full name or the six-digit code"),
        "landing.land-stated": .init(zh: "用地：项目需 {need}；园区数据载明“{fact}”（约 {mu} 亩），未载明可供出让的用地",
                                     en: "land: the project needs {need}; the park data states “{fact}” (about {mu} mu), not the land still available"),
        "landing.land-unstated": .init(zh: "用地：项目需 {need}；园区数据未载明用地规模",
                                       en: "land: the project needs {need}; the park data does not state its land"),
        "landing.gmp-makers": .init(zh: "GMP：{city} 有药品生产类上市企业 {count} 家（如 {firms}），GMP 认证以药监发证为准",
                                    en: "GMP: {city} hosts {count} listed drug manufacturers (e.g. {firms}); GMP status per the regulator's licences"),
        "landing.gmp-unstated": .init(zh: "GMP：园区数据未载明 GMP 认证生产企业", en: "GMP: the park data does not state GMP-certified manufacturers"),
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

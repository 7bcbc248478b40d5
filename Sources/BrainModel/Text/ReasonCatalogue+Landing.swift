/// Park landing (`landing.`), policy eligibility (`policy.`), demand matching (`match.`), service offers
/// (`service.`) and talents (`talent.`).
extension ReasonCatalogue {
    static let landing: [String: ReasonTemplate] = [
        // A policy rule's conditions, the firm's value beside them on the enterprise page.
        "policy.equals": .init(zh: "{field}：{value}", en: "{field} = {value}"),
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

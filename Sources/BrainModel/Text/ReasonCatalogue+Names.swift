/// Why two company names are, or are not, one registered name (`CompanyName.compare`, `brain normalize names`).
/// Alias kinds (`kindA`, `kindB`) and which name is the branch (`which`) are given in both languages by the producer.
extension ReasonCatalogue {
    static let names: [String: ReasonTemplate] = [
        "name.empty": .init(zh: "有一个名称为空", en: "a name is empty"),
        "name.identical": .init(zh: "两个名称完全相同", en: "identical"),
        "name.identical-folded": .init(zh: "统一全半角、括号、空格、引号、注释和繁体字后相同",
                                       en: "identical after folding width, brackets, spaces, quotes, annotations and traditional characters"),
        "name.branch": .init(zh: "{which}名称是另一个的分公司：独立的主体，只链接到总公司",
                             en: "the {which} is a branch (分公司) of the other: its own entity, linked to its parent"),
        "name.legal-form": .init(zh: "名称相同而组织形式不同（{first} 与 {second}）：不同的登记名称",
                                 en: "same name with different company forms ({first} vs {second}): different registered names"),
        "name.former-stated": .init(zh: "一个名称注明另一个是它的曾用名（原…）", en: "one name states the other as its former name (原…)"),
        "name.different": .init(zh: "统一格式后名称仍不同", en: "names differ after folding"),
        "name.same-english": .init(zh: "统一英文组织形式写法后英文名称相同（Co., Ltd. = Company Limited）",
                                   en: "the same English name after folding legal forms (Co., Ltd. = Company Limited)"),
        "name.same-chinese": .init(zh: "中英文名称中的中文名称相同", en: "the same Chinese name beside an English one"),
        "name.alias-two-firms": .init(zh: "分别是两家企业的名称（{first}、{second}）", en: "names of two different firms ({first}, {second})"),
        "name.alias-same-firm": .init(zh: "都是 {firm} 的名称：{kindA}与{kindB}", en: "both name {firm}: {kindA} and {kindB}"),
    ]
}

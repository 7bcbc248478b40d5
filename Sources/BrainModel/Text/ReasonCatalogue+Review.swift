/// Why an imported row waits in the review queue (`ReviewItem.reasons`), and why a link file's row names no firm
/// (`UnresolvedRow.reason`). Names, codes and region codes are values (the store words a region code as its place
/// when it reads an item: `ReviewRegionNames`); the kind of name a row matched comes in both
/// languages (`kind`, `kind.en`: `EnterpriseName.Kind.label`).
extension ReasonCatalogue {
    static let review: [String: ReasonTemplate] = [
        // A queue item stored before reasons were data: its text as written then.
        "review.note": .init(zh: "原文：{text}", en: "as written: {text}"),
        "review.code-held": .init(
            zh: "统一社会信用代码 {code} 已属于{holder}（{holderCity}），本行却是{name}（{region}）：代码相同，名称和地区都不同，应合并还是分开？",
            en: "统一社会信用代码 {code} is held by {holder} in {holderCity}, but this row names {name} in {region}: same code, different name and region — merge or keep apart?"),
        "review.same-name-earlier-row": .init(
            zh: "与本文件前面一行的企业名称和所在城市都相同，且没有统一社会信用代码可以区分",
            en: "same name and city as an earlier row of this file, without 统一社会信用代码 to tell them apart"),
        "review.name-several-firms": .init(
            zh: "名称“{name}”是多家企业的名称（{firms}）：是其中哪一家，还是都不是？",
            en: "the name {name} is a name of several firms ({firms}): which one, or none?"),
        "review.name-code-differs": .init(
            zh: "该名称是{target}的{kind}“{matched}”（来源：{source}），但{target}的统一社会信用代码为 {held}，本行的代码为 {code}：应合并还是分开？",
            en: "the name resolves to {target} by its {kind} {matched} ({source}), but its 统一社会信用代码 is {held}, this row's {code}: merge or keep apart?"),
        "review.name-region-differs": .init(
            zh: "该名称是{target}的{kind}“{matched}”（来源：{source}），但该企业在{city}，本行在{region}：应合并还是分开？",
            en: "the name resolves to {target} by its {kind} {matched} ({source}), but that firm is in {city}, this row in {region}: merge or keep apart?"),
        "review.name-no-code": .init(
            zh: "该名称是{target}的{kind}“{matched}”（来源：{source}），而本行没有统一社会信用代码：应合并还是分开？",
            en: "the name resolves to {target} by its {kind} {matched} ({source}) and the row has no 统一社会信用代码: merge or keep apart?"),
        "review.same-name-row-no-code": .init(
            zh: "与{candidates}的规范化名称相同，且本行没有统一社会信用代码：应合并还是分开？",
            en: "same normalised name as {candidates} and no 统一社会信用代码: merge or keep apart?"),
        "review.same-name-firm-no-code": .init(
            zh: "与{candidates}的规范化名称相同，而对方没有统一社会信用代码：应合并还是分开？",
            en: "same normalised name as {candidates}, which has no 统一社会信用代码: merge or keep apart?"),
        // Deciding an item (`brain review accept|reject`), and a file whose rows name no stored firm.
        "review.no-item": .init(zh: "没有编号为 {id} 的审核项", en: "no review item {id}"),
        "review.already-decided": .init(zh: "审核项 {id} 已经处理过（{status}）", en: "review item {id} is already {status}"),
        "review.candidate-gone": .init(zh: "审核项 {id}：候选企业 {candidate} 已不在库中", en: "review item {id}: the candidate firm {candidate} is no longer in the store"),
        "review.status.pending": .init(zh: "待审核", en: "pending"),
        "review.status.accepted": .init(zh: "已接受", en: "accepted"),
        "review.status.rejected": .init(zh: "已驳回", en: "rejected"),
        "review.kind.same-entity": .init(zh: "疑似同一企业", en: "same-entity"),
        "review.kind.location": .init(zh: "地址待定", en: "location"),
        "import.unresolved-rows": .init(zh: "有 {count} 行指向库中没有的企业：未写入任何数据", en: "{count} rows name firms the store does not hold: nothing was written"),
        "import.rejected-file": .init(zh: "有 {count} 行被拒绝，且设置了 --on-error reject-file：未写入任何数据",
                                      en: "{count} rows rejected and --on-error reject-file: nothing was written"),
        "import.unresolved-file": .init(zh: "有 {count} 行指向库中没有的企业，且设置了 --on-error reject-file：未写入任何数据",
                                        en: "{count} rows name firms the store does not hold and --on-error reject-file: nothing was written"),
        "import.needs-organisation": .init(zh: "{kind}数据属于某个机构：请指明机构", en: "{kind} belong to an organisation: name one"),
        // A link file's row (products, relations, events) naming no stored firm.
        "link.no-firm-with-code": .init(zh: "库中没有统一社会信用代码为 {code} 的企业：请先导入企业",
                                        en: "no firm with 统一社会信用代码 {code} in the store: import the enterprises first"),
        "link.no-firm-named": .init(zh: "库中没有名为{firm}的企业：请先导入企业", en: "no firm named {firm} in the store: import the enterprises first"),
        "link.several-firms-named": .init(zh: "有 {count} 家企业名为{name}：请给出统一社会信用代码",
                                          en: "{count} firms are named {name}: give the 统一社会信用代码"),
    ]
}

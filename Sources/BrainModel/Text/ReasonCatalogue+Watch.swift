/// The change feed (`change.`) and the watchlist API's refusals (`watch.`), issue 19 item 4. `{region}` is the region's
/// name where delivery knows it (else its code), `{name}` the firm's.
extension ReasonCatalogue {
    static let watch: [String: ReasonTemplate] = [
        "change.firm.new": .init(zh: "新增企业：{name}（{region}）", en: "new firm: {name} ({region})"),
        "change.firm.moved": .init(zh: "企业迁移：{name} 从 {fromRegion} 迁至 {toRegion}", en: "firm moved: {name} from {fromRegion} to {toRegion}"),
        "change.event.new": .init(zh: "新事件：{title}（{kind}，{date}）", en: "new event: {title} ({kind}, {date})"),
        // `{added}`/`{removed}`: node names per language (delivery fills them; "—" for none).
        "change.firm.node": .init(zh: "产业链节点变化：{name} 新增 {added}，移除 {removed}", en: "chain nodes changed: {name} added {added}, removed {removed}"),
        // `{field}`: 从业人数, 参保人数 or 注册资本 per language; an input of the quality score, not the score itself.
        "change.firm.quality": .init(zh: "质量指标变化：{name} 的{field}由 {before} 变为 {after}", en: "quality input changed: {name} {field} from {before} to {after}"),
        "watch.kind": .init(zh: "kind 应为 firm、region 或 node", en: "kind is firm, region or node"),
        "watch.target": .init(zh: "找不到要关注的对象：{target}", en: "nothing to watch called {target}"),
        "watch.organisation": .init(zh: "关注与提醒属于机构：请以机构身份登录", en: "watches and alerts belong to an organisation: sign in as one"),
        "watch.forbidden": .init(zh: "当前身份无权关注", en: "this caller may not watch"),
        "watch.ids": .init(zh: "ids 应为逗号分隔的提醒编号，或 all", en: "ids is a comma-separated list of alert ids, or all"),
        "watch.no-such": .init(zh: "本机构没有编号为 {id} 的关注", en: "this organisation has no watch {id}"),
    ]
}

/// Publishing an organisation's imports and curations (issue 19, docs/security.md "Publishing").
extension ReasonCatalogue {
    static let publish: [String: ReasonTemplate] = [
        "publish.unknown": .init(zh: "没有本机构的这条记录：{kind} {id}", en: "no {kind} {id} of your organisation"),
        "publish.needs-admin-role": .init(zh: "发布需要管理员角色", en: "publishing needs the administrator role"),
        "scope.publish-outside": .init(zh: "该导入有 {outside} 家企业不在本机构辖区 {scope} 内或未定位（已定位 {located} 家），不能发布",
                                       en: "{outside} of the import's firms are outside this organisation's region {scope} or not located ({located} located): it cannot be published"),
        "audit.action.publish": .init(zh: "发布本机构数据", en: "Published an organisation's record"),
        "audit.action.unpublish": .init(zh: "撤回发布", en: "Withdrew a publication"),
    ]
}

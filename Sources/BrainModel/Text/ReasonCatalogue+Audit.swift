/// The audit trail's wording: refusals, and every action code as a person reads it (`audit.action.<code>`), so pages
/// and exports never show the raw code alone. Areas that add a write add its action here.
extension ReasonCatalogue {
    static let audit: [String: ReasonTemplate] = [
        "audit.not-permitted": .init(zh: "你的角色没有这项权限：{permission}", en: "your role does not allow this: {permission}"),
        "audit.sign-in": .init(zh: "审计日志需要管理员令牌，或本机构管理员登录", en: "the audit trail needs an admin token, or an organisation's administrator signed in"),
        "audit.bad-date": .init(zh: "{field} 应为日期（YYYY-MM-DD）或时刻（YYYY-MM-DDThh:mm:ssZ）：{value}",
                                en: "{field} is a date (YYYY-MM-DD) or an instant (YYYY-MM-DDThh:mm:ssZ): {value}"),
        "audit.bad-before": .init(zh: "before 应为正整数（条目编号）", en: "before is a positive whole number (an entry's id)"),
        "audit.bad-filter": .init(zh: "{field} 不超过 100 个字符", en: "{field} is at most 100 characters"),
        // Actions.
        "audit.action.import.write": .init(zh: "导入文件", en: "Imported a file"),
        "audit.action.review.accept": .init(zh: "接受审核项", en: "Accepted a review item"),
        "audit.action.review.reject": .init(zh: "驳回审核项", en: "Rejected a review item"),
        "audit.action.curation.add": .init(zh: "添加校订", en: "Added a curation"),
        "audit.action.curation.revoke": .init(zh: "撤销校订", en: "Revoked a curation"),
        "audit.action.market.create": .init(zh: "发布供需记录", en: "Posted a market record"),
        "audit.action.market.share": .init(zh: "共享供需记录", en: "Shared a market record"),
        "audit.action.market.withdraw": .init(zh: "撤回共享", en: "Withdrew a shared record"),
        "audit.action.market.delete": .init(zh: "删除供需记录", en: "Deleted a market record"),
        "audit.action.organisation.create": .init(zh: "创建机构", en: "Created an organisation"),
        "audit.action.organisation.token": .init(zh: "更换机构令牌", en: "Rotated an organisation's token"),
        "audit.action.admin-token.create": .init(zh: "创建管理员令牌", en: "Created an admin token"),
        "audit.action.session.sign-in": .init(zh: "登录", en: "Signed in"),
        "audit.action.session.sign-out": .init(zh: "退出登录", en: "Signed out"),
        "audit.action.database.build": .init(zh: "重建数据库", en: "Rebuilt the database"),
        // Announced by the areas of issue 19 that land beside this one.
        "audit.action.lead.create": .init(zh: "新建招商线索", en: "Opened a lead"),
        "audit.action.lead.stage": .init(zh: "推进线索阶段", en: "Moved a lead's stage"),
        "audit.action.lead.update": .init(zh: "修改招商线索", en: "Changed a lead"),
        "audit.action.watch.add": .init(zh: "添加关注", en: "Added to a watchlist"),
        "audit.action.watch.remove": .init(zh: "取消关注", en: "Removed from a watchlist"),
        "audit.action.person.create": .init(zh: "新建用户", en: "Created a person"),
        "audit.action.person.role": .init(zh: "更改角色", en: "Changed a role"),
        // The webhook and /account area (issue 19 items 1 and 4).
        "audit.action.person.password": .init(zh: "修改密码", en: "Changed their password"),
        "audit.action.person.password-failed": .init(zh: "修改密码被拒", en: "A password change was refused"),
        "audit.action.token.create": .init(zh: "创建个人 API 令牌", en: "Created a personal API token"),
        "audit.action.token.revoke": .init(zh: "吊销个人 API 令牌", en: "Revoked a personal API token"),
        "audit.action.webhook.set": .init(zh: "设置提醒 Webhook", en: "Set the alert webhook"),
        "audit.action.webhook.rotate": .init(zh: "更换 Webhook 签名密钥", en: "Rotated the webhook's signing secret"),
        "audit.action.webhook.remove": .init(zh: "删除提醒 Webhook", en: "Removed the alert webhook"),
        "audit.action.person.sign-in": .init(zh: "用户登录", en: "A person signed in"),
        "audit.action.person.sign-out": .init(zh: "用户退出", en: "A person signed out"),
        "audit.action.other": .init(zh: "其他操作（{code}）", en: "Other action ({code})"),
    ]
}

/// An action code as a person reads it, in either language; a code the catalogue does not know yet still reads as a
/// sentence that names it.
public enum AuditActionText {
    public static func render(_ code: String, in language: DisplayLanguage) -> String {
        let key = "audit.action." + code
        return ReasonText.render(Reason(ReasonText.templates[key] != nil ? key : "audit.action.other", ["code": code]), in: language)
    }
}

/// Why a lead write of the 招商 pipeline was refused (issue 19 item 3), and the API's lead parameters.
extension ReasonCatalogue {
    static let leads: [String: ReasonTemplate] = [
        "lead.same-stage": .init(zh: "线索已处于该阶段", en: "the lead is already at that stage"),
        "lead.back-one-only": .init(zh: "阶段只能前进，或后退一步", en: "a lead moves forward, or back one stage only"),
        "lead.drop-reason": .init(zh: "放弃线索需要填写原因", en: "dropping a lead needs a reason"),
        "lead.drop-closed": .init(zh: "已落地或已放弃的线索不能再放弃", en: "a landed or dropped lead cannot be dropped"),
        "lead.reopen-to-landed": .init(zh: "重新开启的线索不能直接落地", en: "a reopened lead cannot go straight to landed"),
        "lead.create-dropped": .init(zh: "新线索不能处于放弃阶段", en: "a new lead cannot start dropped"),
        "lead.firm-required": .init(zh: "请填写企业名称", en: "name the firm"),
        "lead.region-code": .init(zh: "地区代码应为六位数字", en: "the region code is six digits"),
        "lead.due-date": .init(zh: "截止日期应为 YYYY-MM-DD 格式的日期", en: "the due date is a date as YYYY-MM-DD"),
        "lead.too-long": .init(zh: "内容过长", en: "the text is too long"),
        "api.lead-changed": .init(zh: "线索已被他人修改，请刷新后重试", en: "the lead was changed meanwhile: reload and try again"),
        "api.lead-version": .init(zh: "请附上读取线索时的版本号 version（防止覆盖他人的修改）",
                                  en: "send the version the lead was read at (so nobody's later edit is overwritten)"),
        "api.lead-owner": .init(zh: "负责人 {owner} 不是本机构的用户", en: "owner {owner} is not a person of this organisation"),
        "lead.edit-conflict": .init(zh: "保存前该线索已被他人修改：下面是最新内容，请核对后重新保存",
                                    en: "someone saved this lead before you: below is what it holds now; check it and save again"),
        "api.lead-stage": .init(zh: "stage 应为 lead、contact、visit、negotiation、signed、landed 或 dropped 之一",
                                en: "stage is lead, contact, visit, negotiation, signed, landed or dropped"),
        "api.lead-source": .init(zh: "source 应为 region-targets、enterprise 或 manual", en: "source is region-targets, enterprise or manual"),
        "api.lead-field": .init(zh: "未知字段 {field}", en: "unknown field {field}"),
        "api.lead-enterprise": .init(zh: "库中没有企业 {id}", en: "the store holds no firm {id}"),
        "api.leads-private": .init(zh: "招商线索只对本机构可见：请以机构身份登录", en: "leads are private to an organisation: sign in as one"),
        "api.leads-permission": .init(zh: "当前身份无权管理招商线索", en: "this caller may not manage leads"),
    ]
}

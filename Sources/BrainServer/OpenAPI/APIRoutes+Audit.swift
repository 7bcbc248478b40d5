/// The audit trail's JSON route (the page and its CSV/XLSX exports are not part of the API contract).
extension APIRoutes {
    static let audit: [APIOperation] = [
        APIOperation(method: .get, path: "/api/audit", tag: "审计", summaryZh: "审计日志（最新在前；管理员令牌看全部，机构管理员只看本机构）",
                     summaryEn: "Audit trail, newest first (admin token: all; an organisation's administrator: its own)", access: .admin,
                     parameters: [
                        .query("action", .string(maxLength: 100), "只看该操作代码，如 import.write"),
                        .query("actor", .string(maxLength: 100), "只看该操作者，如 cli、admin-token、org-token:机构编号"),
                        .query("from", .string(maxLength: 20), "起始日期 YYYY-MM-DD 或时刻 YYYY-MM-DDThh:mm:ssZ（UTC）"),
                        .query("to", .string(maxLength: 20), "截止日期（含当天）或时刻"),
                        .query("before", .integer(minimum: 1), "只看编号小于此值的记录（翻到更早一页：上一页的 next）"),
                        limit(1_000, 100),
                        .query("org", .string(maxLength: 100), "只看该机构（仅管理员令牌）"),
                        lang,
                     ],
                     response: .objectWith(required: ["entries": .array(.object)]), errors: [400, 401, 403]),
    ]
}

/// Publishing an organisation's imports and curations (issue 19; PublishRoutes): its administrator or the operator.
extension APIRoutes {
    static let publish: [APIOperation] = [("imports", "导入", "import", APIParameter.path("id", .integer(minimum: 1), "导入编号")),
                                          ("curations", "人工校正", "curation", APIParameter.path("id", .string(maxLength: 64), "校正编号"))]
        .flatMap { path, zh, en, id in
            [
                APIOperation(method: .post, path: "/api/\(path)/{id}/publish", tag: "发布", summaryZh: "发布本机构的一条\(zh)（所有人可见）",
                             summaryEn: "Publish one of the organisation's \(en)s (everyone sees it)", access: .writer, parameters: [id],
                             response: .object, errors: [401, 403, 404]),
                APIOperation(method: .post, path: "/api/\(path)/{id}/unpublish", tag: "发布", summaryZh: "撤回一条\(zh)的发布（仅本机构可见）",
                             summaryEn: "Withdraw the publication of one of the organisation's \(en)s", access: .writer, parameters: [id],
                             response: .object, errors: [401, 403, 404]),
            ]
        }
}

import BrainAnalytics
import BrainModel
import BrainUseCases

/// Every JSON and operational route of the server, documented. The router is the truth: `APIRoutesTests` fails when
/// a route is registered without an entry here, or an entry names no route.
enum APIRoutes {
    static let code = APIParameter.path("code", .regionCode, "六位行政区划代码（或国家统计局 7x 开发区代码），如 320500",
                                          example: "320500")
    static let enterprise = APIParameter.path("id", .string(maxLength: 64), "企业编号：上市企业为股票代码（600276.SH），导入企业为其统一社会信用代码或导入编号",
                                                example: "600276.SH")
    static let measure = APIParameter.query("measure", .string(values: ["firms", "employees", "assets"]), "度量：企业数、从业人数或资产")
    static let layers = APIParameter.query("layers", .string(maxLength: 200), "计入的数据层，逗号分隔：listed、nmpa-2019、import:<编号>（默认仅上市企业）")
    static let node = APIParameter.query("node", .string(maxLength: 64), "产业链节点编号，如 antibodies")
    /// The language of `text` in each reason and label (`{"code", "values", "text"}`).
    static let lang = APIParameter.query("lang", .string(values: ["zh", "en"]), "理由与标签（text）的语言：zh 中文（默认）或 en 英文")
    /// `page` and `size` of a paged list (Paging): page from 1, past the end an empty page.
    static let paging: [APIParameter] = [
        .query("page", .integer(minimum: 1, maximum: 100_000), "页码（从 1 起，默认 1；超出末页得到空页）"),
        .query("size", .integer(minimum: 1, maximum: 100), "每页条数（1–100，默认 20）"),
    ]
    static func limit(_ maximum: Int, _ fallback: Int) -> APIParameter {
        .query("limit", .integer(minimum: 1, maximum: maximum), "条数上限（1–\(maximum)，默认 \(fallback)）")
    }
    static let recordId = APIParameter.path("id", .integer(minimum: 1), "记录编号")

    static let all: [APIOperation] = health + regions + enterprises + chain + recommend + market + imports + curation + publish + audit + leads + watch + contract

    static let health: [APIOperation] = [
        APIOperation(method: .get, path: "/health", tag: "运维", summaryZh: "就绪检查（同 /health/ready）", summaryEn: "Readiness",
                     response: .reference("Health"), errors: [503]),
        APIOperation(method: .get, path: "/health/ready", tag: "运维", summaryZh: "就绪检查：数据库可读、已建库、快照已载入",
                     summaryEn: "Readiness: store readable, built, snapshot loaded", response: .reference("Health"), errors: [503]),
        APIOperation(method: .get, path: "/health/live", tag: "运维", summaryZh: "存活检查：进程在应答", summaryEn: "Liveness",
                     response: .object, errors: []),
        APIOperation(method: .get, path: "/metrics", tag: "运维", summaryZh: "Prometheus 指标（管理员令牌）", summaryEn: "Prometheus metrics (admin token)",
                     access: .admin, errors: [401], responseType: "text/plain"),
    ]

    static let regions: [APIOperation] = [
        APIOperation(method: .get, path: "/api/regions/{code}", tag: "区域", summaryZh: "区域概况：上下级、各链节点企业数、龙头企业",
                     summaryEn: "Region profile", parameters: [code],
                     response: .objectWith(required: ["code": .regionCode, "name": .string(), "level": .string()])),
        APIOperation(method: .get, path: "/api/regions/{code}/children", tag: "区域", summaryZh: "下级区域的企业数（地图用）",
                     summaryEn: "Child regions' values", parameters: [code], response: .array(.object)),
        APIOperation(method: .get, path: "/api/regions/{code}/{method}", tag: "区域分析", summaryZh: "区域分析：专业化、机会、补链强链、卡脖子、对标、创新指数、集群",
                     summaryEn: "Region analytics", parameters: [
                        code,
                        .path("method", .string(values: AnalyticsController.regionMethods), "分析方法",
                              example: "gaps"),
                        .query("level", .string(values: ["province", "city", "district"]), "比较的层级（默认区域自身的层级）"),
                        measure,
                        .query("threshold", .number(exclusiveMinimum: 0, maximum: 100), "判定“有显示度”的区位商门槛（默认 1）"),
                        .query("strongLq", .number(exclusiveMinimum: 0, maximum: 100), "gaps：强链的区位商门槛（默认 1.25）"),
                        .query("count", .integer(minimum: 1, maximum: 50), "peers：对标区域个数（默认 5）"),
                        node,
                        .query("from", .integer(minimum: 1900, maximum: 2100), "index：起始年（默认 2019）"),
                        .query("to", .integer(minimum: 1900, maximum: 2100), "index：结束年（默认 2023）"),
                        lang,
                     ]),
        APIOperation(method: .get, path: "/api/regions/{code}/report", tag: "区域", summaryZh: "区域报告（页面与导出所用的全部内容）",
                     summaryEn: "Region report", parameters: [code, layers, lang]),
        APIOperation(method: .get, path: "/api/regions/{code}/targets", tag: "招商", summaryZh: "招商目标企业及理由", summaryEn: "Investment targets",
                     parameters: [code, .query("sameProvince", .string(values: ["include", "flag", "exclude"]), "本省企业：计入、标注或排除（默认标注）"),
                                  .query("riskWarned", .string(values: ["exclude", "include"]), "风险警示（ST/*ST）企业：排除（默认）或列入并标注"),
                                  .query("strategy", .string(values: TargetStrategy.presets.map(\.id) + ["custom"]),
                                         "策略：balanced 综合（默认）、fill 补链、strengthen 强链、extend 延链、complexity 高附加值、custom 自定义"),
                                  .query("page", .integer(minimum: 1, maximum: 100_000), "页码（从 1 起）"),
                                  .query("size", .integer(minimum: 1, maximum: 500), "每页条数（1–500，默认 50；limit 为旧名）"),
                                  .query("lang", .string(values: ["zh", "en"]), "理由文字的语言（默认 zh）"),
                                  limit(500, 50)]
                        + TargetStrategy.Weights.keys.map { key in
                            .query(key, .number(maximum: 1), "权重 \(TargetStrategy.weightNames[key]?.zh ?? key)（0–1，覆盖所选策略的该项）")
                        }),
        APIOperation(method: .get, path: "/api/regions/{code}/talent", tag: "区域", summaryZh: "人才供给：高校与各节点从业人数",
                     summaryEn: "Talent supply", parameters: [code]),
        APIOperation(method: .get, path: "/api/regions/{code}/network", tag: "区域分析",
                     summaryZh: "产业链关联网络：各环节的邻近度连线（最大生成树加 φ ≥ 门槛的边）、固定布局与本地区的有无和区位商",
                     summaryEn: "Chain relatedness network with the region's presences",
                     parameters: [code, .query("threshold", .number(exclusiveMinimum: 0, maximum: 1), "最大生成树之外再画的边的邻近度门槛（大于 0、不超过 1，默认 0.4）"), lang],
                     response: .objectWith(required: ["nodes": .array(.object), "edges": .array(.object), "rule": .object])),
        APIOperation(method: .get, path: "/api/regions/{code}/swot", tag: "区域分析",
                     summaryZh: "对标 SWOT：与所选同级地区比较的优势、劣势、机会、威胁（仅上市企业）",
                     summaryEn: "SWOT against chosen peer regions",
                     parameters: [code, .query("peers", .string(maxLength: 400), "对标地区：地名或六位代码，逗号分隔，最多 12 个（默认为产业结构最相近的地区）"), lang],
                     response: .objectWith(required: ["sections": .array(.object), "peers": .array(.object)])),
        APIOperation(method: .get, path: "/api/map/{code}", tag: "区域", summaryZh: "地图数据：下级区域的值与覆盖说明", summaryEn: "Map values",
                     parameters: [code, measure, node, layers]),
        APIOperation(method: .get, path: "/api/chokepoints", tag: "区域分析", summaryZh: "全国卡脖子节点", summaryEn: "Chokepoints nationally",
                     parameters: [measure, node, lang]),
        APIOperation(method: .get, path: "/api/parks", tag: "园区", summaryZh: "园区列表", summaryEn: "Parks", response: .array(.object), errors: []),
        APIOperation(method: .get, path: "/api/parks/{id}", tag: "园区", summaryZh: "园区详情与园内企业", summaryEn: "Park",
                     parameters: [.path("id", .string(maxLength: 64), "园区编号，如 suzhou-biobay", example: "suzhou-biobay")]),
        APIOperation(method: .get, path: "/api/parks/{id}/profile", tag: "园区", summaryZh: "园区的链节点构成", summaryEn: "Park profile",
                     parameters: [.path("id", .string(maxLength: 64), "园区编号", example: "suzhou-biobay")]),
    ]

    static let enterprises: [APIOperation] = [
        APIOperation(method: .get, path: "/api/enterprises", tag: "企业", summaryZh: "按名称检索企业（分页）", summaryEn: "Search enterprises by name",
                     parameters: [.query("q", .string(maxLength: 100), "名称中的字词"), limit(100, 20),
                                  .query("offset", .integer(minimum: 0), "跳过的条数（默认 0；给出 page 或 size 时由页码推得）")] + paging,
                     errors: [400]),
        APIOperation(method: .get, path: "/api/search", tag: "企业", summaryZh: "站内搜索：企业、区域、节点", summaryEn: "Site search",
                     parameters: [.query("q", .string(maxLength: 100), "检索词"),
                                  .query("page", .integer(minimum: 1, maximum: 100_000), "企业的页码（从 1 起；地区、节点、产品只在第 1 页）"),
                                  .query("size", .integer(minimum: 1, maximum: 100), "每页企业数（1–100，默认 10；limit 为旧名）")],
                     errors: [400]),
        APIOperation(method: .get, path: "/api/enterprises/{id}", tag: "企业", summaryZh: "企业：链节点（含来源与置信度）、产品、事件",
                     summaryEn: "Enterprise", parameters: [enterprise],
                     response: .objectWith(required: ["enterprise": .objectWith(required: ["id": .string()]), "assignments": .array(.object)])),
        APIOperation(method: .get, path: "/api/enterprises/{id}/quality", tag: "企业", summaryZh: "企业质量评分", summaryEn: "Quality score",
                     parameters: [enterprise, lang]),
        APIOperation(method: .get, path: "/api/enterprises/{id}/portrait", tag: "企业", summaryZh: "企业画像", summaryEn: "Portrait",
                     parameters: [enterprise, lang]),
        APIOperation(method: .get, path: "/api/enterprises/{id}/partners", tag: "企业", summaryZh: "上下游伙伴与同行", summaryEn: "Partners",
                     parameters: [enterprise]),
        APIOperation(method: .get, path: "/api/enterprises/{id}/policies", tag: "政策", summaryZh: "企业可对照的政策条款", summaryEn: "Matching policy clauses",
                     parameters: [enterprise], response: .array(.object)),
        APIOperation(method: .get, path: "/api/enterprises/{id}/facts", tag: "企业", summaryZh: "企业各来源的事实及其历史", summaryEn: "Facts by source",
                     access: .scoped, parameters: [enterprise], response: .array(.object)),
        APIOperation(method: .get, path: "/api/policies", tag: "政策", summaryZh: "政策条款", summaryEn: "Policy clauses", response: .array(.object), errors: []),
        APIOperation(method: .get, path: "/api/policies/{id}", tag: "政策", summaryZh: "条款及可对照的企业", summaryEn: "A clause and its firms",
                     parameters: [.path("id", .string(maxLength: 64), "条款编号", example: "sz-approval")]),
    ]

    static let chain: [APIOperation] = [
        APIOperation(method: .get, path: "/api/chain", tag: "产业链", summaryZh: "生物医药产业链节点及全国企业数", summaryEn: "Chain taxonomy",
                     response: .objectWith(required: ["nodes": .array(.object)]), errors: []),
        APIOperation(method: .get, path: "/api/chain/nodes/{id}", tag: "产业链", summaryZh: "链节点：企业、区域分布、上下游",
                     summaryEn: "Chain node", parameters: [.path("id", .string(maxLength: 64), "节点编号，如 antibodies", example: "antibodies"),
                                                            .query("region", .regionCode, "只看该区域"), lang] + paging),
        APIOperation(method: .get, path: "/api/products/graph", tag: "产业链", summaryZh: "产品的上下游邻域", summaryEn: "Product neighbourhood",
                     parameters: [.query("product", .string(maxLength: 100), "产品名"), .query("fanout", .integer(minimum: 1, maximum: 50), "每层个数（默认 8）")]),
    ]

    static let recommend: [APIOperation] = {
        let project: [String: JSONSchema] = ["nodes": .array(.string(maxLength: 64)), "stage": .string(values: ["rnd", "pilot", "manufacturing"])]
        return [
            APIOperation(method: .get, path: "/api/recommend/park", tag: "招商", summaryZh: "项目落地：园区排序及理由", summaryEn: "Where a project should land",
                         parameters: [.query("nodes", .string(maxLength: 300), "项目的链节点，逗号分隔", required: true),
                                      .query("stage", .string(values: ["rnd", "pilot", "manufacturing"]), "阶段：研发、中试、生产"),
                                      .query("land", .string(values: ["0", "1"]), "需要用地"), .query("gmp", .string(values: ["0", "1"]), "需要 GMP 厂房"),
                                      .query("area", .string(maxLength: 20), "优先地区（区划代码）"),
                                      .query("origin", .string(maxLength: 20), "项目来源地（区划代码）")]),
            APIOperation(method: .post, path: "/api/recommend/park", tag: "招商", summaryZh: "项目落地（JSON 项目描述）", summaryEn: "Where a project should land (JSON)",
                         body: .json(.objectWith(required: project))),
        ]
    }()

    static let market: [APIOperation] = [
        APIOperation(method: .get, path: "/api/match/offers", tag: "供需", summaryZh: "服务供给检索（CRO、CDMO、试剂、设备…）", summaryEn: "Service offers",
                     parameters: [.query("service", .string(maxLength: 64), "服务类别"), .query("region", .string(maxLength: 20), "区域代码"), limit(200, 20)]),
        APIOperation(method: .get, path: "/api/demands", tag: "供需", summaryZh: "需求列表（共享的与本机构的）", summaryEn: "Demands",
                     access: .scoped, response: .array(.object), errors: []),
        APIOperation(method: .post, path: "/api/demands", tag: "供需", summaryZh: "发布需求", summaryEn: "Post a demand", access: .writer,
                     body: .json(.object), successStatus: 201, errors: [400, 401, 403, 422]),
        APIOperation(method: .get, path: "/api/demands/{id}", tag: "供需", summaryZh: "一条需求", summaryEn: "A demand", access: .scoped, parameters: [recordId]),
        APIOperation(method: .get, path: "/api/demands/{id}/matches", tag: "供需", summaryZh: "需求的匹配供给及理由", summaryEn: "A demand's matches",
                     access: .scoped, parameters: [recordId, limit(200, 20)]),
        APIOperation(method: .get, path: "/api/offers", tag: "供需", summaryZh: "供给列表", summaryEn: "Offers", access: .scoped, response: .array(.object), errors: []),
        APIOperation(method: .get, path: "/api/talents", tag: "供需", summaryZh: "人才列表", summaryEn: "Talents", access: .scoped, response: .array(.object), errors: []),
        APIOperation(method: .post, path: "/api/market/{id}/share", tag: "供需", summaryZh: "共享或收回一条记录", summaryEn: "Share a record",
                     access: .writer, parameters: [recordId], errors: [401, 403, 404]),
        APIOperation(method: .delete, path: "/api/market/{id}", tag: "供需", summaryZh: "删除本机构的一条记录", summaryEn: "Delete a record",
                     access: .writer, parameters: [recordId], errors: [401, 403, 404]),
    ]

    static let imports: [APIOperation] = {
        let kind = APIParameter.query("kind", .string(values: ImportKind.importableKinds.map(\.rawValue)), "文件类型（默认 enterprises）")
        let file = APIParameter.query("file", .string(maxLength: 200), "文件名（扩展名决定格式：CSV、TSV、XLSX、JSONL）")
        return [
            APIOperation(method: .post, path: "/api/imports/check", tag: "导入", summaryZh: "检查文件（不写入）：逐行的问题及其行号、字段",
                         summaryEn: "Check a file without writing", parameters: [kind, file], body: .file, errors: [400, 413, 422]),
            APIOperation(method: .post, path: "/api/imports", tag: "导入", summaryZh: "导入文件（全部写入或全部不写）", summaryEn: "Import a file",
                         access: .writer, parameters: [kind, file, .query("asOf", .string(maxLength: 10), "数据日期 YYYY-MM-DD（默认今天）")],
                         body: .file, errors: [400, 401, 403, 413, 422]),
            APIOperation(method: .get, path: "/api/imports", tag: "导入", summaryZh: "导入记录（调用者可见的）", summaryEn: "Imports",
                         access: .scoped, response: .array(.object), errors: []),
            APIOperation(method: .get, path: "/api/review", tag: "导入", summaryZh: "待审核的导入行", summaryEn: "Rows to review", access: .scoped,
                         parameters: [.query("status", .string(values: ["pending", "accepted", "rejected", "all"]), "状态（默认 pending）"), lang],
                         response: .array(.object), errors: [400]),
        ]
    }()

    static let curation: [APIOperation] = [
        APIOperation(method: .get, path: "/api/curations", tag: "人工校正", summaryZh: "人工校正记录", summaryEn: "Curations",
                     parameters: [.query("firm", .string(maxLength: 64), "只看该企业")], response: .array(.object), errors: [400]),
        APIOperation(method: .post, path: "/api/curations", tag: "人工校正", summaryZh: "新增校正（增、删、移节点，定位）", summaryEn: "Add a curation",
                     access: .writer, body: .json(.objectWith(required: ["firm": .string(), "action": .string(values: ["add", "remove", "move", "locate"])])),
                     successStatus: 201, errors: [400, 401, 403, 422]),
        APIOperation(method: .post, path: "/api/curations/{id}/revoke", tag: "人工校正", summaryZh: "撤销一条校正", summaryEn: "Revoke a curation",
                     access: .writer, parameters: [.path("id", .string(maxLength: 64), "校正编号")], body: .json(.object),
                     successStatus: 201, errors: [400, 401, 403, 404, 422]),
    ]

    static let leadId = APIParameter.path("id", .integer(minimum: 1), "线索编号")
    static let leadBody = JSONSchema.object

    /// The 招商 pipeline: private to the caller's organisation (401 signed out), writes need the right to manage leads.
    static let leads: [APIOperation] = [
        APIOperation(method: .get, path: "/api/leads", tag: "招商", summaryZh: "本机构的招商线索（可按阶段、负责人、地区、节点、逾期、关键词筛选）",
                     summaryEn: "The organisation's leads", access: .scoped,
                     parameters: [.query("stage", .string(values: LeadStage.allCases.map(\.rawValue)), "阶段"),
                                  .query("owner", .string(maxLength: 64), "负责人"),
                                  .query("region", .regionCode, "地区代码（含下级地区）"), node,
                                  .query("overdue", .boolean, "只看逾期的（true）"),
                                  .query("q", .string(maxLength: 100), "企业名称、下一步或备注中的文字"),
                                  .query("page", .integer(minimum: 1, maximum: 100_000), "页码（从 1 起）"),
                                  .query("size", .integer(minimum: 1, maximum: 500), "每页条数（1–500，默认 20）")],
                     response: .objectWith(required: ["items": .array(.object), "paging": .object]), errors: [400, 401]),
        APIOperation(method: .post, path: "/api/leads", tag: "招商", summaryZh: "新建线索", summaryEn: "Open a lead", access: .writer,
                     body: .json(.objectWith(required: ["firmName": .string()])), successStatus: 201, errors: [400, 401, 403, 422]),
        APIOperation(method: .get, path: "/api/leads/board", tag: "招商", summaryZh: "各阶段线索数与逾期数", summaryEn: "Lead counts by stage",
                     access: .scoped, parameters: [.query("region", .regionCode, "地区代码（含下级地区）")],
                     response: .objectWith(required: ["columns": .array(.object), "total": .integer(), "overdue": .integer()]), errors: [400, 401]),
        APIOperation(method: .get, path: "/api/leads/{id}", tag: "招商", summaryZh: "一条线索及其变更记录", summaryEn: "A lead and its history",
                     access: .scoped, parameters: [leadId], response: .objectWith(required: ["lead": .object, "history": .array(.object)]),
                     errors: [401, 404]),
        APIOperation(method: .patch, path: "/api/leads/{id}", tag: "招商", summaryZh: "修改线索（空字符串清除字段；须附读取时的 version，线索已被他人修改则 409）",
                     summaryEn: "Edit a lead (send the version it was read at: 409 when it changed since)",
                     access: .writer, parameters: [leadId], body: .json(.objectWith(required: ["version": .integer()])), errors: [400, 401, 403, 404, 409, 422]),
        APIOperation(method: .post, path: "/api/leads/{id}/stage", tag: "招商", summaryZh: "推进或放弃线索（放弃须填原因）", summaryEn: "Move a lead's stage",
                     access: .writer, parameters: [leadId],
                     body: .json(.objectWith(required: ["stage": .string(values: LeadStage.allCases.map(\.rawValue))])),
                     errors: [400, 401, 403, 404, 409]),
    ]

    static let watch: [APIOperation] = [
        APIOperation(method: .get, path: "/api/regions/{code}/timeline", tag: "区域", summaryZh: "区域逐年变化：上市企业成立与上市年份、导入新增企业（按数据日期）",
                     summaryEn: "A region by year: listed firms founded and listed, firms added by imports", access: .scoped, parameters: [code],
                     response: .objectWith(required: ["code": .regionCode, "years": .array(.object)])),
        APIOperation(method: .get, path: "/api/watch/status", tag: "关注与提醒", summaryZh: "页面脚本用：是否可关注、未读提醒数、关注列表",
                     summaryEn: "For page scripts: whether the caller may watch, unread alerts, watches", access: .scoped,
                     response: .objectWith(required: ["signedIn": .boolean, "mayWatch": .boolean, "unread": .integer()]), errors: []),
        APIOperation(method: .get, path: "/api/watchlist", tag: "关注与提醒", summaryZh: "本机构的关注列表", summaryEn: "The organisation's watchlist",
                     access: .writer, response: .array(.object), errors: [401, 403]),
        APIOperation(method: .post, path: "/api/watchlist", tag: "关注与提醒", summaryZh: "关注一家企业、一个区域或一个产业链节点",
                     summaryEn: "Watch a firm, a region or a chain node", access: .writer,
                     body: .json(.objectWith(required: ["kind": .string(values: ["firm", "region", "node"]), "target": .string()])),
                     successStatus: 201, errors: [400, 401, 403, 404]),
        APIOperation(method: .delete, path: "/api/watchlist/{id}", tag: "关注与提醒", summaryZh: "取消一条关注", summaryEn: "Remove a watch",
                     access: .writer, parameters: [recordId], errors: [401, 403, 404]),
        APIOperation(method: .get, path: "/api/alerts", tag: "关注与提醒", summaryZh: "本机构的提醒：未读在前，另附未读数",
                     summaryEn: "The organisation's alerts, unread first, with the unread count", access: .writer, parameters: [
                        .query("kind", .string(values: ["firm", "region", "node"]), "只看该类关注引起的提醒"),
                        .query("unread", .string(values: ["1", "0", "true", "false"]), "只看未读"), lang,
                     ], response: .objectWith(required: ["unread": .integer(), "alerts": .array(.object)]), errors: [400, 401, 403]),
        APIOperation(method: .post, path: "/api/alerts/read", tag: "关注与提醒", summaryZh: "标记提醒为已读（ids 逗号分隔，或 all）",
                     summaryEn: "Mark alerts read (ids comma-separated, or all)", access: .writer,
                     body: .json(.objectWith(required: ["ids": .string()])), errors: [400, 401, 403]),
        APIOperation(method: .get, path: "/api/changes", tag: "关注与提醒", summaryZh: "变化动态：导入带来的新企业、迁移与新事件（公开的及本机构的）",
                     summaryEn: "The change feed: new firms, moves and new events from imports (public and the organisation's own)",
                     access: .scoped, parameters: [
                        .query("region", .string(maxLength: 64), "只看该区域（省、市或区县代码）"), node,
                        .query("firm", .string(maxLength: 64), "只看该企业"), limit(500, 100), lang,
                     ], response: .array(.object), errors: [400]),
    ]

    static let contract: [APIOperation] = [
        APIOperation(method: .get, path: "/api/openapi.json", tag: "运维", summaryZh: "本接口说明（OpenAPI 3.1）", summaryEn: "This document",
                     errors: []),
        APIOperation(method: .get, path: "/api/docs", tag: "运维", summaryZh: "接口说明页", summaryEn: "API documentation page",
                     errors: [], responseType: "text/html"),
    ]
}

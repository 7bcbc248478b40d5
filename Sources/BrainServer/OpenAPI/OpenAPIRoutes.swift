import Foundation
import Hummingbird

/// `/api/openapi.json` (the contract) and `/api/docs` (the same, as a page people read).
struct OpenAPIRoutes: Sendable {
    let renderer: PageRenderer

    /// The operation groups' names in English for the docs page's English view (the OpenAPI tags stay Chinese).
    static let tagWords = [
        "产业链": "Chain", "人工校正": "Curations", "企业": "Enterprises", "供需": "Supply and demand", "区域": "Regions",
        "区域分析": "Region analytics", "园区": "Parks", "导入": "Imports", "招商": "Investment promotion", "政策": "Policies", "运维": "Operations",
        "审计": "Audit trail", "关注与提醒": "Watches and alerts", "发布": "Publishing",
    ]

    func register(on router: Router<BasicRequestContext>) {
        router.get("/api/openapi.json") { _, _ in JSONResponse.response(.ok, data: OpenAPIDocument.json) }
        router.get("/api/docs") { _, _ in
            let groups = Dictionary(grouping: APIRoutes.all, by: \.tag)
            let order = APIRoutes.all.map(\.tag).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            let view = APIDocsView(groups: order.map { tag in
                APIDocsView.Group(tag: tag, tagEn: Self.tagWords[tag] ?? tag, operations: (groups[tag] ?? []).map { operation in
                    APIDocsView.Operation(method: operation.method.rawValue.uppercased(), path: operation.path, zh: operation.summaryZh,
                                          en: operation.summaryEn, access: Self.accessLabel(operation.access),
                                          parameters: operation.parameters.map { .init(name: $0.name, place: $0.place == .path ? "路径" : "查询", text: $0.descriptionZh) })
                })
            })
            return try renderer.render("apidocs", nav: "", view: view, data: [String: String]())
        }
    }

    static func accessLabel(_ access: APIOperation.Access) -> String {
        switch access {
        case .open: return "公开"
        case .scoped: return "公开（机构私有记录需令牌）"
        case .writer: return "需机构或管理员令牌"
        case .admin: return "需管理员令牌"
        }
    }
}

/// What `apidocs.mustache` reads: the operations by tag, as `APIRoutes` documents them.
struct APIDocsView: PageView {
    struct Parameter: Encodable, Sendable {
        var name: String
        /// 路径 or 查询.
        var place: String
        var text: String
    }
    struct Operation: Encodable, Sendable {
        var method: String
        var path: String
        var zh: String
        var en: String
        var access: String
        var parameters: [Parameter]
    }
    struct Group: Encodable, Sendable {
        var tag: String
        var tagEn: String
        var operations: [Operation]
    }
    var groups: [Group]
}

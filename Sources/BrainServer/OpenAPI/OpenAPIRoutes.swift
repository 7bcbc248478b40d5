import Foundation
import Hummingbird

/// `/api/openapi.json` (the contract) and `/api/docs` (the same, as a page people read).
struct OpenAPIRoutes: Sendable {
    let renderer: PageRenderer

    /// The operation groups' names in English for the docs page's English view (the OpenAPI tags stay Chinese).
    static let tagWords = [
        "产业链": "Chain", "人工校正": "Curations", "企业": "Enterprises", "供需": "Supply and demand", "区域": "Regions",
        "区域分析": "Region analytics", "园区": "Parks", "导入": "Imports", "招商": "Investment targets", "政策": "Policies", "运维": "Operations",
    ]

    func register(on router: Router<BasicRequestContext>) {
        router.get("/api/openapi.json") { _, _ in JSONResponse.response(.ok, data: OpenAPIDocument.json) }
        router.get("/api/docs") { _, _ in
            let groups = Dictionary(grouping: APIRoutes.all, by: \.tag)
            let order = APIRoutes.all.map(\.tag).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            let context: [String: Any] = ["groups": order.map { tag in
                ["tag": tag, "tagEn": Self.tagWords[tag] ?? tag, "operations": (groups[tag] ?? []).map { operation in
                    ["method": operation.method.rawValue.uppercased(), "path": operation.path, "zh": operation.summaryZh, "en": operation.summaryEn,
                     "access": Self.accessLabel(operation.access),
                     "parameters": operation.parameters.map { ["name": $0.name, "place": $0.place == .path ? "路径" : "查询", "text": $0.descriptionZh] }]
                }] as [String: Any]
            }]
            return try renderer.render("apidocs", nav: "", context: context, data: [String: String]())
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

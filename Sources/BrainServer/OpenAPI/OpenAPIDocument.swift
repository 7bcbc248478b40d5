import Foundation

/// The OpenAPI 3.1 document of `APIRoutes`, built once. Summaries are Chinese first with the English after, as on the pages.
enum OpenAPIDocument {
    static let json: Data = {
        (try? JSONSerialization.data(withJSONObject: document(), options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
    }()

    static var errorSchema: [String: Any] { [
        "type": "object", "required": ["error", "status"],
        "properties": [
            "error": [
                "type": "object", "required": ["code", "message", "values"],
                "properties": [
                    "code": ["type": "string", "description": "错误代码，如 api.no-region Error code"],
                    "message": ["type": "string", "description": "说明：默认中文，?lang=en 或 Accept-Language: en 时为英文 Message in the caller's language"],
                    "values": ["type": "object", "additionalProperties": ["type": "string"], "description": "说明中的取值 The message's values"],
                ],
            ],
            "status": ["type": "integer"],
        ],
    ] }

    static func document() -> [String: Any] {
        var paths: [String: [String: Any]] = [:]
        for operation in APIRoutes.all {
            paths[operation.path, default: [:]][operation.method.rawValue] = describe(operation)
        }
        return [
            "openapi": "3.1.0",
            "info": ["title": "IndustryBrain 生物医药产业大脑 API", "version": "1",
                     "description": "区域、产业链、企业、招商、供需与导入的 JSON 接口。写入需要机构或管理员令牌（Authorization: Bearer）。"
                        + " JSON API of regions, the chain, firms, investment targets, the market and imports; writes need a token."],
            "paths": paths,
            "components": [
                "schemas": [
                    "Error": errorSchema,
                    "Health": ["type": "object", "required": ["status"], "properties": ["status": ["type": "string"]]],
                ],
                "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer", "description": "机构令牌（brain org add）或管理员令牌（brain admin token）"]],
            ],
        ]
    }

    static func describe(_ operation: APIOperation) -> [String: Any] {
        var described: [String: Any] = [
            "operationId": operationId(operation), "tags": [operation.tag],
            "summary": operation.summaryZh + " " + operation.summaryEn, "x-access": operation.access.rawValue,
        ]
        if !operation.parameters.isEmpty {
            described["parameters"] = operation.parameters.map { parameter in
                var described: [String: Any] = ["name": parameter.name, "in": parameter.place.rawValue, "required": parameter.required,
                                                 "description": parameter.descriptionZh, "schema": parameter.schema.json]
                if let example = parameter.example { described["example"] = example }
                return described
            }
        }
        switch operation.body {
        case .none: break
        case .json(let schema):
            described["requestBody"] = ["required": true, "content": [
                "application/json": ["schema": schema.json],
                "application/x-www-form-urlencoded": ["schema": ["type": "object"]],
            ]]
        case .file:
            described["requestBody"] = ["required": true, "content": [
                "application/octet-stream": ["schema": ["type": "string", "format": "binary"]],
                "text/csv": ["schema": ["type": "string"]],
            ]]
        }
        if operation.access == .writer || operation.access == .admin {
            described["security"] = [["bearer": [String]()]]
        }
        var responses: [String: Any] = [
            "\(operation.successStatus)": ["description": "成功 OK", "content": [operation.responseType: ["schema": operation.response.json]]],
        ]
        for status in Set(operation.errors + [413]).sorted() {
            responses["\(status)"] = ["description": reason(status), "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]]]
        }
        described["responses"] = responses
        return described
    }

    static func operationId(_ operation: APIOperation) -> String {
        let words = operation.path.split { !$0.isLetter && !$0.isNumber }.map { $0.prefix(1).uppercased() + $0.dropFirst() }
        return operation.method.rawValue + words.joined()
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 400: return "请求参数有误 Bad request"
        case 401: return "需要令牌 Needs a token"
        case 403: return "无权操作 Forbidden"
        case 404: return "不存在 Not found"
        case 409: return "已被他人修改 Changed meanwhile"
        case 413: return "请求体过大 Body too large"
        case 422: return "文件或内容有误（逐行说明） Unprocessable"
        case 503: return "未就绪 Not ready"
        default: return "错误 Error"
        }
    }
}

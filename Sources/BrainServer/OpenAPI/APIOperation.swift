import Foundation

/// One documented HTTP operation: what the OpenAPI document at `/api/openapi.json` and the page `/api/docs` say about
/// it. `APIRoutesTests` compares this table with the router's own route list both ways, so a route cannot be added or
/// removed without its entry.
struct APIOperation: Sendable {
    enum Method: String, Sendable { case get, post, patch, delete }
    enum Access: String, Sendable {
        /// Anyone may call it.
        case open
        /// Answers everyone, but shows an organisation's private records only to it (Bearer token or session).
        case scoped
        /// Needs an organisation's or the operator's token (or a signed-in session with its CSRF token).
        case writer
        /// Needs the operator's admin token.
        case admin
    }
    enum Body: Sendable {
        case none
        /// A JSON object (or, for forms, the same fields url-encoded).
        case json(JSONSchema)
        /// A file's bytes: CSV, TSV, XLSX, JSON Lines or a JSON list.
        case file
    }

    var method: Method
    /// OpenAPI's template form: `/api/regions/{code}`.
    var path: String
    var tag: String
    var summaryZh: String
    var summaryEn: String
    var access: Access = .open
    var parameters: [APIParameter] = []
    var body: Body = .none
    /// The success answer's schema.
    var response: JSONSchema = .object
    var successStatus = 200
    /// Error statuses the operation may answer besides the ones every route can (400, 413, 500 are not expected).
    var errors: [Int] = [400, 404]
    var responseType = "application/json"
}

struct APIParameter: Sendable {
    enum Place: String, Sendable { case path, query }
    var name: String
    var place: Place = .query
    var schema: JSONSchema
    var required = false
    var descriptionZh: String
    /// A value that names real data (a region, a firm, a park), so contract tests reach past 404.
    var example: String?

    static func path(_ name: String, _ schema: JSONSchema, _ description: String, example: String? = nil) -> APIParameter {
        APIParameter(name: name, place: .path, schema: schema, required: true, descriptionZh: description, example: example)
    }

    static func query(_ name: String, _ schema: JSONSchema, _ description: String, required: Bool = false) -> APIParameter {
        APIParameter(name: name, place: .query, schema: schema, required: required, descriptionZh: description)
    }
}

/// The JSON Schema subset the document uses.
indirect enum JSONSchema: Sendable {
    case string(pattern: String? = nil, maxLength: Int? = nil, values: [String]? = nil)
    case integer(minimum: Int? = nil, maximum: Int? = nil)
    case number(exclusiveMinimum: Double? = nil, maximum: Double? = nil)
    case boolean
    case array(JSONSchema)
    /// An object with these required properties (others allowed).
    case objectWith(required: [String: JSONSchema])
    case reference(String)
    case anyValue

    static let object = JSONSchema.objectWith(required: [:])
    static let regionCode = JSONSchema.string(pattern: "^[0-9]{6}$")
    static let text = JSONSchema.string(maxLength: 200)

    var json: [String: Any] {
        switch self {
        case .string(let pattern, let maxLength, let values):
            var schema: [String: Any] = ["type": "string"]
            if let pattern { schema["pattern"] = pattern }
            if let maxLength { schema["maxLength"] = maxLength }
            if let values { schema["enum"] = values }
            return schema
        case .integer(let minimum, let maximum):
            var schema: [String: Any] = ["type": "integer"]
            if let minimum { schema["minimum"] = minimum }
            if let maximum { schema["maximum"] = maximum }
            return schema
        case .number(let exclusiveMinimum, let maximum):
            var schema: [String: Any] = ["type": "number"]
            if let exclusiveMinimum { schema["exclusiveMinimum"] = exclusiveMinimum }
            if let maximum { schema["maximum"] = maximum }
            return schema
        case .boolean: return ["type": "boolean"]
        case .array(let items): return ["type": "array", "items": items.json]
        case .objectWith(let required):
            var schema: [String: Any] = ["type": "object"]
            if !required.isEmpty {
                schema["required"] = required.keys.sorted()
                schema["properties"] = required.mapValues(\.json)
            }
            return schema
        case .reference(let name): return ["$ref": "#/components/schemas/\(name)"]
        case .anyValue: return [:]
        }
    }
}

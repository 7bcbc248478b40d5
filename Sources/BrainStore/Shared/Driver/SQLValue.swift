/// One value bound to a statement, the same for both drivers (GRDB turns it into a `DatabaseValue`, PostgresNIO into
/// a binding), so each operation builds its arguments once.
enum SQLValue: Sendable, Equatable {
    case text(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null

    init(_ value: StoredValue) {
        switch value {
        case .text(let v): self = v.map { .text($0) } ?? .null
        case .int(let v): self = v.map { .int($0) } ?? .null
        case .double(let v): self = v.map { .double($0) } ?? .null
        case .bool(let v): self = .bool(v)
        }
    }
}

extension [String] {
    var textArguments: [SQLValue] { map { .text($0) } }
}

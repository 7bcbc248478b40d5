/// One value bound to a statement or written to a table, the same for both drivers (GRDB turns it into a
/// `DatabaseValue`, PostgresNIO into a binding or a COPY field), so each operation builds its arguments once. A nil
/// payload is SQL NULL.
enum SQLValue: Sendable, Equatable {
    case text(String?)
    case int(Int?)
    case double(Double?)
    case bool(Bool)

    static let null = SQLValue.text(nil)
}

extension [String] {
    var textArguments: [SQLValue] { map { .text($0) } }
}

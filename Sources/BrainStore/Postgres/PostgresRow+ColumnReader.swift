import PostgresNIO

extension PostgresRandomAccessRow: ColumnReader {
    func text(_ column: String) throws -> String { try self[column].decode(String.self) }
    func optionalText(_ column: String) throws -> String? { try self[column].decode(String?.self) }
    func int(_ column: String) throws -> Int { try self[column].decode(Int.self) }
    func optionalInt(_ column: String) throws -> Int? { try self[column].decode(Int?.self) }
    func optionalDouble(_ column: String) throws -> Double? { try self[column].decode(Double?.self) }
    func double(_ column: String) throws -> Double { try self[column].decode(Double.self) }
    func bool(_ column: String) throws -> Bool { try self[column].decode(Bool.self) }
}

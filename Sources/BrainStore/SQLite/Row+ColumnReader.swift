import GRDB

extension Row: ColumnReader {
    func text(_ column: String) -> String { self[column] }
    func optionalText(_ column: String) -> String? { self[column] }
    func int(_ column: String) -> Int { self[column] }
    func optionalInt(_ column: String) -> Int? { self[column] }
    func optionalDouble(_ column: String) -> Double? { self[column] }
    func double(_ column: String) -> Double { self[column] }
    func bool(_ column: String) -> Bool { self[column] }
}

/// One result row of either backend, read by column name, so both stores map rows to models with the same code.
protocol ColumnReader {
    func text(_ column: String) throws -> String
    func optionalText(_ column: String) throws -> String?
    func int(_ column: String) throws -> Int
    func optionalInt(_ column: String) throws -> Int?
    func optionalDouble(_ column: String) throws -> Double?
    func double(_ column: String) throws -> Double
    func bool(_ column: String) throws -> Bool
}

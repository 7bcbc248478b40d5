import GRDB
import PostgresNIO

/// Recognises a write the engine refused because the database is read-only, whichever backend said it, so delivery
/// can answer "read-only" (503) instead of a bare internal error.
public enum ReadOnlyRefusal {
    public static func matches(_ error: any Error) -> Bool {
        if error is StoreReadOnlyError { return true }
        if let error = error as? DatabaseError {
            return error.resultCode == .SQLITE_READONLY || error.resultCode == .SQLITE_CANTOPEN && error.message?.contains("readonly") == true
        }
        // 25006: read_only_sql_transaction (a standby, or default_transaction_read_only).
        if let error = error as? PSQLError { return error.serverInfo?[.sqlState] == "25006" }
        return false
    }
}

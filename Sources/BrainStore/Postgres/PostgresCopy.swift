import NIOCore
import PostgresNIO

/// Bulk load through `COPY … FROM STDIN` (text format), streamed in chunks: the fast path for national-size imports.
struct PostgresCopy {
    let connection: PostgresConnection

    func copy(_ table: TableRows) async throws {
        try await connection.copyFrom(table: table.name, columns: table.columns, logger: PostgresSQL.logger) { writer in
            var buffer = ByteBuffer()
            buffer.reserveCapacity(1 << 20)
            for row in table.rows {
                for (i, value) in row.enumerated() {
                    if i > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
                    value.writeCopyText(to: &buffer)
                }
                buffer.writeInteger(UInt8(ascii: "\n"))
                if buffer.readableBytes >= 1 << 20 {
                    try await writer.write(buffer)
                    buffer.clear()
                }
            }
            if buffer.readableBytes > 0 { try await writer.write(buffer) }
        }
    }
}

extension SQLValue {
    /// The field in COPY's text format.
    func writeCopyText(to buffer: inout ByteBuffer) {
        switch self {
        case .text(nil), .int(nil), .double(nil): buffer.writeStaticString("\\N")
        case .text(let value?): Self.writeEscaped(value, to: &buffer)
        case .int(let value?): buffer.writeString(String(value))
        case .double(let value?): buffer.writeString(value.isFinite ? "\(value)" : value.isNaN ? "NaN" : value > 0 ? "Infinity" : "-Infinity")
        case .bool(let value): buffer.writeStaticString(value ? "t" : "f")
        }
    }

    /// Backslash, tab, newline and carriage return are the characters COPY's text format gives a meaning.
    private static func writeEscaped(_ text: String, to buffer: inout ByteBuffer) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
            case UInt8(ascii: "\t"): buffer.writeStaticString("\\t")
            case UInt8(ascii: "\n"): buffer.writeStaticString("\\n")
            case UInt8(ascii: "\r"): buffer.writeStaticString("\\r")
            default: buffer.writeInteger(byte)
            }
        }
    }
}

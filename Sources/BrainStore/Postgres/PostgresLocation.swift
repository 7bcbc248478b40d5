import Foundation
import PostgresNIO

/// A `postgres://user:password@host:port/database?sslmode=disable|prefer|require` address, parsed into a client
/// configuration. The store's tables live in the schema `brain` of that database.
public struct PostgresLocation: Sendable, CustomStringConvertible {
    public let host: String
    public let port: Int
    public let username: String
    let password: String?
    public let database: String
    let sslMode: String

    public static func isPostgresURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    public init(url text: String) throws {
        guard Self.isPostgresURL(text), let components = URLComponents(string: text), let host = components.host, !host.isEmpty else {
            throw PostgresLocationError(url: text, reason: "expected postgres://user[:password]@host[:port]/database")
        }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty else { throw PostgresLocationError(url: text, reason: "the address names no database") }
        self.host = host
        self.port = components.port ?? 5432
        self.username = components.user?.removingPercentEncoding ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres"
        self.password = components.password?.removingPercentEncoding
        self.database = database.removingPercentEncoding ?? database
        sslMode = components.queryItems?.first { $0.name == "sslmode" }?.value ?? "prefer"
        guard ["disable", "prefer", "require"].contains(sslMode) else {
            throw PostgresLocationError(url: text, reason: "sslmode must be disable, prefer or require")
        }
    }

    /// The same server, another database (tests and the builder's administration connection).
    public func withDatabase(_ name: String) -> PostgresLocation {
        PostgresLocation(host: host, port: port, username: username, password: password, database: name, sslMode: sslMode)
    }

    private init(host: String, port: Int, username: String, password: String?, database: String, sslMode: String) {
        (self.host, self.port, self.username, self.password, self.database, self.sslMode) = (host, port, username, password, database, sslMode)
    }

    /// The full address, password included, for handing to a child process.
    public var url: String {
        var components = URLComponents()
        components.scheme = "postgres"
        (components.host, components.port, components.user, components.password) = (host, port, username, password)
        components.path = "/" + database
        components.queryItems = [URLQueryItem(name: "sslmode", value: sslMode)]
        return components.string ?? description
    }

    /// Without the password, for messages.
    public var description: String { "postgres://\(username)@\(host):\(port)/\(database)" }

    func clientConfiguration(searchPath: String = PostgresSchema.name) -> PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS
        switch sslMode {
        case "disable": tls = .disable
        case "require": tls = .require(.makeClientConfiguration())
        default: tls = .prefer(.makeClientConfiguration())
        }
        var configuration = PostgresClient.Configuration(host: host, port: port, username: username, password: password,
                                                         database: database, tls: tls)
        // `public` too: pg_trgm's operator classes live there.
        configuration.options.additionalStartupParameters = [("search_path", "\(searchPath), public")]
        return configuration
    }
}

extension PostgresLocation {
    /// One direct connection, closed after `body`: used to migrate and build, and to fail fast (the pool retries a
    /// server that is down forever) with the server's own reason.
    func withConnection<Result>(searchPath: String = PostgresSchema.name,
                                _ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        let connection: PostgresConnection
        do {
            let tls: PostgresConnection.Configuration.TLS
            switch sslMode {
            case "disable": tls = .disable
            case "require": tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            default: tls = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
            var configuration = PostgresConnection.Configuration(host: host, port: port, username: username, password: password,
                                                                 database: database, tls: tls)
            configuration.options.connectTimeout = .seconds(10)
            configuration.options.additionalStartupParameters = [("search_path", "\(searchPath), public")]
            connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: PostgresSQL.logger)
        } catch {
            throw PostgresUnavailableError(location: self, underlying: error)
        }
        do {
            let result = try await body(connection)
            try? await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// `body` inside one transaction on a direct connection: committed if it returns, rolled back if it throws.
    func withTransaction<Result>(_ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        try await withConnection { connection in
            try await PostgresSQL.execute(connection, "BEGIN")
            do {
                let result = try await body(connection)
                try await PostgresSQL.execute(connection, "COMMIT")
                return result
            } catch {
                try? await PostgresSQL.execute(connection, "ROLLBACK")
                throw error
            }
        }
    }
}

public struct PostgresLocationError: Error, CustomStringConvertible, LocalizedError {
    let url: String
    let reason: String
    public var description: String { "invalid PostgreSQL address: \(reason)" }
    public var errorDescription: String? { description }
}

/// PostgreSQL could not be reached or refused us; PostgresNIO hides the server's message from `description`.
public struct PostgresUnavailableError: Error, CustomStringConvertible, LocalizedError {
    let location: PostgresLocation
    let underlying: any Error
    public var description: String { "cannot use PostgreSQL at \(location): \(String(reflecting: underlying))" }
    public var errorDescription: String? { description }
}

import Foundation
import BrainModel

/// The market's SQL, run as written by both backends. Visibility is one rule: a record is seen by its own
/// organisation, and by everyone once shared. An absent organisation is passed as "" (no organisation has that id).
enum MarketSQL {
    static let insertOrganisation = "INSERT INTO organisations (id, name, token_sha256, created_at) VALUES (?, ?, ?, ?)"
    static let replaceToken = "UPDATE organisations SET token_sha256 = ? WHERE id = ?"
    static let organisationById = "SELECT id, name, created_at, kind, region_code FROM organisations WHERE id = ?"
    static let organisationByToken = "SELECT id, name, created_at, kind, region_code FROM organisations WHERE token_sha256 = ?"
    static let organisations = "SELECT id, name, created_at, kind, region_code FROM organisations ORDER BY id"

    static let insertRecord = """
        INSERT INTO market_records (kind, organisation_id, shared, body, origin, import_id, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id AS n
        """
    private static let select = """
        SELECT m.id, m.kind, m.organisation_id, o.name AS organisation_name, m.shared, m.created_at, m.origin, m.body
        FROM market_records m JOIN organisations o ON o.id = m.organisation_id
        """
    static let visibleOfKind = select + " WHERE m.kind = ? AND (m.shared = TRUE OR m.organisation_id = ?) ORDER BY m.id DESC"
    static let visibleById = select + " WHERE m.id = ? AND (m.shared = TRUE OR m.organisation_id = ?)"
    static let ownedById = select + " WHERE m.id = ? AND m.organisation_id = ?"
    static let setShared = "UPDATE market_records SET shared = ? WHERE id = ? AND organisation_id = ?"
    static let delete = "DELETE FROM market_records WHERE id = ? AND organisation_id = ?"

    /// Imports of market files are per organisation: two organisations may import the same file ("talents:park-op").
    static func scoped(_ header: ImportHeader, organisation: String) -> ImportHeader {
        var scoped = header
        scoped.kind = "\(header.kind):\(organisation)"
        scoped.organisation = organisation
        return scoped
    }

    static func origin(_ header: ImportHeader?, line: Int?, importId: Int?) -> String {
        guard let header else { return "posted" }
        return "import #\(importId ?? 0) \(header.file)" + (line.map { " row \($0)" } ?? "")
    }

    static func now() -> String { ISO8601DateFormatter().string(from: Date()) }

    /// Organisation ids appear in URLs and commands: lower-case letters, digits and hyphens.
    static func checkOrganisationId(_ id: String) throws(MarketStoreError) {
        guard (2...40).contains(id.count), id.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }) else {
            throw .invalidOrganisationId(id)
        }
    }
}

/// Rows to values, for both backends.
enum MarketRowMapping {
    static func organisation(_ row: any ColumnReader) throws -> Organisation {
        let kind = try row.text("kind")
        guard let known = OrganisationKind(rawValue: kind) else { throw MarketStoreError.corrupt("organisation of unknown kind \"\(kind)\"") }
        return Organisation(id: try row.text("id"), name: try row.text("name"), createdAt: try row.text("created_at"),
                            kind: known, regionCode: try row.optionalText("region_code"))
    }

    static func record(_ row: any ColumnReader) throws -> MarketRecord {
        MarketRecord(id: try row.int("id"), organisationId: try row.text("organisation_id"), organisationName: try row.text("organisation_name"),
                     shared: try row.bool("shared"), createdAt: try row.text("created_at"), origin: try row.text("origin"),
                     body: try body(kind: try row.text("kind"), json: try row.text("body")))
    }

    static func encode(_ body: MarketBody) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = switch body {
        case .demand(let d): try encoder.encode(d)
        case .offer(let o): try encoder.encode(o)
        case .talent(let t): try encoder.encode(t)
        }
        return String(decoding: data, as: UTF8.self)
    }

    static func body(kind: String, json: String) throws -> MarketBody {
        let data = Data(json.utf8), decoder = JSONDecoder()
        switch MarketKind(rawValue: kind) {
        case .demand: return .demand(try decoder.decode(Demand.self, from: data))
        case .offer: return .offer(try decoder.decode(ServiceOffer.self, from: data))
        case .talent: return .talent(try decoder.decode(Talent.self, from: data))
        case nil: throw MarketStoreError.corrupt("market record of unknown kind \(kind)")
        }
    }
}

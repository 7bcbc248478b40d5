import Foundation
import BrainModel

/// The table of imported policy clauses and its statements, the same on both engines. The rule (conditions and the
/// action) is stored as the JSON `PolicyRule` is written in (`data/policies/eligibility.json`); the public clauses
/// have the organisation '' so that the key (organisation, id) is never NULL.
enum PolicySQL {
    static func schema(text: String, real: String) -> [String] {
        [
            """
            CREATE TABLE imported_policies (organisation_id \(text) NOT NULL, id \(text) NOT NULL, region_code \(text) NOT NULL,
              title \(text) NOT NULL, clause \(text) NOT NULL, eligibility \(text) NOT NULL, max_amount_wan \(real), period \(text) NOT NULL,
              source \(text) NOT NULL, as_of \(text) NOT NULL, rule \(text) NOT NULL, PRIMARY KEY (organisation_id, id))
            """,
        ]
    }

    static let columns = ["organisation_id", "id", "region_code", "title", "clause", "eligibility", "max_amount_wan", "period",
                          "source", "as_of", "rule"]
    static let upsert = """
        INSERT INTO imported_policies (\(columns.joined(separator: ", "))) VALUES (\(StoreSQL.marks(columns.count)))
        ON CONFLICT (organisation_id, id) DO UPDATE SET \(columns.dropFirst(2).map { "\($0) = excluded.\($0)" }.joined(separator: ", "))
        """
    static let existing = "SELECT * FROM imported_policies WHERE organisation_id = ? AND id = ?"
    static let visible = "SELECT * FROM imported_policies WHERE organisation_id = '' OR organisation_id = ? ORDER BY organisation_id, id"

    static func values(_ clause: ImportedPolicy, organisation: String) throws -> [SQLValue] {
        let p = clause.policy
        return [.text(organisation), .text(p.id), .text(p.regionCode), .text(p.title), .text(p.clause), .text(p.eligibility),
                .double(p.maxAmountWan), .text(p.period), .text(p.provenance.source), .text(p.provenance.asOf), .text(try ruleJSON(clause.rule))]
    }

    static func ruleJSON(_ rule: PolicyRule) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(rule), as: UTF8.self)
    }

    static func clause(_ row: some ColumnReader) throws -> ImportedPolicy {
        let organisation = try row.text("organisation_id")
        let rule = try JSONDecoder().decode(PolicyRule.self, from: Data(try row.text("rule").utf8))
        return ImportedPolicy(policy: try RowMapping.policy(row), rule: rule, organisation: organisation.isEmpty ? nil : organisation)
    }
}

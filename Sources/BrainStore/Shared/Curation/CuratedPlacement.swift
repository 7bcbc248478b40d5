import Foundation
import BrainModel

/// Curations written through to the tables the store's own queries read (chain_assignments, the enterprise's
/// location columns and biomedicine flag), so node counts, maps and region profiles agree with the snapshot. The
/// machine's state of every curated firm is kept in `curation_machine`, captured before the first curation touched it;
/// each curation write recomputes the firm from that state and all its curations through `CurationLedger`.
enum CuratedPlacement {
    /// What the machine found for one firm.
    struct MachineState: Codable, Sendable {
        var provinceCode: String?
        var cityCode: String?
        var districtCode: String?
        var isBiomedicine: Bool
        var assignments: [ChainAssignment]

        init(_ enterprise: Enterprise, assignments: [ChainAssignment]) {
            (provinceCode, cityCode, districtCode) = (enterprise.provinceCode, enterprise.cityCode, enterprise.districtCode)
            isBiomedicine = enterprise.isBiomedicine
            self.assignments = assignments
        }
    }

    static func schema(text: String) -> [String] {
        ["""
         CREATE TABLE curation_machine (enterprise_id \(text) PRIMARY KEY, province_code \(text), city_code \(text),
           district_code \(text), is_biomedicine BOOLEAN NOT NULL, assignments TEXT NOT NULL)
         """]
    }

    static let columns = ["enterprise_id", "province_code", "city_code", "district_code", "is_biomedicine", "assignments"]
    static let machineOf = "SELECT * FROM curation_machine WHERE enterprise_id = ?"
    static let capture = "INSERT INTO curation_machine (\(columns.joined(separator: ", "))) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (enterprise_id) DO NOTHING"
    static let enterprise = "SELECT * FROM enterprises WHERE id = ?"
    static let assignments = "SELECT * FROM chain_assignments WHERE enterprise_id = ? ORDER BY node_id"
    static let deleteAssignments = "DELETE FROM chain_assignments WHERE enterprise_id = ?"
    static let insertAssignment = ImportSQL.insertAssignment
    static let updateEnterprise = "UPDATE enterprises SET province_code = ?, city_code = ?, district_code = ?, is_biomedicine = ? WHERE id = ?"

    static func values(_ id: String, _ state: MachineState) -> [SQLValue] {
        // Encoding plain strings and numbers cannot fail; "[]" would only lose the machine's evidence, never trap.
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = (try? encoder.encode(state.assignments)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        return [.text(id), .text(state.provinceCode), .text(state.cityCode), .text(state.districtCode), .bool(state.isBiomedicine), .text(json)]
    }

    static func state(_ row: some ColumnReader) throws -> MachineState {
        var state = MachineState(Enterprise(id: try row.text("enterprise_id"), name: "", provenance: Provenance(source: "", asOf: "")), assignments: [])
        (state.provinceCode, state.cityCode, state.districtCode) = (try row.optionalText("province_code"), try row.optionalText("city_code"),
                                                                    try row.optionalText("district_code"))
        state.isBiomedicine = try row.bool("is_biomedicine")
        state.assignments = try JSONDecoder().decode([ChainAssignment].self, from: Data(try row.text("assignments").utf8))
        return state
    }

    /// The firm as its curations say, starting from the machine's state.
    static func effective(_ enterprise: Enterprise, machine: MachineState, curations: [Curation],
                          regions: [String: Region]) -> (Enterprise, [ChainAssignment]) {
        var firm = enterprise
        (firm.provinceCode, firm.cityCode, firm.districtCode) = (machine.provinceCode, machine.cityCode, machine.districtCode)
        firm.isBiomedicine = machine.isBiomedicine
        var assignments = machine.assignments
        CurationLedger.apply(curations, enterprise: &firm, assignments: &assignments) { regions[$0] }
        return (firm, assignments)
    }

    static func assignmentValues(_ a: ChainAssignment) -> [SQLValue] {
        [.text(a.enterpriseId), .text(a.nodeId), .text(a.method), .double(a.confidence), .text(a.evidence), .text(a.provenance.source),
         .text(a.provenance.asOf)]
    }

    static func enterpriseValues(_ e: Enterprise) -> [SQLValue] {
        [.text(e.provinceCode), .text(e.cityCode), .text(e.districtCode), .bool(e.isBiomedicine), .text(e.id)]
    }

    /// A bundle about to be written: its curations applied, and the machine's state of every firm with a curation.
    static func curated(_ bundle: DataBundle) -> (bundle: DataBundle, machine: [(String, MachineState)]) {
        let curated = Set(bundle.curations.map(\.enterpriseId))
        guard !curated.isEmpty else { return (bundle, []) }
        let byFirm = Dictionary(grouping: bundle.assignments.filter { curated.contains($0.enterpriseId) }, by: \.enterpriseId)
        let machine = bundle.enterprises.filter { curated.contains($0.id) }.map { ($0.id, MachineState($0, assignments: byFirm[$0.id] ?? [])) }
        var effective = bundle
        // An organisation's unpublished curations (carried over a rebuild) are kept but apply to nobody.
        CurationLedger.apply(bundle.curations.filter(\.isPublic), to: &effective)
        return (effective, machine)
    }
}

/// The one place analysts' curations change what the machine found: the snapshot every analysis reads and the
/// enterprise portrait both come through here, so a curation wins everywhere the same way.
public enum CurationLedger {
    /// In the order they were made, so a later curation overrides an earlier one: by time, and in the given order
    /// (the store's write order, a file's row order) for the same time.
    public static func ordered(_ curations: [Curation]) -> [Curation] {
        curations.enumerated().sorted { ($0.element.createdAt, $0.offset) < ($1.element.createdAt, $1.offset) }.map(\.element)
    }

    /// The curations in force: not revocations and not revoked, oldest first.
    public static func active(_ curations: [Curation]) -> [Curation] {
        let revoked = Set(curations.filter { $0.action == .revoke }.compactMap(\.revokes))
        return ordered(curations).filter { $0.action != .revoke && !revoked.contains($0.id) }
    }

    /// Applies every curation in force to the bundle: curated firms' nodes and locations replace the machine's.
    public static func apply(_ curations: [Curation], to bundle: inout DataBundle) {
        let inForce = active(curations)
        guard !inForce.isEmpty else { return }
        let byFirm = Dictionary(grouping: inForce, by: \.enterpriseId)
        let regions = Dictionary(bundle.regions.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        var curatedAssignments: [ChainAssignment] = []
        let machine = Dictionary(grouping: bundle.assignments.filter { byFirm[$0.enterpriseId] != nil }, by: \.enterpriseId)
        for i in bundle.enterprises.indices {
            guard let firmCurations = byFirm[bundle.enterprises[i].id] else { continue }
            var assignments = machine[bundle.enterprises[i].id] ?? []
            apply(firmCurations, enterprise: &bundle.enterprises[i], assignments: &assignments) { regions[$0] }
            curatedAssignments += assignments
        }
        bundle.assignments = (bundle.assignments.filter { byFirm[$0.enterpriseId] == nil } + curatedAssignments)
            .sorted { ($0.enterpriseId, $0.nodeId) < ($1.enterpriseId, $1.nodeId) }
    }

    /// Applies one firm's curations (others are ignored) to its facts. `region` looks a region code up, for the
    /// location's province, city and district.
    public static func apply(_ curations: [Curation], enterprise: inout Enterprise, assignments: inout [ChainAssignment],
                             region: (String) -> Region?) {
        var placed = false, removed = false
        for curation in active(curations) where curation.enterpriseId == enterprise.id {
            switch curation.action {
            case .add, .move:
                if let from = curation.fromNodeId { assignments.removeAll { $0.nodeId == from } }
                guard let node = curation.nodeId else { continue }
                assignments.removeAll { $0.nodeId == node }
                assignments.append(assignment(curation, node: node))
                placed = true
            case .remove:
                assignments.removeAll { $0.nodeId == curation.nodeId }
                removed = true
            case .locate:
                if let code = curation.regionCode { locate(&enterprise, in: code, region: region) }
            case .revoke:
                continue
            }
        }
        // An analyst placing a firm on the chain says it is a biomedicine firm; one taking it off every node says
        // it is not (the insurer the classifier once placed).
        if placed { enterprise.isBiomedicine = true } else if removed && assignments.isEmpty { enterprise.isBiomedicine = false }
    }

    /// The curated assignment: certain, with the analyst's reason as its evidence.
    static func assignment(_ curation: Curation, node: String) -> ChainAssignment {
        ChainAssignment(enterpriseId: curation.enterpriseId, nodeId: node, method: Curation.method, confidence: 1,
                        evidence: curation.reason,
                        provenance: Provenance(source: "curation:" + curation.id, asOf: String(curation.createdAt.prefix(10))))
    }

    /// Sets province, city and district from the region and its ancestors; a city clears the machine's district.
    static func locate(_ enterprise: inout Enterprise, in code: String, region: (String) -> Region?) {
        guard let target = region(code) else { return }
        var province: String?, city: String?, district: String?
        var cursor: Region? = target
        // At most four levels up: a code table with a cycle must not hang.
        for _ in 0..<4 {
            guard let current = cursor else { break }
            switch current.level {
            case .district: district = district ?? current.code
            case .city: city = city ?? current.code
            case .province: province = province ?? current.code
            case .country: break
            }
            cursor = current.parentCode.flatMap(region)
        }
        enterprise.provinceCode = province ?? Region.provinceCode(of: code)
        enterprise.cityCode = city ?? (target.level == .province ? nil : Region.cityCode(of: code))
        enterprise.districtCode = district
    }
}

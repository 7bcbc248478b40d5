import BrainModel

/// What an enterprise portrait's steps fold in, in the order they run.
private struct DetailState: Sendable {
    /// Every import's layer and owner, read first when the viewer is not the operator.
    var imports: [ImportLayer] = []
    var enterprise: Enterprise?
    var regionNames: [String: String] = [:]
    var assignments: [ChainAssignment] = []
    var products: [EnterpriseProduct] = []
    var events: [EnterpriseEvent] = []
    var curations: [Curation] = []
    var machine: CuratedPlacement.MachineState?
    /// The located regions and their ancestors, read a level at a time.
    var regions: [String: Region] = [:]
}

extension SQLStore {
    /// A firm's portrait with its curations, every statement in one driver read. A firm of an import `viewer` may not
    /// see is nil, as an unknown id is; of a public firm, the chain nodes, products and events such an import brought
    /// are left out (public curations are shared corrections and stay; an organisation's unpublished ones are listed
    /// to it alone and apply to nobody).
    public func enterprise(_ id: String, visibleTo viewer: FirmViewer) async throws -> EnterpriseDetail? {
        let state = try await driver.readSteps(DetailState(), HiddenImportSteps.read(viewer, \DetailState.imports) + Self.detailSteps(id))
        let hidden = HiddenImports(state.imports, for: viewer)
        guard let enterprise = state.enterprise, !hidden.layers.contains(enterprise.layer) else { return nil }
        let shown = { (source: String) in !hidden.hides(source: source) }
        var detail = EnterpriseDetail(
            enterprise: enterprise, provinceName: enterprise.provinceCode.flatMap { state.regionNames[$0] },
            cityName: enterprise.cityCode.flatMap { state.regionNames[$0] },
            assignments: state.assignments.filter { shown($0.provenance.source) }, products: state.products.filter { shown($0.provenance.source) },
            events: state.events.filter { shown($0.provenance.source) })
        CuratedDetail.apply(&detail, curations: state.curations, viewer: viewer, machine: state.machine, regions: state.regions)
        // The machine's placements as kept at the first curation hold every import's nodes: a hidden one's stay hidden.
        detail.machineAssignments = detail.machineAssignments.filter { shown($0.provenance.source) }
        return detail
    }

    private static func detailSteps(_ id: String) -> [ReadStep<DetailState>] {
        let firm: [SQLValue] = [.text(id)]
        /// A step that runs only once the firm is found.
        func ofFirm(_ sql: String, _ apply: @escaping @Sendable (inout DetailState, any ColumnReader) throws -> Void) -> ReadStep<DetailState> {
            ReadStep(after: { state in state.enterprise == nil ? nil : (sql, firm) }, apply)
        }
        let firmSteps: [ReadStep<DetailState>] = [
            ReadStep("SELECT * FROM enterprises WHERE id = ?", firm) { state, row in state.enterprise = try RowMapping.enterprise(row) },
            ReadStep(after: { state in
                let codes = Array(Set([state.enterprise?.provinceCode, state.enterprise?.cityCode].compactMap { $0 })).sorted()
                return codes.isEmpty ? nil : (StoreSQL.regionNames(count: codes.count), codes.textArguments)
            }) { state, row in state.regionNames[try row.text("code")] = try row.text("name") },
            ofFirm(StoreSQL.assignmentsOfEnterprise) { state, row in state.assignments.append(try RowMapping.assignment(row)) },
            ofFirm(StoreSQL.productsOfEnterprise) { state, row in state.products.append(try RowMapping.product(row)) },
            ofFirm(StoreSQL.eventsOfEnterprise) { state, row in state.events.append(try RowMapping.event(row)) },
            ofFirm(CurationSQL.ofEnterprise) { state, row in state.curations.append(try CurationSQL.curation(row)) },
            ofFirm(CuratedPlacement.machineOf) { state, row in state.machine = try CuratedPlacement.state(row) },
        ]
        // The located regions, then their parents a level at a time: four levels at most, so a code table with a
        // cycle cannot hang a request.
        let chainSteps = (0..<4).map { level in
            ReadStep<DetailState>(after: { state in
                let wanted = level == 0 ? CuratedDetail.locatedCodes(state.curations) : state.regions.values.compactMap(\.parentCode)
                let codes = Array(Set(wanted.filter { state.regions[$0] == nil })).sorted()
                return codes.isEmpty ? nil : ("SELECT * FROM regions WHERE code IN (\(StoreSQL.marks(codes.count)))", codes.textArguments)
            }) { state, row in
                let region = try RowMapping.region(row)
                state.regions[region.code] = region
            }
        }
        return firmSteps + chainSteps
    }
}

import BrainModel

/// A portrait with its curations: the placement and location in force (through `CurationLedger`, as in the snapshot),
/// the machine's placement kept beside them, and the curation history.
enum CuratedDetail {
    /// The regions a firm's location curations name, whose ancestors the store must look up too.
    static func locatedCodes(_ curations: [Curation]) -> [String] {
        CurationLedger.active(curations).filter { $0.action == .locate }.compactMap(\.regionCode)
    }

    /// `machine`: the firm's state before its first curation (CuratedPlacement), whose placement the portrait shows
    /// beside the curations; `regions` holds the located regions and their ancestors. The stored placement already
    /// has the curations written through; applying them again changes nothing and keeps this right for a store
    /// written before that.
    /// Only public curations apply (`Curation.isPublic`); the history lists them and, to its own organisation (and the
    /// operator), an organisation's unpublished ones, which withdraw nothing until published.
    static func apply(_ detail: inout EnterpriseDetail, curations all: [Curation], viewer: FirmViewer = .operator,
                      machine: CuratedPlacement.MachineState?, regions: [String: Region]) {
        let curations = all.filter(\.isPublic)
        detail.machineAssignments = machine?.assignments ?? detail.assignments
        let publicIds = Set(curations.map(\.id))
        detail.curations = CurationRecord.history(all.filter { $0.isVisible(to: viewer) }).map { record in
            var record = record
            if let by = record.revokedBy, !publicIds.contains(by) { record.revokedBy = nil }
            return record
        }
        guard !curations.isEmpty else { return }
        let before = detail.enterprise
        CurationLedger.apply(curations, enterprise: &detail.enterprise, assignments: &detail.assignments) { regions[$0] }
        detail.assignments.sort { ($0.method == Curation.method ? 0 : 1, -$0.confidence) < ($1.method == Curation.method ? 0 : 1, -$1.confidence) }
        if detail.enterprise.provinceCode != before.provinceCode {
            detail.provinceName = detail.enterprise.provinceCode.flatMap { regions[$0]?.name }
        }
        if detail.enterprise.cityCode != before.cityCode {
            detail.cityName = detail.enterprise.cityCode.flatMap { regions[$0]?.name }
        }
    }
}

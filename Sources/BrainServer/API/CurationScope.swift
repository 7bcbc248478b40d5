import Hummingbird
import BrainModel
import BrainStore

/// What a curation may touch (issue 19): a firm the caller may see (another organisation's private firm is refused
/// exactly as an unknown one, so a write cannot tell it exists), and, for an organisation with a region scope, only
/// firms located in that region and moves into it. The operator and national organisations are unscoped.
struct CurationScope: Sendable {
    let store: any ImportingStore

    /// Throws the store's unknown-firm refusal for a firm the caller may not see, and a 403 with a reason code for one
    /// outside its region or a location outside it.
    func check(_ caller: Caller, firm id: String, newRegion: String?) async throws {
        guard !id.isEmpty, id.count <= 64 else { return } // the store's own check answers a missing or malformed id
        guard let detail = try await store.enterprise(id, visibleTo: caller.firmViewer) else {
            throw CurationError(problems: [CurationProblem(index: 0, field: "firm", value: id, code: .unknownFirm)])
        }
        guard !caller.isOperator, let scope = caller.organisation?.regionCode else { return }
        let firm = detail.enterprise
        let located = firm.districtCode ?? firm.cityCode ?? firm.provinceCode
        guard RegionScope.covers(scope, located) else {
            throw AppError(status: .forbidden, reason: Reason("scope.firm-outside", ["firm": firm.name, "region": located ?? "未知", "scope": scope]))
        }
        if let newRegion, !RegionScope.covers(scope, newRegion) {
            throw AppError(status: .forbidden, reason: Reason("scope.region-outside", ["region": String(newRegion.prefix(12)), "scope": scope]))
        }
    }
}

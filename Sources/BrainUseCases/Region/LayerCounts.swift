import BrainAnalytics
import BrainModel
import BrainStore

/// A region's counts over the layers a page chose, from the analytics snapshot, in the shapes the store's own SQL
/// answers give for the listed layer (which pages keep using for it, so the listed figures stay exactly the store's).
public enum LayerCounts {
    /// The firms of `index` located in `region`.
    public static func firms(_ index: SnapshotIndex, in region: Region) -> [Enterprise] {
        region.level == .country ? index.data.enterprises.filter { $0.provinceCode != nil }
            : index.data.enterprises.filter { index.enterprise($0, isIn: region) }
    }

    /// `RegionProfile`'s counts, node counts and largest firms recomputed over the index's layers.
    public static func profile(_ profile: RegionProfile, index: SnapshotIndex, largest: Int = 10) -> RegionProfile {
        var result = profile
        let firms = firms(index, in: profile.region), biomedicine = firms.filter(\.isBiomedicine)
        result.listedFirms = firms.count
        result.biomedicineFirms = biomedicine.count
        result.biomedicineEmployees = biomedicine.reduce(0) { $0 + ($1.employees ?? 0) }
        result.nodeCounts = nodeCounts(index, firms: biomedicine)
        let cities = index.regionsByCode
        result.largestFirms = biomedicine.sorted { ($0.employees ?? -1, $0.id) > ($1.employees ?? -1, $1.id) }.prefix(largest).map { firm in
            EnterpriseSummary.make(id: firm.id, name: firm.name, fullName: firm.fullName, cityCode: firm.cityCode,
                              cityName: firm.cityCode.flatMap { cities[$0]?.name }, employees: firm.employees,
                              isBiomedicine: firm.isBiomedicine, nodeIds: directNodes(of: firm.id, in: index))
        }
        return result
    }

    /// Firms and employees per node (a sub-node's firms in its parent too), as `Store.nationalNodeCounts` gives them.
    public static func nodeCounts(_ index: SnapshotIndex, firms: [Enterprise]) -> [NodeCount] {
        var counts: [String: (Int, Int)] = [:]
        for firm in firms {
            for node in index.nodesByEnterprise[firm.id] ?? [] {
                counts[node, default: (0, 0)].0 += 1
                counts[node, default: (0, 0)].1 += firm.employees ?? 0
            }
        }
        return index.nodeIds.map { NodeCount.make(nodeId: $0, firms: counts[$0]?.0 ?? 0, employees: counts[$0]?.1 ?? 0) }
    }

    /// Per child region of `parent`: firms, biomedicine firms and their employees (`Store.childValues`).
    public static func childValues(_ index: SnapshotIndex, of parent: Region) -> [RegionValue] {
        let children = (index.childrenByCode[parent.code] ?? []).sorted { $0.code < $1.code }
        guard let level = children.first?.level else { return [] }
        let byCode = Dictionary(grouping: index.data.enterprises.filter { index.regionCode(of: $0, at: level) != nil },
                                by: { index.regionCode(of: $0, at: level) ?? "" })
        return children.map { child in
            let firms = byCode[child.code] ?? [], biomedicine = firms.filter(\.isBiomedicine)
            return RegionValue.make(code: child.code, name: child.name, biomedicineFirms: biomedicine.count, listedFirms: firms.count,
                               biomedicineEmployees: biomedicine.reduce(0) { $0 + ($1.employees ?? 0) })
        }
    }

    /// A firm's own nodes (not rolled up), surest first, as the store lists them.
    public static func directNodes(of id: String, in index: SnapshotIndex) -> [String] {
        index.data.assignments.filter { $0.enterpriseId == id }.sorted { $0.confidence > $1.confidence }.map(\.nodeId)
    }
}

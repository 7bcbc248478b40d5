import BrainModel

/// The portrait's 人工校正 section: each curation with who, when, why and the source cited, and — when the firm has
/// curations — the machine's own placement beside them, so a reader sees what was corrected.
extension EnterpriseView {
    static let actionNames: [Curation.Action: String] = [
        .add: "添加节点 add node", .remove: "移除节点 remove node", .move: "移动节点 move node", .locate: "校正位置 set location",
        .revoke: "撤销 revoke",
    ]

    static func curationRows(_ p: EnterprisePortrait) -> [CurationRow] {
        p.detail.curations.map { record in
            let c = record.curation
            let name = { (id: String?) in id.map { p.nodeNames[$0] ?? $0 } ?? "" }
            let target = switch c.action {
            case .add, .remove: name(c.nodeId)
            case .move: "\(name(c.fromNodeId)) → \(name(c.nodeId))"
            case .locate: c.regionCode.map { code in p.curatedRegionNames[code].map { "\($0) \(code)" } ?? code } ?? ""
            case .revoke: c.revokes ?? ""
            }
            return CurationRow(id: c.id.nonEmpty, action: (actionNames[c.action] ?? c.action.rawValue).nonEmpty, target: target.nonEmpty,
                               author: c.author.nonEmpty, date: String(c.createdAt.prefix(10)).nonEmpty, reason: c.reason.nonEmpty,
                               source: c.source.nonEmpty, revoked: record.revokedBy != nil ? true : nil,
                               unpublished: c.isPublic ? nil : true)
        }
    }

    static func machineNodeRows(_ p: EnterprisePortrait) -> [MachineNode] {
        guard !p.detail.curations.isEmpty else { return [] }
        return p.detail.machineAssignments.map {
            MachineNode(id: $0.nodeId, name: p.nodeNames[$0.nodeId] ?? $0.nodeId, method: $0.method, evidence: $0.evidence, evidenceText: EvidenceText(stored: $0.evidence),
                        confidence: RegionView.number($0.confidence))
        }
    }
}

import BrainModel

/// The portrait's 人工校正 section: each curation with who, when, why and the source cited, and — when the firm has
/// curations — the machine's own placement beside them, so a reader sees what was corrected.
extension EnterprisePage {
    static let actionNames: [Curation.Action: String] = [
        .add: "添加节点 add node", .remove: "移除节点 remove node", .move: "移动节点 move node", .locate: "校正位置 set location",
        .revoke: "撤销 revoke",
    ]

    static func curationRows(_ p: EnterprisePortrait) -> [[String: Any]] {
        p.detail.curations.map { record in
            let c = record.curation
            let name = { (id: String?) in id.map { p.nodeNames[$0] ?? $0 } ?? "" }
            let target = switch c.action {
            case .add, .remove: name(c.nodeId)
            case .move: "\(name(c.fromNodeId)) → \(name(c.nodeId))"
            case .locate: c.regionCode.map { code in p.curatedRegionNames[code].map { "\($0) \(code)" } ?? code } ?? ""
            case .revoke: c.revokes ?? ""
            }
            return presentValues(["id": c.id, "action": actionNames[c.action] ?? c.action.rawValue, "target": target, "author": c.author,
                                  "date": String(c.createdAt.prefix(10)), "reason": c.reason, "source": c.source,
                                  "revoked": record.revokedBy != nil ? true : nil])
        }
    }

    static func machineNodeRows(_ p: EnterprisePortrait) -> [[String: String]] {
        guard !p.detail.curations.isEmpty else { return [] }
        return p.detail.machineAssignments.map {
            ["id": $0.nodeId, "name": p.nodeNames[$0.nodeId] ?? $0.nodeId, "method": $0.method, "evidence": $0.evidence,
             "confidence": RegionView.number($0.confidence)]
        }
    }
}

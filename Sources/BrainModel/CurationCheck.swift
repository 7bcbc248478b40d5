/// What is wrong with one curation of a batch: which one (`index`, the file's row where there is a file), which field,
/// the value, and a reason code the delivery renders (Chinese first).
public struct CurationProblem: Error, Codable, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Codable, Sendable {
        case unknownFirm = "unknown-firm", unknownNode = "unknown-node", unknownRegion = "unknown-region"
        case emptyReason = "empty-reason", missingValue = "missing-value", unknownAction = "unknown-action"
        case unknownCuration = "unknown-curation", alreadyRevoked = "already-revoked", revocationRevoked = "revocation-revoked"
    }

    public var index: Int
    public var field: String
    public var value: String?
    public var code: Code

    public init(index: Int, field: String, value: String?, code: Code) {
        (self.index, self.field, self.value, self.code) = (index, field, value, code)
    }

    /// Chinese first, English after, for command lines and API errors.
    public var message: String {
        let value = self.value.map { " \($0)" } ?? ""
        return switch code {
        case .unknownFirm: "未知企业\(value)（unknown firm: use its id such as 688690.SH or its six-digit stock code）"
        case .unknownNode: "未知产业链节点\(value)（unknown chain node: use a node id of data/chain/biomedicine.json or its Chinese name）"
        case .unknownRegion: "未知行政区划代码\(value)（unknown region code: a six-digit GB/T 2260 district or city code）"
        case .emptyReason: "理由不能为空（the reason is empty: say why the machine was wrong）"
        case .missingValue: "缺少\(field)（\(field) is required for this action）"
        case .unknownAction: "未知操作\(value)（unknown action: add, remove, move, locate or revoke）"
        case .unknownCuration: "未知校正记录\(value)（no curation with this id）"
        case .alreadyRevoked: "校正\(value)已被撤销（already revoked）"
        case .revocationRevoked: "撤销记录\(value)不能再撤销（a revocation cannot be revoked）"
        }
    }

    public var description: String { "\(field): \(message)" }
}

/// Every problem of a batch; nothing of it was written.
public struct CurationError: Error, Sendable, CustomStringConvertible {
    public var problems: [CurationProblem]
    public init(problems: [CurationProblem]) { self.problems = problems }
    public var description: String { problems.map(\.description).joined(separator: "; ") }
}

/// Checks curations against what the store or bundle holds, the same for build-db, imports, the CLI and the API.
public enum CurationCheck {
    public struct Known: Sendable {
        public var firms: Set<String>
        public var nodes: Set<String>
        public var regions: Set<String>
        /// Curations already stored, by id (for revocations).
        public var stored: [String: Curation]

        public init(firms: Set<String>, nodes: Set<String>, regions: Set<String>, stored: [String: Curation]) {
            (self.firms, self.nodes, self.regions, self.stored) = (firms, nodes, regions, stored)
        }
    }

    /// The problems of `batch`, in order; `index` is the curation's position in the batch. A revocation may name a
    /// curation earlier in the same batch.
    public static func problems(_ batch: [Curation], known: Known) -> [CurationProblem] {
        var problems: [CurationProblem] = []
        var seen = known.stored
        var revoked = Set(known.stored.values.filter { $0.action == .revoke }.compactMap(\.revokes))
        for (index, c) in batch.enumerated() {
            // The same id again is the same curation (a file imported twice): nothing to check, nothing to write.
            if known.stored[c.id] != nil { continue }
            var own: [CurationProblem] = []
            func add(_ field: String, _ value: String?, _ code: CurationProblem.Code) {
                own.append(CurationProblem(index: index, field: field, value: value, code: code))
            }
            for field in c.missingFields {
                add(field, nil, field == "reason" ? .emptyReason : .missingValue)
            }
            if !known.firms.contains(c.enterpriseId) { add("firm", c.enterpriseId, .unknownFirm) }
            if c.action != .revoke {
                for (field, node) in [("node", c.nodeId), ("from_node", c.fromNodeId)] {
                    if let node, !known.nodes.contains(node) { add(field, node, .unknownNode) }
                }
                if let region = c.regionCode, !known.regions.contains(region) { add("region", region, .unknownRegion) }
            } else if let target = c.revokes {
                if let revokedOne = seen[target] {
                    if revokedOne.action == .revoke { add("revokes", target, .revocationRevoked) }
                    else if revoked.contains(target) { add("revokes", target, .alreadyRevoked) }
                } else {
                    add("revokes", target, .unknownCuration)
                }
            }
            problems += own
            if own.isEmpty {
                seen[c.id] = c
                if c.action == .revoke, let target = c.revokes { revoked.insert(target) }
            }
        }
        return problems
    }
}

import BrainModel
import Foundation

/// The vetted product links as kept on disk between starts (issue 14): what building them computes — the verdict on
/// every name, the kept links, the drop counts, the makers — so that loading them back skips classifying ~100,000
/// names. What the taxonomy alone gives (tier ranks, steps, feeds) and the lookups derived from the links are made
/// again on load, as the computation makes them.
extension ProductLinks {
    public struct Stored: Codable, Sendable {
        var links: [Link]
        var relationCount: Int
        var dropped: [String: Int]
        var droppedExamples: [String: [String]]
        var makers: [String: [String]]
        /// every name in id order, so that interning them again gives each its id
        var names: [String]
        /// per id: nil (not classified), 0 generic, 1 not biomedicine, 2 biomedicine on `nodes[id]` (sorted)
        var kinds: [Int8?]
        var nodes: [Int: [String]]
    }

    public var stored: Stored {
        var kinds: [Int8?] = [], nodes: [Int: [String]] = [:]
        kinds.reserveCapacity(verdicts.count)
        for (id, verdict) in verdicts.enumerated() {
            switch verdict {
            case nil: kinds.append(nil)
            case .generic: kinds.append(0)
            case .nonBiomedicine: kinds.append(1)
            case .biomedicine(let set):
                kinds.append(2)
                if !set.isEmpty { nodes[id] = set.sorted() }
            }
        }
        return Stored(links: links, relationCount: relationCount,
                      dropped: Dictionary(uniqueKeysWithValues: dropped.map { ($0.key.rawValue, $0.value) }),
                      droppedExamples: Dictionary(uniqueKeysWithValues: droppedExamples.map { ($0.key.rawValue, $0.value) }),
                      makers: makers, names: names.names, kinds: kinds, nodes: nodes)
    }

    /// The links `stored` describes over `index` (the snapshot they were computed from); nil when the stored form does
    /// not hold together (a name twice, an unknown verdict or drop reason), so the caller computes them instead.
    public init?(stored: Stored, index: SnapshotIndex) {
        var table = ProductNameTable(capacity: stored.names.count)
        for (id, name) in stored.names.enumerated() where table.intern(name) != Int32(id) { return nil }
        guard stored.kinds.count == stored.names.count else { return nil }
        var verdicts: [ProductClassifier.Verdict?] = []
        verdicts.reserveCapacity(stored.kinds.count)
        for (id, kind) in stored.kinds.enumerated() {
            switch kind {
            case nil: verdicts.append(nil)
            case 0: verdicts.append(.generic)
            case 1: verdicts.append(.nonBiomedicine)
            case 2: verdicts.append(.biomedicine(nodes: Set(stored.nodes[id] ?? [])))
            default: return nil
            }
        }
        var dropped: [DropReason: Int] = [:], examples: [DropReason: [String]] = [:]
        for (reason, count) in stored.dropped {
            guard let known = DropReason(rawValue: reason) else { return nil }
            dropped[known] = count
        }
        for (reason, list) in stored.droppedExamples {
            guard let known = DropReason(rawValue: reason) else { return nil }
            examples[known] = list
        }
        (tierRank, steps, feeds) = Self.chainOrder(index)
        links = stored.links
        inputs = Dictionary(grouping: stored.links, by: \.downstream)
        outputs = Dictionary(grouping: stored.links, by: \.upstream)
        relationCount = stored.relationCount
        self.dropped = dropped
        droppedExamples = examples
        makers = stored.makers
        names = table
        self.verdicts = verdicts
    }
}

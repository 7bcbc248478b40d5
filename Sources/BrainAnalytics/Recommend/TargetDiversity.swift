/// Keeps one chain node from filling the 招商 list: in every block of `block` ranks (1–20, 21–40, …) at most
/// `maxPerNode` firms share a node (by default ⌈20/4⌉ = 5, so a block spans at least four nodes when four have
/// candidates). Within the rule the order is the score's: each rank takes the best firm whose node still has room in
/// the block; when no node has room (fewer nodes than the rule needs), the best remaining firm.
public struct TargetDiversity: Sendable, Codable, Hashable {
    public var block: Int
    public var maxPerNode: Int

    public init(block: Int = 20, maxPerNode: Int? = nil) {
        self.block = max(1, block)
        self.maxPerNode = max(1, maxPerNode ?? (self.block + 3) / 4)
    }

    public var ruleZh: String { "每 \(block) 名内同一节点至多 \(maxPerNode) 家企业，其余按得分顺延" }
    public var ruleEn: String { "at most \(maxPerNode) firms per node in every \(block) ranks; the rest move down in score order" }

    /// Reorders `items` (best first) so that the rule holds; `node` names each item's node (nil is a node of its own).
    public func apply<T>(_ items: [T], node: (T) -> String?) -> [T] {
        // One queue per node, each in the given order; the head with the smallest original position wins.
        var queues: [String: [Int]] = [:]
        for (i, item) in items.enumerated() { queues[node(item) ?? "", default: []].append(i) }
        var heads = queues.mapValues { _ in 0 }
        var result: [T] = []
        result.reserveCapacity(items.count)
        var inBlock: [String: Int] = [:]
        while result.count < items.count {
            if result.count % block == 0 { inBlock = [:] }
            var best: (key: String, position: Int)?, fallback: (key: String, position: Int)?
            for (key, queue) in queues {
                guard let head = heads[key], head < queue.count else { continue }
                let position = queue[head]
                if position < (fallback?.position ?? Int.max) { fallback = (key, position) }
                if inBlock[key, default: 0] < maxPerNode, position < (best?.position ?? Int.max) { best = (key, position) }
            }
            guard let pick = best ?? fallback else { break }
            result.append(items[pick.position])
            heads[pick.key, default: 0] += 1
            inBlock[pick.key, default: 0] += 1
        }
        return result
    }
}

/// `ImportClassifier` results by 所属行业 and 经营范围 text, for one import: a registry export repeats the same
/// industry and scope texts across many firms, and classifying one is a scan of every keyword of the chain.
/// Bounded: when full it starts afresh, so memory does not grow with the file. One thread's (not Sendable).
public final class ClassificationCache {
    private struct Key: Hashable {
        let industry: String?
        let scope: String?
    }

    let classifier: ImportClassifier
    let capacity: Int
    private var results: [Key: ImportClassifier.Result] = [:]

    public init(_ classifier: ImportClassifier, capacity: Int = 20_000) {
        self.classifier = classifier
        self.capacity = max(1, capacity)
    }

    /// Exactly `classifier.classify(industry:scope:)` (a pure function of the two texts).
    public func classify(industry: String?, scope: String?) -> ImportClassifier.Result {
        let key = Key(industry: industry, scope: scope)
        if let known = results[key] { return known }
        let result = classifier.classify(industry: industry, scope: scope)
        if results.count >= capacity { results.removeAll(keepingCapacity: true) }
        results[key] = result
        return result
    }
}

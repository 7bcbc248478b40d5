import Foundation

/// Agreement of predicted labels with true labels: per-class precision, recall and F1, their unweighted mean
/// (macro-F1, so small chain nodes count as much as large ones), and the confusion matrix.
public struct ClassificationScore: Sendable {
    public let labels: [String]
    /// confusion[truth][predicted] = count.
    public let confusion: [String: [String: Int]]
    public let total: Int

    public init(pairs: [(truth: String, predicted: String)]) {
        var confusion: [String: [String: Int]] = [:]
        for (truth, predicted) in pairs { confusion[truth, default: [:]][predicted, default: 0] += 1 }
        self.confusion = confusion
        total = pairs.count
        labels = Set(pairs.map(\.truth)).sorted()
    }

    public var accuracy: Double {
        total == 0 ? 0 : Double(labels.reduce(0) { $0 + (confusion[$1]?[$1] ?? 0) }) / Double(total)
    }

    /// F1 of one class: 2PR / (P + R), 0 when the class is never predicted correctly.
    public func f1(_ label: String) -> Double {
        let truePositives = Double(confusion[label]?[label] ?? 0)
        let predicted = Double(confusion.values.reduce(0) { $0 + ($1[label] ?? 0) })
        let actual = Double(confusion[label]?.values.reduce(0, +) ?? 0)
        guard truePositives > 0 else { return 0 }
        let precision = truePositives / predicted, recall = truePositives / actual
        return 2 * precision * recall / (precision + recall)
    }

    /// Mean F1 over the true classes.
    public var macroF1: Double { labels.isEmpty ? 0 : labels.reduce(0) { $0 + f1($1) } / Double(labels.count) }
}

/// Multinomial naive Bayes over character bigrams with add-one smoothing (Manning, Raghavan & Schütze,
/// *Introduction to Information Retrieval*, 2008, §13.2): learns which words of product lists and names go with which
/// chain node from labelled firms.
public struct NaiveBayesNodeClassifier: Sendable {
    private var tokenCounts: [String: [String: Int]] = [:]
    private var tokenTotals: [String: Int] = [:]
    private var documents: [String: Int] = [:]
    private var vocabulary: Set<String> = []

    public init(training: [(text: String, label: String)]) {
        for (text, label) in training {
            documents[label, default: 0] += 1
            for token in Self.tokens(text) {
                tokenCounts[label, default: [:]][token, default: 0] += 1
                tokenTotals[label, default: 0] += 1
                vocabulary.insert(token)
            }
        }
    }

    static func tokens(_ text: String) -> [String] {
        let characters = Array(text.filter { !$0.isWhitespace && !$0.isPunctuation })
        guard characters.count >= 2 else { return characters.map(String.init) }
        return (0..<(characters.count - 1)).map { String(characters[$0...$0 + 1]) }
    }

    public func predict(_ text: String) -> String? {
        let tokens = Self.tokens(text)
        let total = Double(documents.values.reduce(0, +)), size = Double(vocabulary.count)
        return documents.keys.sorted().max { score($0, tokens, total, size) < score($1, tokens, total, size) }
    }

    private func score(_ label: String, _ tokens: [String], _ total: Double, _ size: Double) -> Double {
        var logProbability = log(Double(documents[label] ?? 0) / total)
        let denominator = Double(tokenTotals[label] ?? 0) + size
        for token in tokens { logProbability += log(Double((tokenCounts[label]?[token] ?? 0) + 1) / denominator) }
        return logProbability
    }
}

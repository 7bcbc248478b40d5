import Foundation
import Testing
@testable import BrainIngest

/// The pieces that let an import use both cores: the read-ahead thread, the field trim and the classification cache.
@Suite struct ImportPipelineTests {
    struct Broken: Error, Equatable { let at: Int }

    @Test func prefetchHandsOverEveryBatchInOrderThenNil() throws {
        var produced = 0
        let prefetch = BatchPrefetch(depth: 2) { () -> [Int]? in
            guard produced < 50 else { return nil }
            produced += 1
            return Array(repeating: produced, count: 3)
        }
        var seen: [Int] = []
        while let batch = try prefetch.next() { seen += batch }
        #expect(seen == (1...50).flatMap { Array(repeating: $0, count: 3) })
        #expect(try prefetch.next() == nil)
        prefetch.stop()
        #expect(produced == 50)
    }

    @Test func prefetchDeliversTheSourcesErrorAfterTheBatchesBeforeIt() throws {
        var produced = 0
        let prefetch = BatchPrefetch { () throws -> [Int]? in
            produced += 1
            if produced == 4 { throw Broken(at: 4) }
            return [produced]
        }
        #expect(try prefetch.next() == [1])
        #expect(try prefetch.next() == [2])
        #expect(try prefetch.next() == [3])
        #expect(throws: Broken(at: 4)) { try prefetch.next() }
    }

    @Test func stopWaitsForTheProducerAndEndsIt() throws {
        let counter = Counter()
        let prefetch = BatchPrefetch(depth: 1) { () -> [Int]? in
            counter.add()
            return [1]
        }
        _ = try prefetch.next()
        prefetch.stop()
        let after = counter.value
        // The producer has stopped: nothing more is produced once stop() has returned.
        prefetch.stop()
        #expect(counter.value == after && after <= 3)
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func add() { lock.withLock { count += 1 } }
        var value: Int { lock.withLock { count } }
    }

    @Test func trimmedFieldIsFoundationsTrimForEveryBMPCharacter() {
        for code in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(code) else { continue }
            let c = String(Character(scalar))
            for text in [c, c + "a" + c, "a" + c, c + "a", c + c + "医药" + c, "x" + c + "y"] {
                #expect(text.trimmedField == text.trimmingCharacters(in: .whitespacesAndNewlines), "U+\(String(code, radix: 16))")
            }
        }
    }

    @Test func classificationCacheAnswersAsTheClassifier() throws {
        let classifier = try ImportClassifier.load(dataFolder: BundleFixture.dataFolder)
        let cache = ClassificationCache(classifier, capacity: 3)
        let cases: [(String?, String?)] = [(nil, "单克隆抗体的研发、生产"), ("C2761", "疫苗研发"), (nil, nil), ("医药制造业", nil),
                                           (nil, "单克隆抗体的研发、生产"), ("C2761", "疫苗研发"), (nil, "医疗器械销售；技术服务")]
        for _ in 0..<2 {
            for (industry, scope) in cases {
                #expect(cache.classify(industry: industry, scope: scope) == classifier.classify(industry: industry, scope: scope))
            }
        }
    }
}

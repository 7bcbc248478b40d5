import Foundation
import Testing
@testable import BrainServer
import BrainUseCases

/// Caches keyed by what clients send stay within their bounds however many distinct keys arrive (issue 14), and keep
/// what is in use.
@Suite struct BoundedCacheTests {
    @Test func anLRUMapForgetsTheLeastRecentlyUsed() {
        var map = LRUMap<String, Int>(capacity: 3)
        for (i, key) in ["a", "b", "c"].enumerated() { map.set(key, i) }
        #expect(map.value("a") == 0)       // a is now the most recently used
        map.set("d", 3)                    // so b goes
        #expect(map.peek("b") == nil && map.peek("a") == 0 && map.peek("c") == 2 && map.peek("d") == 3)
        #expect(map.keysByRecency == ["d", "a", "c"])
        map.set("c", 9)                    // replacing moves it to the front without growing
        #expect(map.count == 3 && map.keysByRecency == ["c", "d", "a"])
        map.remove("d")
        #expect(map.keysByRecency == ["c", "a"] && map.count == 2)
        map.removeAll()
        #expect(map.count == 0 && map.keysByRecency.isEmpty && map.totalCost == 0)
    }

    /// Random operations agree with a plain list kept in recency order (the definition of least recently used).
    @Test func anLRUMapAgreesWithAListInRecencyOrder() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            let capacity = Int.random(in: 1...6, using: &random), maxCost = Int.random(in: 3...12, using: &random)
            var map = LRUMap<Int, Int>(capacity: capacity, maxCost: maxCost)
            var model: [(key: Int, value: Int, cost: Int)] = []   // most recently used first
            for step in 0..<400 {
                let key = Int.random(in: 0..<10, using: &random)
                switch Int.random(in: 0..<4, using: &random) {
                case 0:
                    let cost = Int.random(in: 0...4, using: &random)
                    map.set(key, step, cost: cost)
                    model.removeAll { $0.key == key }
                    if cost <= maxCost {
                        while model.count >= capacity || model.reduce(0, { $0 + $1.cost }) + cost > maxCost { model.removeLast() }
                        model.insert((key, step, cost), at: 0)
                    }
                case 1:
                    let expected = model.firstIndex { $0.key == key }.map { model.remove(at: $0) }
                    if let expected { model.insert(expected, at: 0) }
                    #expect(map.value(key) == expected?.value)
                case 2:
                    map.remove(key)
                    model.removeAll { $0.key == key }
                default:
                    #expect(map.peek(key) == model.first { $0.key == key }?.value)
                }
                #expect(map.keysByRecency == model.map(\.key))
                #expect(map.count == model.count && map.totalCost == model.reduce(0) { $0 + $1.cost })
            }
        }
    }

    @Test func anLRUMapHoldsItsCostBound() {
        var map = LRUMap<Int, String>(capacity: 100, maxCost: 10)
        map.set(1, "x", cost: 4)
        map.set(2, "y", cost: 4)
        map.set(3, "z", cost: 4)           // 12 > 10: the oldest goes
        #expect(map.peek(1) == nil && map.totalCost == 8)
        map.set(4, "too big", cost: 11)    // larger than the whole bound: not kept, nothing evicted for it
        #expect(map.peek(4) == nil && map.count == 2)
    }

    @Test func tenThousandDistinctKeysDoNotGrowAResponseCachePastItsBounds() {
        // As the server makes them: search answers and region pages per generation, API bodies.
        for cache in [AnalyticsGeneration.makeSearchCache(), AnalyticsGeneration.makeRegionPageCache(), ResponseCache()] {
            let body = Data(repeating: 0x41, count: 20_000)
            for i in 0..<10_000 { cache.store("search|attacker-\(i)", body) }
            #expect(cache.count <= cache.capacity && cache.bytes <= cache.maxBytes, "\(cache.count) entries, \(cache.bytes) bytes")
            // The newest is there; a page people use, touched now and then, survives a flood of made-up keys.
            #expect(cache.cached("search|attacker-9999") != nil)
            cache.store("page|医药", Data("答案".utf8))
            for i in 0..<10_000 {
                if i % 100 == 0 { #expect(cache.cached("page|医药") != nil, "after \(i) more keys") }
                cache.store("search|flood-\(i)", body)
            }
            #expect(cache.count <= cache.capacity && cache.bytes <= cache.maxBytes)
        }
    }

    @Test func tenThousandDistinctKeysDoNotGrowAOnceMapPastItsCapacity() async throws {
        let map = OnceMap<String, Int>(capacity: 24)
        for i in 0..<10_000 {
            let value = try await map.value("threshold=\(i)") { i }
            #expect(value == i)
        }
        #expect(map.count == 24)
        #expect(map.keys.first == "threshold=9999")
        // A forgotten key is computed again, not answered wrongly.
        #expect(try await map.value("threshold=0") { -1 } == -1)
    }

    @Test func theGenerationsCachesAreBounded() {
        #expect(AnalyticsGeneration.maxRegionReports < 1_000)
        #expect(AnalyticsGeneration.maxSiblings <= 8)
    }
}

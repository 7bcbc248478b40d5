import Foundation
import Testing
@testable import BrainAnalytics
import BrainModel

/// The product links and product graph with interned names (issue 14) give exactly what the string-keyed computation
/// gave (`LegacyProductLinks`, `LegacyProductGraph`): on the repository's real bundle, and on names where bytes and
/// `String` equality part (a combining mark, a compatibility ideograph, an accounting word after a mark).
@Suite struct ProductLinksInterningTests {
    static func expectSame(_ index: SnapshotIndex, queries: [String]) throws {
        let new = ProductLinks(index), old = LegacyProductLinks(index)
        #expect(new.links == old.links)
        #expect(new.inputs == old.inputs)
        #expect(new.outputs == old.outputs)
        #expect(new.relationCount == old.relationCount)
        #expect(new.dropped == old.dropped)
        #expect(new.droppedExamples == old.droppedExamples)
        #expect(new.makers == old.makers)
        var names = Set(old.verdicts.keys)
        for relation in index.data.productRelations { names.formUnion([relation.from, relation.to]) }
        for name in names {
            #expect(new.isBiomedicine(name) == old.isBiomedicine(name), "\(name)")
            #expect(new.nodes(of: name) == old.nodes(of: name), "\(name)")
        }
        for link in new.links { #expect(new.runsAlongTiers(link) == old.runsAlongTiers(link)) }
        // FirmLinks and NodeLinks read only what is compared above.

        let graph = ProductGraph(index), oldGraph = LegacyProductGraph(index)
        #expect(graph.productNames == oldGraph.productNames)
        #expect(graph.nameBytes == oldGraph.nameBytes)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for name in names.union(oldGraph.productNames) {
            #expect(graph.contains(name) == oldGraph.contains(name), "\(name)")
            #expect(graph.makers[name] == oldGraph.makers[name], "\(name)")
            #expect(graph.inputs(of: name) == oldGraph.inputs(of: name), "\(name)")
            #expect(graph.outputs(of: name) == oldGraph.outputs(of: name), "\(name)")
        }
        for name in oldGraph.productNames.prefix(300) + queries {
            let a = try encoder.encode(graph.neighbourhood(of: name, fanout: 5, vetted: new))
            let b = try encoder.encode(oldGraph.neighbourhood(of: name, fanout: 5, vetted: old))
            #expect(a == b, "\(name)")
        }
        for query in queries { #expect(graph.search(query, limit: 50) == oldGraph.search(query, limit: 50), "\(query)") }
    }

    @Test func realBundleGivesTheSameLinksGraphAndSearch() throws {
        try Self.expectSame(try RealDataAnalyticsTests.index.get(), queries: ["药", "青霉素", "胶囊", "注射液", "Ⅱ", "a", "原料"])
    }

    @Test func namesWhereBytesAndStringsPartGiveTheSameAnswers() throws {
        var data = try ProductLinksTests.index().data
        let source = ExploreFixture.source
        func relation(_ from: String, _ to: String, _ kind: ProductRelationKind = .upstreamMaterial) -> ProductRelation {
            ProductRelation(from: from, to: to, kind: kind, provenance: source)
        }
        // 青霉素 with a combining acute accent is not 青霉素; "Å" written as A + ring is "Å"; 並 (U+F967, a compatibility
        // ideograph) is 不; an accounting word followed by a combining mark is not that word.
        data.products += [("A", "青霉素\u{301}"), ("B", "A\u{30A}胶囊"), ("C", "\u{C5}胶囊"), ("D", "\u{F967}良原料"), ("A", "其他\u{301}")].map {
            EnterpriseProduct(enterpriseId: $0.0, product: $0.1, revenueShare: nil, provenance: source)
        }
        data.productRelations += [
            relation("阿莫西林胶囊", "青霉素\u{301}"), relation("\u{C5}胶囊", "青霉素"), relation("A\u{30A}胶囊", "青霉素"),
            relation("阿莫西林胶囊", "不良原料"), relation("阿莫西林胶囊", "\u{F967}良原料"), relation("阿莫西林胶囊", "其他\u{301}"),
            relation("阿莫西林胶囊", "其他原料"), relation("技术服务", "青霉素"), relation("胶囊", "\u{C5}胶囊", .subclass),
        ]
        let index = SnapshotIndex(data)
        #expect(ProductLinks(index).makers.keys.contains("A\u{30A}胶囊"))
        try Self.expectSame(index, queries: ["青霉素", "胶囊", "\u{C5}", "A", "其他", "不"])
    }

    @Test func plainTextIsItsOwnComposedForm() {
        for name in ["青霉素钠", "Ⅱ型胶原蛋白", "α-干扰素", "≥99%葡萄糖", "ＡＢＣ片"] {
            #expect(PlainText.isPlain(name), "\(name)")
            #expect(name.precomposedStringWithCanonicalMapping.utf8.elementsEqual(name.utf8))
        }
        for name in ["A\u{30A}", "\u{F967}", "青\u{200D}霉素", "한국"] { #expect(!PlainText.isPlain(name), "\(name)") }
        var table = ProductNameTable()
        let a = table.intern("\u{C5}胶囊"), b = table.intern("A\u{30A}胶囊"), c = table.intern("\u{F967}"), d = table.intern("不")
        #expect(a == b && c == d && a != c)
        #expect(table.id(of: "青霉素") == nil)
    }
}

import Foundation
import Testing
import BrainAnalytics
import BrainModel

/// The chain relatedness network and the SWOT against peers, on the real bundled data (苏州 320500 at city level).
@Suite struct NetworkAndSWOTTests {
    static let suzhou = "320500"

    @Test func networkHasEveryNodeAndAConnectedWeightedBackbone() throws {
        let city = try RealDataAnalyticsTests.city.get()
        let network = try RelatednessNetworks.report(city, region: Self.suzhou)
        #expect(network.nodes.map(\.node.id) == city.nodeIds)
        #expect(Set(city.index.data.taxonomy.nodes.map(\.id)).isSubset(of: Set(network.nodes.map(\.node.id))))
        // Every edge joins two nodes with a positive proximity; the tree has one edge fewer than the nodes it joins.
        let ids = Set(network.edges.flatMap { [$0.source, $0.target] })
        let tree = network.edges.filter(\.spanningTree)
        #expect(!tree.isEmpty && tree.count == ids.count - 1)
        for edge in network.edges { #expect(edge.proximity > 0 && edge.proximity <= 1) }
        for edge in network.edges where !edge.spanningTree { #expect(edge.proximity >= network.threshold) }
        // The tree joins all nodes it touches: walking it from one reaches the rest.
        var reached: Set<String> = [tree[0].source], changed = true
        while changed {
            changed = false
            for edge in tree where reached.contains(edge.source) != reached.contains(edge.target) {
                reached.formUnion([edge.source, edge.target]); changed = true
            }
        }
        #expect(reached == ids)
        #expect(network.rule.code == "network.rule")
    }

    @Test func presenceAgreesWithTheRegionsLocationQuotient() throws {
        let city = try RealDataAnalyticsTests.city.get()
        let network = try RelatednessNetworks.report(city, region: Self.suzhou)
        let row = try #require(city.row(of: Self.suzhou))
        for (n, node) in network.nodes.enumerated() {
            let firms = city.table.matrix[row, n], lq = city.lq.lq(region: row, node: n) ?? 0
            #expect(node.regionFirms == firms)
            #expect(node.presence == (firms == 0 ? .absent : (lq >= 1 ? .specialised : .present)), "\(node.node.id)")
        }
        // 苏州 is a large biomedicine city: it is specialised somewhere and absent somewhere.
        #expect((network.counts["specialised"] ?? 0) > 0)
        #expect(network.counts.values.reduce(0, +) == network.nodes.count)
    }

    @Test func layoutIsFixedAndOnTheCanvas() throws {
        let city = try RealDataAnalyticsTests.city.get()
        let a = try RelatednessNetworks.report(city, region: Self.suzhou), b = try RelatednessNetworks.report(city, region: "320200")
        // The picture is the chain's, not the region's: the same positions for any region and any run.
        #expect(a.nodes.map(\.x) == b.nodes.map(\.x) && a.nodes.map(\.y) == b.nodes.map(\.y))
        for node in a.nodes { #expect((0...1000).contains(node.x) && (0...700).contains(node.y)) }
        #expect(Set(a.nodes.map { "\(Int($0.x / 20)),\(Int($0.y / 20))" }).count > a.nodes.count * 3 / 4)
    }

    @Test func higherThresholdKeepsFewerExtraEdges() throws {
        let city = try RealDataAnalyticsTests.city.get()
        let loose = try RelatednessNetworks.report(city, region: Self.suzhou, threshold: 0.2)
        let strict = try RelatednessNetworks.report(city, region: Self.suzhou, threshold: 0.9)
        #expect(loose.edges.count > strict.edges.count)
        #expect(loose.edges.filter(\.spanningTree).count == strict.edges.filter(\.spanningTree).count)
    }

    @Test func swotAgainstChosenPeersFillsTheQuadrantsOrSaysWhy() throws {
        let city = try RealDataAnalyticsTests.city.get()
        // 无锡, 常州, 杭州
        let swot = try PeerSWOTs.report(city, region: Self.suzhou, peers: ["320200", "320400", "330100"])
        #expect(swot.peers.map(\.code) == ["320200", "320400", "330100"] && !swot.defaultPeers)
        #expect(swot.sections.map(\.quadrant) == PeerSWOT.Quadrant.allCases)
        for section in swot.sections {
            #expect(!section.items.isEmpty || section.empty != nil, "\(section.quadrant)")
            for item in section.items {
                #expect(item.reason.code.hasPrefix("swot.") && item.reason.code != "swot.none")
                let zh = ReasonText.render(item.reason, in: .zh), en = ReasonText.render(item.reason, in: .en)
                #expect(!zh.contains("{") && !en.contains("{"), "\(zh) / \(en)")
            }
        }
        print("SWOT 苏州 vs 无锡/常州/杭州:", swot.sections.map { "\($0.quadrant.rawValue) \($0.items.count)" })
        let strengths = try #require(swot.sections.first { $0.quadrant == .strengths })
        for item in strengths.items { #expect((item.regionLQ ?? 0) >= 1 && (item.regionLQ ?? 0) > (item.peerMedianLQ ?? 0)) }
        let weaknesses = try #require(swot.sections.first { $0.quadrant == .weaknesses })
        for item in weaknesses.items { #expect(item.peersPresent > 0) }
        // Opportunities are the missing nodes of the opportunity analysis.
        let missing = Set(try Opportunities.report(city, region: Self.suzhou).opportunities.map(\.node.id))
        for item in swot.sections.first(where: { $0.quadrant == .opportunities })?.items ?? [] { #expect(missing.contains(item.node.id)) }
    }

    @Test func swotChangesWithThePeers() throws {
        let city = try RealDataAnalyticsTests.city.get()
        let near = try PeerSWOTs.report(city, region: Self.suzhou, peers: ["320200", "320400", "330100"])
        let far = try PeerSWOTs.report(city, region: Self.suzhou, peers: ["110100", "310100"])
        let items = { (s: PeerSWOT) in s.sections.flatMap { section in section.items.map { "\(section.quadrant):\($0.node.id):\($0.reason.values)" } } }
        #expect(items(near) != items(far))
        let defaults = try PeerSWOTs.report(city, region: Self.suzhou)
        let expected = try PeerSWOTs.defaultPeers(city, region: Self.suzhou)
        #expect(defaults.defaultPeers && defaults.peers.map(\.code) == expected)
        #expect(!defaults.peers.contains { $0.code == Self.suzhou })
    }

    @Test func swotRefusesUnknownPeersAndTheRegionAlone() throws {
        let city = try RealDataAnalyticsTests.city.get()
        #expect(throws: AnalyticsError.self) { try PeerSWOTs.report(city, region: Self.suzhou, peers: ["999999"]) }
        #expect(throws: AnalyticsError.self) { try PeerSWOTs.report(city, region: Self.suzhou, peers: [Self.suzhou]) }
    }
}

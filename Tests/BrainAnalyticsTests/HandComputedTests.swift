import Testing
import BrainAnalytics

/// Small cases worked out by hand.
@Suite struct HandComputedTests {
    @Test func herfindahlAndBands() {
        #expect(Concentration.hhi([1, 1]) == 0.5)
        #expect(Concentration.hhi([1, 1, 1, 1, 1, 1, 1, 1, 1, 1]).map { abs($0 - 0.1) < 1e-15 } == true)
        #expect(Concentration.hhi([0, 0]) == nil)
        #expect(Concentration.band(0.1) == "unconcentrated")
        #expect(Concentration.band(0.15) == "moderate")
        #expect(Concentration.band(0.25) == "high")
        // M/(Q+M−X): imports 30, production 100, exports 30 → 30/100.
        #expect(Concentration.importDependence(imports: 30, production: 100, exports: 30) == 0.3)
        #expect(Concentration.importDependence(imports: 0, production: 0, exports: 5) == nil)
    }

    @Test func aucCountsTiesAsHalf() {
        #expect(Statistics.auc(scores: [0.9, 0.8, 0.1, 0.2], labels: [true, true, false, false]) == 1)
        #expect(Statistics.auc(scores: [0.5, 0.5], labels: [true, false]) == 0.5)
        #expect(Statistics.auc(scores: [0.1, 0.9, 0.5], labels: [true, false, false]) == 0)
        #expect(Statistics.auc(scores: [1], labels: [true]) == nil)
    }

    @Test func jacobiFindsTheEigenpairsOfASymmetricMatrix() {
        // [[2,1],[1,2]] has eigenvalues 1 and 3 with eigenvectors (1,−1)/√2 and (1,1)/√2.
        let eigen = SymmetricEigen(symmetric: [2, 1, 1, 2], size: 2)
        let order = eigen.values.indices.sorted { eigen.values[$0] < eigen.values[$1] }
        #expect(abs(eigen.values[order[0]] - 1) < 1e-14 && abs(eigen.values[order[1]] - 3) < 1e-14)
        let v = eigen.vectors[order[1]]
        #expect(abs(abs(v[0]) - 0.5.squareRoot()) < 1e-14 && abs(v[0] - v[1]) < 1e-14)
    }

    @Test func cosineSimilarity() {
        #expect(Peers.cosine([1, 0], [0, 1]) == 0)
        #expect(abs(Peers.cosine([1, 2], [2, 4]) - 1) < 1e-15)
        #expect(Peers.cosine([0, 0], [1, 1]) == 0)
    }
}

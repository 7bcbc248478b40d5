import Testing
import BrainAnalytics

@Suite struct FitnessComplexityTests {
    @Test func nestedMatrixRanksTheDiversifiedRegionFirst() {
        // Perfectly nested: a makes p,q,r; b makes p,q; c makes p. Fitness a > b > c, complexity r > q > p.
        let mcp: [Double] = [1, 1, 1,
                             1, 1, 0,
                             1, 0, 0]
        let (fitness, complexity) = FitnessComplexity.compute(mcp: mcp, rows: 3, columns: 3, iterations: 1)
        // One iteration from F = Q = 1: F̃ = (3,2,1)/mean 2 = (1.5,1,0.5); Q̃ = 1/(3,2,1) = (1/3,1/2,1)/mean(11/18).
        #expect(fitness == [1.5, 1, 0.5])
        let expected = [1.0 / 3, 0.5, 1].map { $0 / (11.0 / 18) }
        #expect(zip(complexity, expected).allSatisfy { abs($0 - $1) < 1e-12 })
        let (f, q) = FitnessComplexity.compute(mcp: mcp, rows: 3, columns: 3)
        #expect(f[0] > f[1] && f[1] > f[2])
        #expect(q[2] > q[1] && q[1] > q[0])
        #expect(abs(f.reduce(0, +) / 3 - 1) < 1e-12)
    }

    @Test func unmadeProductHasNoComplexity() {
        let (_, complexity) = FitnessComplexity.compute(mcp: [1, 0, 1, 0], rows: 2, columns: 2)
        #expect(complexity[1].isNaN)
        #expect(complexity[0] == 1)
    }
}

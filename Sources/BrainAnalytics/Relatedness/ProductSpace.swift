/// Proximity and density on a binary presence matrix, shared by `EconomicComplexity` and the out-of-sample check.
/// Hidalgo, Klinger, Barabási & Hausmann (2007), "The Product Space Conditions the Development of Nations", Science 317.
enum ProductSpace {
    static func proximity(mcp: [Double], rows n: Int, columns m: Int, ubiquity: [Double]) -> [Double] {
        var together = [Double](repeating: 0, count: m * m)
        for r in 0..<n {
            let present = (0..<m).filter { mcp[r * m + $0] != 0 }
            for p in present { for q in present { together[p * m + q] += 1 } }
        }
        var phi = [Double](repeating: 0, count: m * m)
        for p in 0..<m {
            for q in 0..<m {
                let a = together[p * m + q] / ubiquity[q], b = together[q * m + p] / ubiquity[p]
                phi[p * m + q] = a.isNaN || b.isNaN ? .nan : min(a, b)
            }
        }
        return phi
    }

    static func density(mcp: [Double], proximity phi: [Double], rows n: Int, columns m: Int) -> [Double] {
        let denominator = (0..<m).map { p in (0..<m).reduce(0.0) { phi[p * m + $1].isNaN ? $0 : $0 + phi[p * m + $1] } }
        var out = [Double](repeating: 0, count: n * m)
        for r in 0..<n {
            for p in 0..<m {
                var sum = 0.0
                for q in 0..<m { sum += mcp[r * m + q] * (phi[p * m + q] / denominator[p]) }
                out[r * m + p] = sum
            }
        }
        return out
    }

}

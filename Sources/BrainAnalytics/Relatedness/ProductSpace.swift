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

    /// ω_cp = Σ_q M_cq φ_pq / Σ_q φ_pq. M is binary, so each row adds the rows of A[q][p] = φ_pq / Σφ_p· for its present
    /// nodes only; a NaN anywhere in φ takes the dense path so it propagates exactly as numpy's matmul does.
    static func density(mcp: [Double], proximity phi: [Double], rows n: Int, columns m: Int) -> [Double] {
        let denominator = (0..<m).map { p in (0..<m).reduce(0.0) { phi[p * m + $1].isNaN ? $0 : $0 + phi[p * m + $1] } }
        var out = [Double](repeating: 0, count: n * m)
        if phi.contains(where: \.isNaN) || mcp.contains(where: { $0 != 0 && $0 != 1 }) {
            for r in 0..<n {
                for p in 0..<m {
                    var sum = 0.0
                    for q in 0..<m { sum += mcp[r * m + q] * (phi[p * m + q] / denominator[p]) }
                    out[r * m + p] = sum
                }
            }
            return out
        }
        var a = [Double](repeating: 0, count: m * m)
        for p in 0..<m { for q in 0..<m { a[q * m + p] = phi[p * m + q] / denominator[p] } }
        addRows(of: a, selectedBy: mcp, rows: n, columns: m, into: &out)
        return out
    }

    /// out[r] += Σ_{q: mask[r,q] = 1} table[q]: the sparse product of a binary matrix with a dense one.
    static func addRows(of table: [Double], selectedBy mask: [Double], rows n: Int, columns m: Int, into out: inout [Double]) {
        table.withUnsafeBufferPointer { table in
            mask.withUnsafeBufferPointer { mask in
                out.withUnsafeMutableBufferPointer { out in
                    for r in 0..<n {
                        let row = out.baseAddress! + r * m
                        for q in 0..<m where mask[r * m + q] != 0 {
                            let source = table.baseAddress! + q * m
                            for p in 0..<m { row[p] += source[p] }
                        }
                    }
                }
            }
        }
    }
}

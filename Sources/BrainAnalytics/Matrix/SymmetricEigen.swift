import Foundation

/// Eigen-decomposition of a real symmetric matrix by the cyclic Jacobi method.
///
/// Why Jacobi: it needs no LAPACK (absent on a plain Linux toolchain), is accurate to machine precision for the
/// eigenvectors of symmetric matrices, and chain-node matrices are small (tens to a few hundred columns).
/// Reference: Golub & Van Loan, *Matrix Computations*, 4th ed., §8.5 (cyclic Jacobi).
public struct SymmetricEigen: Sendable {
    /// Eigenvalues, unsorted, in the order of `vectors`.
    public let values: [Double]
    /// `vectors[k]` is the unit-length eigenvector for `values[k]`.
    public let vectors: [[Double]]

    /// `matrix` is n × n, row-major, and must be symmetric.
    public init(symmetric matrix: [Double], size n: Int, maxSweeps: Int = 100) {
        var a = matrix
        var v = [Double](repeating: 0, count: n * n)
        for i in 0..<n { v[i * n + i] = 1 }
        a.withUnsafeMutableBufferPointer { a in
            v.withUnsafeMutableBufferPointer { v in
                for _ in 0..<maxSweeps {
                    var off = 0.0, diagonal = 0.0
                    for i in 0..<n {
                        diagonal += a[i * n + i] * a[i * n + i]
                        for j in (i + 1)..<max(i + 1, n) { off += a[i * n + j] * a[i * n + j] }
                    }
                    if off <= 1e-30 * max(diagonal, 1e-300) { break }
                    for p in 0..<n {
                        for q in (p + 1)..<max(p + 1, n) {
                            let apq = a[p * n + q]
                            if apq == 0 { continue }
                            let theta = (a[q * n + q] - a[p * n + p]) / (2 * apq)
                            let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                            let c = 1 / (t * t + 1).squareRoot(), s = t * c
                            // A ← Jᵀ A J, touching rows/columns p and q only.
                            for k in 0..<n {
                                let akp = a[k * n + p], akq = a[k * n + q]
                                a[k * n + p] = c * akp - s * akq
                                a[k * n + q] = s * akp + c * akq
                            }
                            for k in 0..<n {
                                let apk = a[p * n + k], aqk = a[q * n + k]
                                a[p * n + k] = c * apk - s * aqk
                                a[q * n + k] = s * apk + c * aqk
                            }
                            for k in 0..<n {
                                let vkp = v[k * n + p], vkq = v[k * n + q]
                                v[k * n + p] = c * vkp - s * vkq
                                v[k * n + q] = s * vkp + c * vkq
                            }
                        }
                    }
                }
            }
        }
        values = (0..<n).map { a[$0 * n + $0] }
        vectors = (0..<n).map { k in (0..<n).map { v[$0 * n + k] } }
    }

    /// The unit eigenvector of the second-largest eigenvalue of a positive semi-definite matrix whose top unit
    /// eigenvector `top` is known: power iteration on the complement of `top`. nil when it does not converge to a
    /// residual ‖Sx − λx‖ ≤ 1e-14 within `maxIterations` (close eigenvalues), so the caller can fall back to Jacobi.
    public static func secondLargestPSD(_ s: [Double], size n: Int, top: [Double], maxIterations: Int = 5_000) -> [Double]? {
        guard n >= 2 else { return nil }
        var x = (0..<n).map { 1 + Double($0 % 7) / 7 + Double($0) / Double(n) }
        var y = [Double](repeating: 0, count: n)
        func orthogonalise(_ v: inout [Double]) {
            let projection = zip(v, top).reduce(0) { $0 + $1.0 * $1.1 }
            for i in 0..<n { v[i] -= projection * top[i] }
        }
        func normalise(_ v: inout [Double]) -> Bool {
            let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
            guard norm > 0, norm.isFinite else { return false }
            for i in 0..<n { v[i] /= norm }
            return true
        }
        orthogonalise(&x)
        guard normalise(&x) else { return nil }
        return s.withUnsafeBufferPointer { s -> [Double]? in
            for _ in 0..<maxIterations {
                x.withUnsafeBufferPointer { x in
                    for i in 0..<n {
                        // Four partial sums let the compiler vectorise the dot product (a strict single sum cannot be reordered).
                        let row = s.baseAddress! + i * n
                        var a = 0.0, b = 0.0, c = 0.0, d = 0.0, j = 0
                        while j + 4 <= n {
                            a += row[j] * x[j]; b += row[j + 1] * x[j + 1]; c += row[j + 2] * x[j + 2]; d += row[j + 3] * x[j + 3]
                            j += 4
                        }
                        while j < n { a += row[j] * x[j]; j += 1 }
                        y[i] = (a + b) + (c + d)
                    }
                }
                orthogonalise(&y)
                let lambda = zip(x, y).reduce(0) { $0 + $1.0 * $1.1 }
                let residual = zip(y, x).reduce(0) { $0 + ($1.0 - lambda * $1.1) * ($1.0 - lambda * $1.1) }.squareRoot()
                if residual <= 1e-14 { return x }
                guard normalise(&y) else { return nil }
                swap(&x, &y)
            }
            return nil
        }
    }
}

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
}

import Foundation

/// L2-regularised, weighted logistic regression fitted by Newton's method (iteratively reweighted least squares).
/// It minimises
///
///     Σ_i w_i · [log(1 + e^{z_i}) − y_i z_i] + (λ/2) · Σ_j β_j²,   z_i = β_0 + Σ_j β_j x_ij,
///
/// with the intercept β_0 not penalised — the objective of scikit-learn's `LogisticRegression(C = 1/λ)` with
/// `sample_weight`, so its numbers can check this one. A handful of features and a few hundred thousand rows need no
/// dependency: each Newton step is one pass over the rows and a (p+1)×(p+1) Cholesky solve. Steps are halved until
/// the objective falls, so separable data (where the unpenalised optimum is infinite) still converges with λ > 0.
public struct LogisticRegression: Codable, Sendable, Equatable {
    public var intercept: Double
    public var coefficients: [Double]
    /// Newton steps taken (for the tests and the bench's note).
    public var iterations: Int

    public init(intercept: Double, coefficients: [Double], iterations: Int = 0) {
        self.intercept = intercept
        self.coefficients = coefficients
        self.iterations = iterations
    }

    /// The linear score z (log-odds); ranking by it is ranking by probability.
    public func logit(_ row: [Double]) -> Double {
        var z = intercept
        for (beta, x) in zip(coefficients, row) { z += beta * x }
        return z
    }

    public func probability(_ row: [Double]) -> Double { Self.sigmoid(logit(row)) }

    /// Fits `rows` (all of one width) to `labels`; `weights` default to 1. Without both classes (or with no rows)
    /// there is nothing to learn and every coefficient is 0.
    public static func fit(_ rows: [[Double]], labels: [Bool], weights: [Double]? = nil, lambda: Double,
                           maxIterations: Int = 100, tolerance: Double = 1e-10) -> LogisticRegression {
        let p = rows.first?.count ?? 0
        let w = weights ?? [Double](repeating: 1, count: rows.count)
        let positive = zip(labels, w).reduce(0.0) { $0 + ($1.0 ? $1.1 : 0) }
        let negative = zip(labels, w).reduce(0.0) { $0 + ($1.0 ? 0 : $1.1) }
        guard rows.count == labels.count, w.count == rows.count, positive > 0, negative > 0, lambda >= 0 else {
            return LogisticRegression(intercept: 0, coefficients: [Double](repeating: 0, count: p))
        }
        // β[0] is the intercept; start at the weighted log-odds so the first step is already sensible.
        var beta = [Double](repeating: 0, count: p + 1)
        beta[0] = log(positive / negative)
        var current = objective(beta, rows, labels, w, lambda)
        var steps = 0
        for _ in 0..<maxIterations {
            steps += 1
            var gradient = [Double](repeating: 0, count: p + 1)
            var hessian = [Double](repeating: 0, count: (p + 1) * (p + 1))
            var x = [Double](repeating: 1, count: p + 1)
            for i in rows.indices {
                for j in 0..<p { x[j + 1] = rows[i][j] }
                let z = linear(beta, rows[i])
                let prob = sigmoid(z)
                let residual = w[i] * (prob - (labels[i] ? 1 : 0))
                let curvature = w[i] * prob * (1 - prob)
                for a in 0...p {
                    gradient[a] += residual * x[a]
                    let scaled = curvature * x[a]
                    for b in 0...a { hessian[a * (p + 1) + b] += scaled * x[b] }
                }
            }
            for a in 0...p {
                for b in 0..<a { hessian[b * (p + 1) + a] = hessian[a * (p + 1) + b] }
                // The intercept gets a vanishing ridge so the system stays solvable when every p(1−p) underflows.
                hessian[a * (p + 1) + a] += a == 0 ? 1e-12 : lambda
                if a > 0 { gradient[a] += lambda * beta[a] }
            }
            guard let step = choleskySolve(hessian, gradient, size: p + 1) else { break }
            var scale = 1.0, accepted = false
            while scale > 1e-8 {
                let candidate = zip(beta, step).map { $0 - scale * $1 }
                let value = objective(candidate, rows, labels, w, lambda)
                if value <= current {
                    let gain = current - value
                    beta = candidate
                    current = value
                    accepted = true
                    if gain <= tolerance * max(1, abs(value)) { scale = 0 }
                    break
                }
                scale /= 2
            }
            if !accepted || scale == 0 { break }
        }
        return LogisticRegression(intercept: beta[0], coefficients: Array(beta.dropFirst()), iterations: steps)
    }

    static func linear(_ beta: [Double], _ row: [Double]) -> Double {
        var z = beta[0]
        for (j, x) in row.enumerated() { z += beta[j + 1] * x }
        return z
    }

    static func objective(_ beta: [Double], _ rows: [[Double]], _ labels: [Bool], _ w: [Double], _ lambda: Double) -> Double {
        var total = 0.0
        for i in rows.indices {
            let z = linear(beta, rows[i])
            total += w[i] * (softplus(z) - (labels[i] ? z : 0))
        }
        return total + lambda / 2 * beta.dropFirst().reduce(0) { $0 + $1 * $1 }
    }

    /// log(1 + e^z) without overflow.
    static func softplus(_ z: Double) -> Double { z > 0 ? z + log1p(exp(-z)) : log1p(exp(z)) }

    static func sigmoid(_ z: Double) -> Double { z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z)) }

    /// Solves A x = b for a symmetric positive definite A (row-major, n×n); nil when A is not positive definite.
    static func choleskySolve(_ a: [Double], _ b: [Double], size n: Int) -> [Double]? {
        var l = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var sum = a[i * n + j]
                for k in 0..<j { sum -= l[i * n + k] * l[j * n + k] }
                if i == j {
                    guard sum > 0, sum.isFinite else { return nil }
                    l[i * n + i] = sum.squareRoot()
                } else {
                    l[i * n + j] = sum / l[j * n + j]
                }
            }
        }
        var y = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var sum = b[i]
            for k in 0..<i { sum -= l[i * n + k] * y[k] }
            y[i] = sum / l[i * n + i]
        }
        var x = [Double](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            var sum = y[i]
            for k in (i + 1)..<n { sum -= l[k * n + i] * x[k] }
            x[i] = sum / l[i * n + i]
        }
        return x
    }
}

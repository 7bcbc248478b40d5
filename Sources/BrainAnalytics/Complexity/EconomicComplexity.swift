import Foundation

/// Economic complexity after Hidalgo & Hausmann (2009) and the Atlas of Economic Complexity, computed exactly as the
/// Harvard Growth Lab's `ecomplexity` package 0.5.3 (PyPI) does for `presence_test="rca"`, discrete symmetric
/// proximity and no knn — see docs/methods.md §Relatedness and complexity, and
/// Tests/reference/ecomplexity_expected.py for the script that produces the values the tests compare against.
///
/// Conventions copied from the reference, on purpose:
/// - regions and sectors whose total is 0 are dropped before anything else and get nil outputs;
/// - RCA = (x_cp / x_c) / (x_p / x), M_cp = 1 when RCA ≥ threshold;
/// - proximity φ_pp' = min(P(p|p'), P(p'|p)); density ω_cp = Σ_p' M_cp' φ_pp' / Σ_p' φ_pp' (the node itself included);
/// - ECI/PCI from the eigenvector of the second-largest eigenvalue of M̃_pp' = Σ_c M_cp M_cp' / (k_p k_c), sign chosen so
///   ECI correlates positively with diversity; ECI standardised with its population standard deviation, PCI with
///   ECI's mean and standard deviation;
/// - COI = Σ_p ω_cp (1 − M_cp) PCI_p and COG_cp = (1 − M_cp) Σ_p' (1 − M_cp') φ_p'p PCI_p' / Σ_p'' φ_p'p'' with the raw
///   (unstandardised) PCI; COI is then z-scored, COG divided by the standard deviation of the raw ECI.
/// NaN follows numpy's propagation so that degenerate inputs give the same nulls as the reference.
public enum EconomicComplexity {
    /// `phase` receives each step's name and seconds, for `brain bench analytics`.
    public static func compute(_ matrix: LabeledMatrix, threshold: Double = 1,
                               fitnessIterations: Int = FitnessComplexity.defaultIterations,
                               phase: ((String, Double) -> Void)? = nil) -> ComplexityResult {
        let rowSums = matrix.rowSums, columnSums = matrix.columnSums
        let keptRows = (0..<matrix.rowCount).filter { rowSums[$0] != 0 }
        let keptColumns = (0..<matrix.columnCount).filter { columnSums[$0] != 0 }
        let core = Core(matrix.submatrix(rows: keptRows, columns: keptColumns).values,
                        rows: keptRows.count, columns: keptColumns.count, threshold: threshold,
                        fitnessIterations: fitnessIterations, phase: PhaseClock(report: phase))

        // Scatter the kept block back into the full label space, nil elsewhere.
        let nRows = matrix.rowCount, nColumns = matrix.columnCount, kc = keptColumns.count
        func cells(_ block: [Double]) -> [Double?] {
            var out = [Double?](repeating: nil, count: nRows * nColumns)
            for (i, r) in keptRows.enumerated() { for (j, c) in keptColumns.enumerated() { out[r * nColumns + c] = finite(block[i * kc + j]) } }
            return out
        }
        func perRow(_ block: [Double]) -> [Double?] {
            var out = [Double?](repeating: nil, count: nRows)
            for (i, r) in keptRows.enumerated() { out[r] = finite(block[i]) }
            return out
        }
        func perColumn(_ block: [Double]) -> [Double?] {
            var out = [Double?](repeating: nil, count: nColumns)
            for (j, c) in keptColumns.enumerated() { out[c] = finite(block[j]) }
            return out
        }
        var proximity = [Double?](repeating: nil, count: nColumns * nColumns)
        for (i, p) in keptColumns.enumerated() {
            for (j, q) in keptColumns.enumerated() { proximity[p * nColumns + q] = finite(core.proximity[i * kc + j]) }
        }
        return ComplexityResult(
            regions: matrix.rowLabels, sectors: matrix.columnLabels,
            rca: cells(core.rca), mcp: cells(core.mcp), density: cells(core.density), cog: cells(core.cog),
            diversity: perRow(core.diversity), eci: perRow(core.eci), coi: perRow(core.coi), fitness: perRow(core.fitness),
            ubiquity: perColumn(core.ubiquity), pci: perColumn(core.pci), complexity: perColumn(core.complexity),
            proximity: proximity)
    }

    static func finite(_ x: Double) -> Double? { x.isFinite ? x : nil }
}

/// The computation on the kept block (no zero rows or columns), in numpy's NaN semantics.
private struct Core {
    var rca: [Double], mcp: [Double], density: [Double], cog: [Double], proximity: [Double]
    var diversity: [Double], ubiquity: [Double], eci: [Double], pci: [Double], coi: [Double]
    var fitness: [Double], complexity: [Double]

    init(_ x: [Double], rows n: Int, columns m: Int, threshold: Double, fitnessIterations: Int, phase: PhaseClock) {
        var phase = phase
        var rowTotal = [Double](repeating: 0, count: n), columnTotal = [Double](repeating: 0, count: m)
        for r in 0..<n { for c in 0..<m { rowTotal[r] += x[r * m + c]; columnTotal[c] += x[r * m + c] } }
        let total = columnTotal.reduce(0, +)
        var rca = [Double](repeating: 0, count: n * m), mcp = [Double](repeating: 0, count: n * m)
        var diversity = [Double](repeating: 0, count: n), ubiquity = [Double](repeating: 0, count: m)
        let share = columnTotal.map { $0 / total }
        x.withUnsafeBufferPointer { x in
            rca.withUnsafeMutableBufferPointer { rca in
                mcp.withUnsafeMutableBufferPointer { mcp in
                    for r in 0..<n {
                        for c in 0..<m {
                            let value = (x[r * m + c] / rowTotal[r]) / share[c]
                            rca[r * m + c] = value
                            if !value.isNaN && value >= threshold { mcp[r * m + c] = 1; diversity[r] += 1; ubiquity[c] += 1 }
                        }
                    }
                }
            }
        }
        phase.lap("RCA and presence")
        let (eciRaw, pciRaw) = Core.eigenvectorIndices(mcp: mcp, rows: n, columns: m, diversity: diversity, ubiquity: ubiquity)
        phase.lap("ECI/PCI eigenvector")
        let proximity = ProductSpace.proximity(mcp: mcp, rows: n, columns: m, ubiquity: ubiquity)
        phase.lap("proximity")
        let density = ProductSpace.density(mcp: mcp, proximity: proximity, rows: n, columns: m)
        phase.lap("density")
        let (coiRaw, cogRaw) = Core.outlook(mcp: mcp, density: density, proximity: proximity, pci: pciRaw, rows: n, columns: m)
        phase.lap("COI/COG")

        let eciMean = Statistics.mean(eciRaw), eciSD = Statistics.populationStandardDeviation(eciRaw)
        let coiMean = Statistics.mean(coiRaw), coiSD = Statistics.populationStandardDeviation(coiRaw)
        self.rca = rca
        self.mcp = mcp
        self.diversity = diversity
        self.ubiquity = ubiquity
        self.proximity = proximity
        self.density = density
        pci = pciRaw.map { ($0 - eciMean) / eciSD }
        cog = cogRaw.map { $0 / eciSD }
        eci = eciRaw.map { ($0 - eciMean) / eciSD }
        coi = coiRaw.map { ($0 - coiMean) / coiSD }
        phase.lap("standardise")
        (fitness, complexity) = FitnessComplexity.compute(mcp: mcp, rows: n, columns: m, iterations: fitnessIterations)
        phase.lap("fitness-complexity")
    }

    /// Raw ECI (kc) and PCI (kp) as `calc_eci_pci` returns them, NaN for zero diversity/ubiquity or on failure.
    static func eigenvectorIndices(mcp: [Double], rows n: Int, columns m: Int, diversity: [Double],
                                   ubiquity: [Double]) -> ([Double], [Double]) {
        let validRows = (0..<n).filter { diversity[$0] != 0 }, validColumns = (0..<m).filter { ubiquity[$0] != 0 }
        var eci = [Double](repeating: .nan, count: n), pci = [Double](repeating: .nan, count: m)
        let k = validColumns.count
        guard k >= 2, !validRows.isEmpty else { return (eci, pci) }  // numpy's argsort()[-2] fails: all NaN
        // M̃ = U⁻¹ Mᵀ D⁻¹ M is similar to the symmetric S = U^-½ Mᵀ D⁻¹ M U^-½; eigenvectors map back by U^-½.
        var s = [Double](repeating: 0, count: k * k)
        var column = [Int](repeating: -1, count: m)
        for (j, c) in validColumns.enumerated() { column[c] = j }
        var present = [Int]()
        present.reserveCapacity(k)
        s.withUnsafeMutableBufferPointer { s in
            for r in validRows {
                present.removeAll(keepingCapacity: true)
                for c in 0..<m where mcp[r * m + c] != 0 && column[c] >= 0 { present.append(column[c]) }
                let weight = 1 / diversity[r]
                for i in present { let row = s.baseAddress! + i * k; for j in present { row[j] += weight } }
            }
        }
        let root = validColumns.map { ubiquity[$0].squareRoot() }
        for i in 0..<k { for j in 0..<k { s[i * k + j] /= root[i] * root[j] } }
        // The top eigenpair is known exactly (λ = 1, vector ∝ √u): deflate it and find the second by power iteration,
        // falling back to a full Jacobi decomposition when that does not converge.
        let top = root.map { $0 / root.reduce(0) { $0 + $1 * $1 }.squareRoot() }
        let second = SymmetricEigen.secondLargestPSD(s, size: k, top: top) ?? {
            let eigen = SymmetricEigen(symmetric: s, size: k)
            let order = eigen.values.indices.sorted { eigen.values[$0] < eigen.values[$1] }
            return eigen.vectors[order[k - 2]]
        }()
        var kp = zip(second, root).map { $0 / $1 }
        let norm = kp.reduce(0) { $0 + $1 * $1 }.squareRoot()
        kp = kp.map { $0 / norm }
        let kc = validRows.map { r in
            validColumns.indices.reduce(0.0) { $0 + mcp[r * m + validColumns[$1]] * kp[$1] } / diversity[r]
        }
        let sign = Statistics.sign(Statistics.correlation(validRows.map { diversity[$0] }, kc))
        for (i, r) in validRows.enumerated() { eci[r] = sign * kc[i] }
        for (j, c) in validColumns.enumerated() { pci[c] = sign * kp[j] }
        return (eci, pci)
    }

    static func outlook(mcp: [Double], density: [Double], proximity phi: [Double], pci: [Double],
                        rows n: Int, columns m: Int) -> ([Double], [Double]) {
        let rowSum = (0..<m).map { q in (0..<m).reduce(0.0) { $0 + phi[q * m + $1] } }
        var weighted = [Double](repeating: 0, count: m * m)  // φ_qp · PCI_q / Σ φ_q·
        for q in 0..<m { for p in 0..<m { weighted[q * m + p] = phi[q * m + p] * (pci[q] / rowSum[q]) } }
        var coi = [Double](repeating: 0, count: n), cog = [Double](repeating: 0, count: n * m)
        for r in 0..<n {
            var outlook = 0.0
            for p in 0..<m { outlook += density[r * m + p] * (1 - mcp[r * m + p]) * pci[p] }
            coi[r] = outlook
        }
        if weighted.contains(where: \.isNaN) {
            for r in 0..<n {
                for p in 0..<m {
                    var gain = 0.0
                    for q in 0..<m { gain += (1 - mcp[r * m + q]) * weighted[q * m + p] }
                    cog[r * m + p] = (1 - mcp[r * m + p]) * gain
                }
            }
            return (coi, cog)
        }
        // Σ_q (1 − M_rq) W_qp = Σ_q W_qp − Σ_{q present} W_qp: only the present nodes need a pass.
        let columnSum = (0..<m).map { p in (0..<m).reduce(0.0) { $0 + weighted[$1 * m + p] } }
        var present = [Double](repeating: 0, count: n * m)
        ProductSpace.addRows(of: weighted, selectedBy: mcp, rows: n, columns: m, into: &present)
        for r in 0..<n { for p in 0..<m { cog[r * m + p] = (1 - mcp[r * m + p]) * (columnSum[p] - present[r * m + p]) } }
        return (coi, cog)
    }
}

/// Times consecutive steps when someone listens; free otherwise.
struct PhaseClock {
    let report: ((String, Double) -> Void)?
    var last = DispatchTime.now().uptimeNanoseconds

    init(report: ((String, Double) -> Void)?) { self.report = report }

    mutating func lap(_ name: String) {
        guard let report else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        report(name, Double(now - last) / 1e9)
        last = now
    }
}

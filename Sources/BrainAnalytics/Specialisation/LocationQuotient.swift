/// Location quotient = Balassa's revealed comparative advantage (Balassa 1965):
///
///   LQ_rn = (x_rn / X_r) / (X_n / X)
///
/// with X_r the region's total over **all** listed firms (not only biomedicine), X_n the node's national total and
/// X the national total over all listed firms — so an LQ above 1 means the node weighs more in the region's economy
/// than in the nation's. Presence M_rn = 1 when LQ ≥ threshold (default 1). Undefined (nil) when X_r or X_n is 0.
public struct LocationQuotient: Sendable {
    public let values: LabeledMatrix
    /// nil where undefined
    public let defined: [Bool]
    public let threshold: Double

    public init(_ table: RegionNodeMatrix, threshold: Double = 1) {
        let nodeTotals = table.nodeTotals
        var values = LabeledMatrix(rowLabels: table.matrix.rowLabels, columnLabels: table.matrix.columnLabels)
        var defined = [Bool](repeating: false, count: values.values.count)
        for r in 0..<values.rowCount {
            for n in 0..<values.columnCount where table.regionTotals[r] > 0 && nodeTotals[n] > 0 && table.nationalTotal > 0 {
                values[r, n] = (table.matrix[r, n] / table.regionTotals[r]) / (nodeTotals[n] / table.nationalTotal)
                defined[r * values.columnCount + n] = true
            }
        }
        self.values = values
        self.defined = defined
        self.threshold = threshold
    }

    public func lq(region r: Int, node n: Int) -> Double? { defined[r * values.columnCount + n] ? values[r, n] : nil }
    public func isPresent(region r: Int, node n: Int) -> Bool { (lq(region: r, node: n) ?? 0) >= threshold }
}

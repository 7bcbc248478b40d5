/// A dense rows × columns matrix of doubles with row and column labels (regions × sectors, or regions × chain nodes).
/// Row-major storage: analytics loops run over contiguous memory.
public struct LabeledMatrix: Sendable, Equatable {
    public let rowLabels: [String]
    public let columnLabels: [String]
    public var values: [Double]

    public var rowCount: Int { rowLabels.count }
    public var columnCount: Int { columnLabels.count }

    public init(rowLabels: [String], columnLabels: [String], values: [Double]) {
        precondition(values.count == rowLabels.count * columnLabels.count, "values must fill rows × columns")
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.values = values
    }

    public init(rowLabels: [String], columnLabels: [String], fill: Double = 0) {
        self.init(rowLabels: rowLabels, columnLabels: columnLabels,
                  values: Array(repeating: fill, count: rowLabels.count * columnLabels.count))
    }

    /// Builds a matrix from (row, column, value) cells; absent cells are 0, repeated cells are summed.
    /// Labels are sorted so results do not depend on input order.
    public init(cells: [(row: String, column: String, value: Double)]) {
        let rows = Array(Set(cells.map(\.row))).sorted()
        let columns = Array(Set(cells.map(\.column))).sorted()
        self.init(rowLabels: rows, columnLabels: columns)
        let rowIndex = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($1, $0) })
        let columnIndex = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
        for cell in cells {
            values[rowIndex[cell.row]! * columns.count + columnIndex[cell.column]!] += cell.value
        }
    }

    public subscript(row: Int, column: Int) -> Double {
        get { values[row * columnLabels.count + column] }
        set { values[row * columnLabels.count + column] = newValue }
    }

    public func rowIndex(of label: String) -> Int? { rowLabels.firstIndex(of: label) }
    public func columnIndex(of label: String) -> Int? { columnLabels.firstIndex(of: label) }

    public var rowSums: [Double] {
        var sums = [Double](repeating: 0, count: rowCount)
        for r in 0..<rowCount { for c in 0..<columnCount { sums[r] += values[r * columnCount + c] } }
        return sums
    }

    public var columnSums: [Double] {
        var sums = [Double](repeating: 0, count: columnCount)
        for r in 0..<rowCount { for c in 0..<columnCount { sums[c] += values[r * columnCount + c] } }
        return sums
    }

    /// The rows and columns at the given indices, in that order.
    public func submatrix(rows: [Int], columns: [Int]) -> LabeledMatrix {
        var out = [Double]()
        out.reserveCapacity(rows.count * columns.count)
        for r in rows { for c in columns { out.append(values[r * columnCount + c]) } }
        return LabeledMatrix(rowLabels: rows.map { rowLabels[$0] }, columnLabels: columns.map { columnLabels[$0] }, values: out)
    }
}

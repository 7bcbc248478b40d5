import BrainModel

/// Enterprise summaries as read steps: the rows a statement selects, then their chain nodes, then their cities'
/// names, so a query that ends in a page of summaries (search, a region's largest firms) runs in one driver read.
struct SummaryBatch: Sendable {
    /// An `enterprises` row's summary columns, held until the page's nodes and city names are known.
    struct Row: Sendable {
        let id: String, name: String, fullName: String?, cityCode: String?, employees: Int?, isBiomedicine: Bool

        init(_ row: any ColumnReader) throws {
            (id, name, fullName) = (try row.text("id"), try row.text("name"), try row.optionalText("full_name"))
            (cityCode, employees, isBiomedicine) = (try row.optionalText("city_code"), try row.optionalInt("employees"), try row.bool("is_biomedicine"))
        }
    }

    var rows: [Row] = []
    var nodes: [String: [String]] = [:]
    var cityNames: [String: String] = [:]

    var summaries: [EnterpriseSummary] {
        rows.map { row in
            EnterpriseSummary(id: row.id, name: row.name, fullName: row.fullName, cityCode: row.cityCode,
                              cityName: row.cityCode.flatMap { cityNames[$0] }, employees: row.employees,
                              isBiomedicine: row.isBiomedicine, nodeIds: nodes[row.id] ?? [])
        }
    }

    /// The steps for the rows `select` names (its SQL must select `e.*`; nil: no rows), then their nodes and cities.
    static func steps<State>(_ part: WritableKeyPath<State, SummaryBatch> & Sendable,
                             select: @escaping @Sendable (State) throws -> (sql: String, arguments: [SQLValue])?) -> [ReadStep<State>] {
        [ReadStep(after: select) { state, row in state[keyPath: part].rows.append(try Row(row)) }]
            + ownSteps.map { $0.lifted(part) }
    }

    private static let ownSteps: [ReadStep<SummaryBatch>] = [
        ReadStep(after: { batch in
            batch.rows.isEmpty ? nil : (StoreSQL.nodesOfEnterprises(count: batch.rows.count), batch.rows.map(\.id).textArguments)
        }) { batch, row in
            batch.nodes[try row.text("enterprise_id"), default: []].append(try row.text("node_id"))
        },
        ReadStep(after: { batch in
            let codes = Array(Set(batch.rows.compactMap(\.cityCode))).sorted()
            return codes.isEmpty ? nil : (StoreSQL.regionNames(count: codes.count), codes.textArguments)
        }) { batch, row in
            batch.cityNames[try row.text("code")] = try row.text("name")
        },
    ]
}

/// A state that is only a batch of summaries.
struct SummaryOnly: Sendable {
    var batch = SummaryBatch()
}

extension SQLStore {
    /// Summaries of the given ids, in no particular order, in one driver read.
    func summaries(ids: [String]) async throws -> [EnterpriseSummary] {
        guard !ids.isEmpty else { return [] }
        let sql = "SELECT e.* FROM enterprises e WHERE e.id IN (\(StoreSQL.marks(ids.count)))", arguments = ids.textArguments
        return try await driver.readSteps(SummaryOnly(), SummaryBatch.steps(\SummaryOnly.batch) { _ in (sql, arguments) })
            .batch.summaries
    }
}

extension EnterpriseSummary {
    /// From an `enterprises` row, with the nodes and city names the store looked up for the whole page.
    init(row: some ColumnReader, nodeIds: [String: [String]], cityNames: [String: String]) throws {
        let id = try row.text("id"), city = try row.optionalText("city_code")
        self.init(id: id, name: try row.text("name"), fullName: try row.optionalText("full_name"), cityCode: city,
                  cityName: city.flatMap { cityNames[$0] }, employees: try row.optionalInt("employees"),
                  isBiomedicine: try row.bool("is_biomedicine"), nodeIds: nodeIds[id] ?? [])
    }
}

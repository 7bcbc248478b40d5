import BrainModel

extension Store {
    /// What each name names (`NameResolution`): every text's keys looked up together, in one query per 500 keys, then
    /// resolved in memory — a set operation for a whole batch of names, not a query per name.
    public func resolveNames(_ texts: [String]) async throws -> [NameResolution] {
        let keys = NameResolution.keys(for: texts)
        let byKey = Dictionary(grouping: keys.isEmpty ? [] : try await enterpriseNames(keys: keys), by: \.key)
        return texts.map { text in
            NameResolution.resolve(text, among: NameResolution.keys(for: [text]).flatMap { byKey[$0] ?? [] })
        }
    }

    public func resolveName(_ text: String) async throws -> NameResolution {
        try await resolveNames([text])[0]
    }
}

import BrainModel

/// The few reads every operation family builds on.
extension SQLStore {
    static func region(_ s: any SQLSession, _ code: String) async throws -> Region? {
        try await s.first(StoreSQL.regionByCode, [.text(code)]) { try RowMapping.region($0) }
    }

    static func nodeCounts(_ s: any SQLSession, _ filter: RegionFilter) async throws -> [NodeCount] {
        try await s.rows(StoreSQL.nodeCounts(filter), filter.arguments.textArguments) { try RowMapping.nodeCount($0) }
    }

    /// The regions and their ancestors (at most four levels up: a code table with a cycle must not hang).
    static func regionChains(_ s: any SQLSession, _ codes: [String]) async throws -> [String: Region] {
        var regions: [String: Region] = [:]
        for code in codes {
            var cursor: String? = code
            for _ in 0..<4 {
                guard let current = cursor, regions[current] == nil, let region = try await Self.region(s, current) else { break }
                regions[current] = region
                cursor = region.parentCode
            }
        }
        return regions
    }
}

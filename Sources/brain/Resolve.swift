import ArgumentParser
import Foundation
import BrainModel
import BrainStore

/// `brain resolve NAME…`: what each name names in the store, with the evidence.
struct Resolve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Resolve company names (Chinese, short, former, English, in any formatting) to the firms they name in the store.",
        discussion: """
            One JSON line per name: status (resolved, ambiguous, unknown) and each firm with the stored name that matched
            (its kind, source and date). Only formatting folds; a legal form, a region, a branch or one different
            character keeps firms apart. Several firms are listed, none picked. With no names, reads one per line on
            standard input (as `brain normalize names --store`).
            """)
    @OptionGroup var store: StoreOptions
    @Argument(help: "Names to resolve.") var names: [String] = []

    func run() async throws {
        let opened = try await openStore(store.db)
        if names.isEmpty { return try await ResolvedNameLines.resolveStandardInput(opened) }
        try await ResolvedNameLines.print(names, store: opened)
    }
}

/// The JSON line printed for one resolved name.
struct ResolvedNameLine: Encodable {
    struct Firm: Encodable {
        var id: String
        var name: String?
        var fullName: String?
        var matched: EnterpriseName
    }
    var query: String
    var status: NameResolution.Status
    var firms: [Firm]
}

enum ResolvedNameLines {
    static let batchSize = 1_000

    /// Standard input in batches: one lookup per batch of names, output in input order.
    static func resolveStandardInput(_ store: any Store) async throws {
        var batch: [String] = []
        while let line = readLine(strippingNewline: true) {
            batch.append(line)
            if batch.count == batchSize { try await print(batch, store: store); batch = [] }
        }
        if !batch.isEmpty { try await print(batch, store: store) }
    }

    static func print(_ names: [String], store: any Store) async throws {
        let resolutions = try await store.resolveNames(names)
        let ids = Array(Set(resolutions.flatMap { $0.matches.map(\.enterpriseId) })).sorted()
        let summaries = Dictionary(try await store.enterpriseSummaries(ids: ids).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        var output = Data()
        for resolution in resolutions {
            let firms = resolution.matches.map { match in
                ResolvedNameLine.Firm(id: match.enterpriseId, name: summaries[match.enterpriseId]?.name,
                                      fullName: summaries[match.enterpriseId]?.fullName, matched: match)
            }
            output += try encoder.encode(ResolvedNameLine(query: resolution.query, status: resolution.status, firms: firms)) + Data("\n".utf8)
        }
        FileHandle.standardOutput.write(output)
    }
}

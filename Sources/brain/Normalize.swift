import BrainModel
import ArgumentParser
import Foundation
import BrainIngest

struct Normalize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Normalise values the way `brain import` does, one per line on standard input.",
        subcommands: [NormalizeAddress.self, NormalizeNames.self])
}

struct NormalizeAddress: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "address",
        abstract: "One address per line in, one JSON line out: province_code, city_code, district_code, their names and status (ok, ambiguous with candidates, unknown).")
    @Option(help: "Folder holding the bundled open data (its regions/ code table).") var data: String = "data"
    @Option(help: "A six-digit region code that decides bare shared names (e.g. from the USCC).") var hint: String?

    func run() throws {
        let resolver = try AddressResolver.load(dataFolder: URL(fileURLWithPath: data))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        while let line = readLine(strippingNewline: true) {
            let output = try encoder.encode(resolver.resolve(line, hint: hint))
            FileHandle.standardOutput.write(output + Data("\n".utf8))
        }
    }
}

struct BenchAddress: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "address", abstract: "Accuracy per level on the labelled address fixture, and throughput in addresses/s.")
    @Option(help: "Folder holding the bundled open data.") var data: String = "data"
    @Option(help: "Labelled addresses (address, status, province_code, city_code, district_code; tab-separated).")
    var fixture: String = "Tests/BrainIngestTests/Fixtures/addresses.tsv"
    @Option(help: "Addresses to resolve for the throughput figure (the fixture, repeated).") var repeats: Int = 200

    func run() throws {
        let (resolver, load) = try Measurement.seconds { try AddressResolver.load(dataFolder: URL(fileURLWithPath: data)) }
        let fixture = try AddressFixture(file: URL(fileURLWithPath: fixture))
        let accuracy = fixture.accuracy(of: resolver)
        print("\(accuracy.cases) labelled addresses (\(self.fixture)); gazetteer loaded in \(Output.number(load)) s")
        for (name, count) in [("status", accuracy.status), ("province", accuracy.province), ("city", accuracy.city), ("district", accuracy.district)] {
            print(ReportTable.pad(name, 10) + "\(count)/\(accuracy.cases) = \(Output.number(accuracy.share(count) * 100, 1)) %")
        }
        for (item, got) in accuracy.misses.prefix(20) {
            print("  miss: \(item.address) → \(got.status.rawValue) \(got.provinceCode ?? "-") \(got.cityCode ?? "-") \(got.districtCode ?? "-")")
        }
        let addresses = fixture.cases.map(\.address)
        let (_, seconds) = Measurement.seconds {
            for _ in 0..<repeats { for address in addresses { _ = resolver.resolve(address) } }
        }
        let count = repeats * addresses.count
        print("throughput \(Int(Double(count) / seconds)) addresses/s (\(count) in \(Output.number(seconds)) s, one core)")
    }
}

struct NormalizeNames: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "names",
        abstract: "Tab-separated pairs of company names in, one JSON line out per pair: same (true/false) and the reason; "
            + "with --store, one name per line resolved to the store's firms (as `brain resolve`).",
        discussion: """
            Formatting is forgiven (width, brackets, spaces, invisible characters, quotes, trailing punctuation, status and
            former-name annotations, traditional characters, English legal-form spellings, bilingual names). Names of
            listed firms also resolve through their aliases from --data: short names, former short names, official English
            names. A legal form, a branch or one different character keeps firms apart.
            """)
    @Option(help: "Folder holding the bundled open data (for listed firms' aliases); empty for none.") var data: String = "data"
    @Option(help: "Resolve single names (one per line) against this database instead: SQLite file or postgres:// address.")
    var store: String?

    func run() async throws {
        if let store { return try await ResolvedNameLines.resolveStandardInput(try await openStore(store)) }
        var aliases: NameAliases?
        if !data.isEmpty {
            do { aliases = try NameAliasLoader.load(dataFolder: URL(fileURLWithPath: data)) } catch {
                FileHandle.standardError.write(Data("no aliases: \(error.description)\n".utf8))
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var line = 0
        while let text = readLine(strippingNewline: true) {
            line += 1
            let fields = text.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 2 else {
                FileHandle.standardError.write(Data("line \(line): expected two names separated by a tab\n".utf8))
                continue
            }
            let comparison = CompanyName.compare(fields[0], fields[1], aliases: aliases)
            let output: [String: AnyCodable] = ["a": .text(fields[0]), "b": .text(fields[1]), "same": .flag(comparison.same),
                                                "reason": .text(comparison.reason)]
            FileHandle.standardOutput.write(try encoder.encode(output) + Data("\n".utf8))
        }
    }
}

/// The few JSON value kinds the normalisers print.
enum AnyCodable: Encodable {
    case text(String), flag(Bool)
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let value): try container.encode(value)
        case .flag(let value): try container.encode(value)
        }
    }
}

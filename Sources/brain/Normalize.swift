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
    @Option(help: "A six-digit region code, or a whole USCC (its characters 3–8), that decides bare shared names.") var hint: String?
    @Option(help: "Language of the notes' text (how a former name or a shared name was read): zh or en.") var lang: String = "zh"

    func run() throws {
        let resolver = try AddressResolver.load(dataFolder: URL(fileURLWithPath: data))
        let hint = self.hint.map { $0.count == 18 ? USCC.regionCode(of: $0) ?? $0 : $0 }
        let language = DisplayLanguage(query: lang)
        // Standard input in large blocks and output in one buffer: a line-by-line read and a JSONEncoder per line cost
        // more than resolving the address.
        var output: [UInt8] = []
        output.reserveCapacity(1 << 20)
        LineReader.forEachLine(of: FileHandle.standardInput) { line in
            resolver.resolve(line, hint: hint).appendJSON(to: &output, language: language)
            output.append(UInt8(ascii: "\n"))
            if output.count >= 1 << 20 { LineReader.write(&output) }
        }
        LineReader.write(&output)
    }
}

/// Lines of a stream read in 1 MB blocks (memory stays flat with the input's size), and buffered writes to stdout.
enum LineReader {
    static func forEachLine(of handle: FileHandle, _ body: (String) -> Void) {
        var pending: [UInt8] = []
        func emit(_ bytes: ArraySlice<UInt8>) {
            var line = bytes
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            body(String(decoding: line, as: UTF8.self))
        }
        while let block = try? handle.read(upToCount: 1 << 20), !block.isEmpty {
            pending.append(contentsOf: block)
            var start = pending.startIndex
            while let newline = pending[start...].firstIndex(of: UInt8(ascii: "\n")) {
                emit(pending[start..<newline])
                start = newline + 1
            }
            pending.removeSubrange(..<start)
        }
        if !pending.isEmpty { emit(pending[...]) }
    }

    static func write(_ buffer: inout [UInt8]) {
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}

struct NormalizeNames: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "names",
        abstract: "Tab-separated pairs of company names in, one JSON line out per pair: same (true/false), the reason and its code; "
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
    @Option(help: "zh (default) or en: the language of the reasons and messages.") var lang: String = "zh"

    func run() async throws {
        if let store { return try await ResolvedNameLines.resolveStandardInput(try await openStore(store)) }
        let language = DisplayLanguage(query: lang)
        var aliases: NameAliases?
        if !data.isEmpty {
            do { aliases = try NameAliasLoader.load(dataFolder: URL(fileURLWithPath: data)) } catch {
                let message = language == .zh ? "未读到别名（只比较名称格式）：" : "no aliases (comparing formatting only): "
                FileHandle.standardError.write(Data((message + error.description + "\n").utf8))
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var line = 0
        while let text = readLine(strippingNewline: true) {
            line += 1
            let fields = text.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 2 else {
                let message = language == .zh ? "第 \(line) 行：应为用制表符分开的两个名称" : "line \(line): expected two names separated by a tab"
                FileHandle.standardError.write(Data((message + "\n").utf8))
                continue
            }
            let comparison = CompanyName.compare(fields[0], fields[1], aliases: aliases)
            let output: [String: AnyCodable] = ["a": .text(fields[0]), "b": .text(fields[1]), "same": .flag(comparison.same),
                                                "reason": .text(ReasonText.render(comparison.reason, in: language)),
                                                "reason_code": .text(comparison.reason.code)]
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

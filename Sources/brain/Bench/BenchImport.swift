import ArgumentParser
import Foundation
import BrainIngest
import BrainModel
import BrainStore

struct BenchImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "End-to-end rows/s and peak memory of importing N SYNTHETIC enterprise rows: the check (decode, split, map, validate, locate, de-duplicate), then with --write the whole import into a fresh SQLite store (and PostgreSQL with --postgres), next to a raw sqlite3 .import of the same CSV.")
    @Option(help: "Rows to generate.") var rows: Int = 1_000_000
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Option(help: "Folder holding the bundled open data (names and regions to sample).") var data: String = "data"
    @Flag(help: "Also import into a fresh SQLite store (classify, resolve, write in one transaction).") var write = false
    @Option(help: "Also import into this PostgreSQL database (its `brain` schema is rebuilt from the bundle first).") var postgres: String?
    @Option(help: "Keep the SYNTHETIC CSV at this path (reused when it exists), e.g. to profile `brain import` on it.") var csv: String?

    func run() async throws {
        let folder = URL(fileURLWithPath: data)
        let resolver = try AddressResolver.load(dataFolder: folder)
        let regions = try BundleLoader(folder: folder).load().bundle
        let file = csv.map { URL(fileURLWithPath: $0) } ?? FileManager.default.temporaryDirectory.appendingPathComponent("brain-bench-import-\(rows)-\(seed).csv")
        defer { if csv == nil { try? FileManager.default.removeItem(at: file) } }
        let (_, generate) = try Measurement.seconds {
            if csv == nil || !FileManager.default.fileExists(atPath: file.path) { try Self.writeSyntheticFile(rows: rows, seed: seed, bundle: regions, to: file) }
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        print("SYNTHETIC \(rows) enterprise rows, \(size / 1_048_576) MB, generated in \(Output.number(generate)) s")
        Measurement.resetPeakMemory()
        var located = 0
        let checkCPU = Measurement.cpuSeconds
        let (summary, seconds) = try Measurement.seconds {
            try EnterpriseFileCheck(url: file, resolver: resolver).run { if $0.location?.status == .ok { located += 1 } }
        }
        print("check             \(Output.number(seconds)) s = \(Int(Double(rows) / seconds)) rows/s (target ≥ 50,000), "
              + "CPU \(Output.number(Measurement.cpuSeconds - checkCPU)) s; peak RSS \(Int(Measurement.peakMemorySinceResetMB)) MB")
        print("accepted \(summary.accepted), rejected \(summary.rejected), review \(summary.review), located to the district \(located)")
        var targets: [(String, StoreLocation)] = []
        if write { targets.append(("SQLite", .sqlite(path: file.path + ".sqlite"))) }
        if let postgres { targets.append(("PostgreSQL", try StoreLocation(postgres))) }
        let classifier = try ImportClassifier.load(dataFolder: folder)
        for (label, location) in targets {
            defer { if case .sqlite(let path) = location { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } } }
            try await location.build(regions)
            let store = try await location.open()
            Measurement.resetPeakMemory()
            let header = ImportHeader(kind: "enterprises", file: file.lastPathComponent, fingerprint: "bench-\(rows)-\(seed)", asOf: "2026-01-01",
                                      importedAt: ISO8601DateFormatter().string(from: Date()))
            let cpu = Measurement.cpuSeconds
            let (outcome, seconds) = try await Measurement.asyncSeconds {
                try await Self.importFile(file, into: store, header: header, resolver: resolver, classifier: classifier)
            }
            print("import \(label)  \(Output.number(seconds)) s = \(Int(Double(rows) / seconds)) rows/s end to end (read → write, one transaction; "
                  + "target ≥ \(label == "SQLite" ? "17,000" : "10,000")), CPU \(Output.number(Measurement.cpuSeconds - cpu)) s on both threads; "
                  + "peak RSS \(Int(Measurement.peakMemorySinceResetMB)) MB; created \(outcome.created), to review \(outcome.review)")
        }
        if write { try Self.rawSQLiteImport(file, rows: rows) }
    }

    /// The issue's reference: the same CSV loaded by the sqlite3 shell's `.import` into a plain table with an FTS5
    /// trigram index on the name (kept by a trigger, as the store's) and a second index, in WAL mode.
    static func rawSQLiteImport(_ file: URL, rows: Int) throws {
        let shell = "/usr/bin/sqlite3"
        guard FileManager.default.isExecutableFile(atPath: shell) else { return print("raw sqlite3 .import: no \(shell) (apt-get install sqlite3)") }
        let database = file.path + ".raw.sqlite", script = file.path + ".raw.sql"
        defer { for path in [database, database + "-wal", database + "-shm", script] { try? FileManager.default.removeItem(atPath: path) } }
        try """
            PRAGMA journal_mode = WAL;
            CREATE TABLE firms (name TEXT, uscc TEXT, established TEXT, capital TEXT, address TEXT, insured TEXT, scope TEXT, note TEXT);
            CREATE INDEX firms_on_uscc ON firms (uscc);
            CREATE VIRTUAL TABLE firms_fts USING fts5 (name, content = 'firms', tokenize = 'trigram');
            CREATE TRIGGER firms_ai AFTER INSERT ON firms BEGIN INSERT INTO firms_fts (rowid, name) VALUES (new.rowid, new.name); END;
            BEGIN;
            .import --csv --skip 1 '\(file.path)' firms
            COMMIT;

            """.write(toFile: script, atomically: true, encoding: .utf8)
        let (result, seconds) = try Measurement.seconds { try Measurement.run(shell, [database, ".read \(script)"]) }
        guard result.status == 0 else { return print("raw sqlite3 .import failed (status \(result.status))") }
        print("raw sqlite3 .import  \(Output.number(seconds)) s = \(Int(Double(rows) / seconds)) rows/s (plain table, FTS5 trigram on the name, "
              + "one more index; no checks)")
    }

    /// A CSV of `rows` SYNTHETIC enterprise rows (names, codes and addresses resampled from `bundle`; valid check
    /// characters), as an analyst's file would hold them.
    /// An enterprise file imported as `brain import` does: read, check and classify on one thread, the store's
    /// transaction on another.
    static func importFile(_ file: URL, into store: any ImportingStore, header: ImportHeader, resolver: AddressResolver,
                           classifier: ImportClassifier) async throws -> ImportOutcome {
        let check = EnterpriseFileCheck(url: file, resolver: resolver)
        try check.start()
        let classification = ClassificationCache(classifier)
        let prefetch = BatchPrefetch { try check.next()?.map { $0.imported(cache: classification) } }
        defer { prefetch.stop() }
        return try await store.importEnterprises(header, next: prefetch.next)
    }

    static func writeSyntheticFile(rows: Int, seed: UInt64, bundle regions: DataBundle, to file: URL) throws {
        let districts = regions.regions.filter { $0.level == .district && !$0.isDevelopmentZone }
        let names = regions.enterprises.compactMap(\.fullName)
        let byCode = Dictionary(uniqueKeysWithValues: regions.regions.map { ($0.code, $0) })
        var random = SplitMix64(seed: seed)
        let writer = try CSVWriter(url: file, header: ["企业名称", "统一社会信用代码", "成立日期", "注册资本(万元)", "注册地址", "参保人数", "经营范围", "备注"])
        let nodes = regions.taxonomy.nodes
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        for i in 0..<rows {
            let district = districts[random.below(districts.count)]
            let city = byCode[district.parentCode ?? ""], province = byCode[Region.provinceCode(of: district.code)]
            var code = Array("91" + district.code)
            for _ in 0..<9 { code.append(alphabet[random.below(alphabet.count)]) }
            code.append(USCC.checkCharacter(code))
            let address = (province?.name ?? "") + (city?.name == province?.name ? "" : city?.name ?? "") + district.name + "科技路\(random.below(999) + 1)号"
            writer.write([names[random.below(names.count)] + "合成\(i)", String(code),
                          "\(1990 + random.below(34))-\(String(format: "%02d", random.below(12) + 1))-\(String(format: "%02d", random.below(28) + 1))",
                          "\(random.below(100_000))", address, "\(random.below(5000))", Self.scope(nodes, &random), "SYNTHETIC"])
        }
        try writer.close()
    }

    /// A SYNTHETIC business scope: two keywords of a random chain node, as registries phrase scopes.
    static func scope(_ nodes: [ChainNode], _ random: inout SplitMix64) -> String {
        let node = nodes[random.below(nodes.count)]
        let words = node.keywords.isEmpty ? ["技术开发"] : [node.keywords[random.below(node.keywords.count)], node.keywords[random.below(node.keywords.count)]]
        return "\(words.joined(separator: "、"))的研发、生产和销售；技术服务"
    }
}

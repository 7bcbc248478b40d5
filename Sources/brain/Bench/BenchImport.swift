import ArgumentParser
import Foundation
import BrainIngest
import BrainModel
import BrainStore

struct BenchImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "End-to-end rows/s and peak memory of importing N SYNTHETIC enterprise rows: the check (decode, split, map, validate, locate, de-duplicate), then with --write the whole import into a fresh store.")
    @Option(help: "Rows to generate.") var rows: Int = 1_000_000
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Option(help: "Folder holding the bundled open data (names and regions to sample).") var data: String = "data"
    @Flag(help: "Also import into a fresh SQLite store (classify, resolve, write in one transaction).") var write = false
    @Option(help: "Also import into this PostgreSQL database (its `brain` schema is rebuilt from the bundle first).") var postgres: String?

    func run() async throws {
        let folder = URL(fileURLWithPath: data)
        let resolver = try AddressResolver.load(dataFolder: folder)
        let regions = try BundleLoader(folder: folder).load().bundle
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("brain-bench-import-\(rows)-\(seed).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        let (_, generate) = try Measurement.seconds { try Self.writeSyntheticFile(rows: rows, seed: seed, bundle: regions, to: file) }
        let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        print("SYNTHETIC \(rows) enterprise rows, \(size / 1_048_576) MB, generated in \(Output.number(generate)) s")
        Measurement.resetPeakMemory()
        var located = 0
        let (summary, seconds) = try Measurement.seconds {
            try EnterpriseFileCheck(url: file, resolver: resolver).run { if $0.location?.status == .ok { located += 1 } }
        }
        print("check             \(Output.number(seconds)) s = \(Int(Double(rows) / seconds)) rows/s (target ≥ 100,000; 1 M in < 10 s); "
              + "peak RSS \(Int(Measurement.peakMemorySinceResetMB)) MB (target < 500 MB)")
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
            let (outcome, seconds) = try await Measurement.asyncSeconds {
                let check = EnterpriseFileCheck(url: file, resolver: resolver)
                try check.start()
                return try await store.importEnterprises(header) { try check.next()?.map { $0.imported(classifier: classifier) } }
            }
            print("import \(label)  \(Output.number(seconds)) s = \(Int(Double(rows) / seconds)) rows/s end to end (read → write, one transaction); "
                  + "peak RSS \(Int(Measurement.peakMemorySinceResetMB)) MB; created \(outcome.created), to review \(outcome.review)")
        }
    }

    /// A CSV of `rows` SYNTHETIC enterprise rows (names, codes and addresses resampled from `bundle`; valid check
    /// characters), as an analyst's file would hold them.
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

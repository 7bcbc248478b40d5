import ArgumentParser
import Foundation
import BrainIngest
import BrainModel

struct BenchImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "End-to-end rows/s and peak memory of the import check (decode, split, map, validate, locate, de-duplicate) on N SYNTHETIC enterprise rows.")
    @Option(help: "Rows to generate.") var rows: Int = 1_000_000
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Option(help: "Folder holding the bundled open data (names and regions to sample).") var data: String = "data"

    func run() throws {
        let folder = URL(fileURLWithPath: data)
        let resolver = try AddressResolver.load(dataFolder: folder)
        let regions = try BundleLoader(folder: folder).load().bundle
        let districts = regions.regions.filter { $0.level == .district && !$0.isDevelopmentZone }
        let names = regions.enterprises.compactMap(\.fullName)
        let byCode = Dictionary(uniqueKeysWithValues: regions.regions.map { ($0.code, $0) })
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("brain-bench-import-\(rows)-\(seed).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        var random = SplitMix64(seed: seed)
        let (_, generate) = try Measurement.seconds {
            let writer = try CSVWriter(url: file, header: ["企业名称", "统一社会信用代码", "成立日期", "注册资本(万元)", "注册地址", "参保人数", "备注"])
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
                              "\(random.below(100_000))", address, "\(random.below(5000))", "SYNTHETIC"])
            }
            try writer.close()
        }
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
    }
}

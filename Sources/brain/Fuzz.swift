import ArgumentParser
import BrainIngest
import Foundation

/// `brain fuzz`: hostile inputs through the importers' entry points for a while, with inputs/s, the slow inputs and
/// the memory high-water mark reported. libFuzzer (`-sanitize=fuzzer`) does not link with this toolchain's Linux
/// build, so this is a seeded generator instead: each input is written to `--work`/current.EXT before it is read, so
/// when an input crashes the process `scripts/fuzz` finds it there and keeps it as a regression case.
struct Fuzz: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Feed seeded hostile inputs to a reader (csv, jsonl, json, xlsx, matrix, address) and report inputs/s, slow inputs and memory.")
    @Option(help: "csv, jsonl, json, xlsx, matrix or address.") var target: String
    @Option(help: "How long to run.") var seconds: Double = 20
    @Option(help: "Seed of the input stream (the same seed gives the same inputs).") var seed: UInt64 = 1
    @Option(help: "Folder holding the bundled open data (for the address resolver).") var data: String = "data"
    @Option(help: "Where the current input is written, and slow or failing inputs are kept.") var work: String = ".build/fuzz"
    @Option(help: "More valid seed files for the target (a folder; every file in it).") var seeds: [String] = []
    @Option(help: "An input taking longer than this many seconds is reported and kept.") var slow: Double = 2
    @Option(help: "Stop with exit status 3 when the resident memory exceeds this many MB.") var maxRssMb: Int = 2_048

    func run() throws {
        guard let target = HostileInputs.Target(rawValue: target) else {
            throw ValidationError("--target is one of \(HostileInputs.Target.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard seconds > 0, seconds.isFinite else { throw ValidationError("--seconds must be positive") }
        let resolver = try AddressResolver.load(dataFolder: URL(fileURLWithPath: data))
        let folder = URL(fileURLWithPath: work).appendingPathComponent(target.rawValue)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let current = folder.appendingPathComponent("current.\(target.fileExtension)")
        var inputs = HostileInputs(target: target, seed: seed, extraSeeds: try seeds.flatMap(Self.files))
        let start = Date()
        var count = 0, slowCount = 0, brokenCount = 0, slowest = 0.0, peakRSS = 0
        while Date().timeIntervalSince(start) < seconds {
            let bytes = inputs.next()
            count += 1
            try Data(bytes).write(to: current)
            let began = Date()
            let broken = FuzzCheck.run(target, file: current, resolver: resolver)
            let took = Date().timeIntervalSince(began)
            slowest = max(slowest, took)
            if took > slow {
                slowCount += 1
                let kept = try keep(bytes, folder, "slow-seed\(seed)-\(count)", target)
                print("slow: input \(count) took \(Output.number(took)) s (\(bytes.count) bytes), kept as \(kept.path)")
            }
            if !broken.isEmpty {
                brokenCount += 1
                let kept = try keep(bytes, folder, "broken-seed\(seed)-\(count)", target)
                print("broken: input \(count) (kept as \(kept.path)): \(broken.joined(separator: "; "))")
            }
            let rss = Self.residentMB()
            peakRSS = max(peakRSS, rss)
            if rss > maxRssMb {
                let kept = try keep(bytes, folder, "memory-seed\(seed)-\(count)", target)
                print("memory: \(rss) MB resident after input \(count) (\(bytes.count) bytes), over \(maxRssMb) MB; kept as \(kept.path)")
                throw ExitCode(3)
            }
        }
        let elapsed = Date().timeIntervalSince(start)
        print("fuzz \(target.rawValue) seed \(seed): \(count) inputs in \(Output.number(elapsed, 1)) s = \(Output.number(Double(count) / elapsed, 1)) inputs/s; "
              + "slowest \(Output.number(slowest)) s, \(slowCount) over \(Output.number(slow, 1)) s; \(brokenCount) broken; peak RSS \(peakRSS) MB")
        try? FileManager.default.removeItem(at: current)
        if brokenCount > 0 { throw ExitCode(1) }
    }

    private func keep(_ bytes: [UInt8], _ folder: URL, _ name: String, _ target: HostileInputs.Target) throws -> URL {
        let url = folder.appendingPathComponent("\(name).\(target.fileExtension)")
        try Data(bytes).write(to: url)
        return url
    }

    static func files(_ folder: String) throws -> [[UInt8]] {
        let url = URL(fileURLWithPath: folder)
        return try FileManager.default.contentsOfDirectory(atPath: folder).sorted().compactMap { name in
            var isFolder: ObjCBool = false
            let file = url.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder), !isFolder.boolValue else { return nil }
            return [UInt8](try Data(contentsOf: file))
        }
    }

    /// VmRSS from /proc/self/status, in MB (0 where there is no /proc).
    static func residentMB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kilobytes / 1024
    }
}

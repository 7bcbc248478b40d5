import ArgumentParser
import BrainIngest
import Foundation

struct BenchAddress: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "address",
        abstract: "Address resolution: accuracy on the labelled sets (per category) and whole-process speed of `brain normalize address` beside cpca-new.")
    @Option(help: "Folder holding the bundled open data.") var data: String = "data"
    @Option(help: "Hand-labelled addresses (Tests/labelled/addresses.tsv format).") var labelled: String = "Tests/labelled/addresses.tsv"
    @Option(help: "The older fixture (address, status, province_code, city_code, district_code).")
    var fixture: String = "Tests/BrainIngestTests/Fixtures/addresses.tsv"
    @Option(help: "Lines in the generated file for the whole-process timing (0 skips it).") var lines: Int = 250_000
    @Option(help: "Python with cpca-new 0.1.2 for the comparison (Tests/reference/setup-venv makes one).")
    var python: String = ".venv-reference/bin/python"
    @Option(help: "Misses to list.") var misses: Int = 30

    func run() throws {
        let (resolver, load) = try Measurement.seconds { try AddressResolver.load(dataFolder: URL(fileURLWithPath: data)) }
        print("gazetteer loaded in \(Output.number(load)) s")
        let set = try LabelledAddresses(file: URL(fileURLWithPath: labelled))
        let score = set.score(resolver)
        print("\(labelled): all levels right \(score.right)/\(score.cases) = \(Output.number(score.share * 100, 1)) %, wrong answers \(score.wrong)")
        for (category, counts) in score.perCategory.sorted(by: { $0.key < $1.key }) {
            print("  " + ReportTable.pad(category, 14) + "\(counts.right)/\(counts.cases)" + (counts.wrong > 0 ? "  wrong \(counts.wrong)" : ""))
        }
        for (item, got, wrong) in score.misses.prefix(misses) {
            print("  miss\(wrong ? " (wrong)" : ""): \(item.address) → \(got.provinceCode ?? "-") \(got.cityCode ?? "-") \(got.districtCode ?? "-"), "
                  + "labelled \(item.provinceCode) \(item.cityCode) \(item.districtCode.isEmpty ? "-" : item.districtCode)")
        }
        if FileManager.default.fileExists(atPath: fixture) {
            let accuracy = try AddressFixture(file: URL(fileURLWithPath: fixture)).accuracy(of: resolver)
            print("\(fixture): \(accuracy.cases) addresses; " + [("status", accuracy.status), ("province", accuracy.province),
                  ("city", accuracy.city), ("district", accuracy.district)].map { "\($0.0) \($0.1)/\(accuracy.cases)" }.joined(separator: ", "))
        }
        guard lines > 0 else { return }
        try timeWholeProcess(addresses: set.cases.map(\.address))
    }

    /// CPU seconds (user + system) of a child process run to completion, with stdin and stdout as files.
    static func cpuSeconds(_ executable: String, _ arguments: [String], input: URL, output: URL) throws -> (cpu: Double, wall: Double, status: Int32) {
        var before = rusage(), after = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &before)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = try FileHandle(forReadingFrom: input)
        FileManager.default.createFile(atPath: output.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: output)
        let ((), wall) = try Measurement.seconds { try process.run(); process.waitUntilExit() }
        getrusage(RUSAGE_CHILDREN.rawValue, &after)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        let cpu = seconds(after.ru_utime) - seconds(before.ru_utime) + seconds(after.ru_stime) - seconds(before.ru_stime)
        return (cpu, wall, process.terminationStatus)
    }

    /// The labelled addresses repeated to `lines` lines; `brain normalize address` and cpca-new each read the whole file
    /// and write JSON lines, process start and gazetteer load included.
    func timeWholeProcess(addresses: [String]) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("brain-bench-address-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("addresses.txt")
        var text = ""
        text.reserveCapacity(lines * 40)
        for i in 0..<lines { text += addresses[i % addresses.count].replacingOccurrences(of: "\n", with: " ") + "\n" }
        try text.write(to: input, atomically: false, encoding: .utf8)
        let brain = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
        let executable = FileManager.default.isExecutableFile(atPath: brain) ? brain : (Bundle.main.executablePath ?? brain)
        let ours = try Self.cpuSeconds(executable, ["normalize", "address", "--data", data], input: input,
                                       output: folder.appendingPathComponent("brain.jsonl"))
        print("whole process, \(lines) lines (the labelled set repeated), JSON lines out:")
        print("  brain normalize address  \(Output.number(ours.cpu)) s CPU, \(Output.number(ours.wall)) s wall"
              + " (\(Int(Double(lines) / max(ours.cpu, 1e-9))) addresses per CPU second)" + (ours.status == 0 ? "" : "  exit \(ours.status)"))
        guard FileManager.default.isExecutableFile(atPath: python) else {
            print("  cpca-new: \(python) not found — run Tests/reference/setup-venv to compare"); return
        }
        let script = """
            import sys, cpca_new as cpca
            lines = open(sys.argv[1], encoding='utf-8').read().split('\\n')[:-1]
            cpca.transform(lines).to_json(sys.stdout, orient='records', lines=True, force_ascii=False)
            """
        let theirs = try Self.cpuSeconds(python, ["-c", script, input.path], input: input, output: folder.appendingPathComponent("cpca.jsonl"))
        guard theirs.status == 0 else { print("  cpca-new failed (exit \(theirs.status)); is cpca-new installed in \(python)?"); return }
        print("  cpca-new 0.1.2           \(Output.number(theirs.cpu)) s CPU, \(Output.number(theirs.wall)) s wall")
        print("  brain is \(Output.number(theirs.cpu / max(ours.cpu, 1e-9), 1))× faster in CPU time (two shared cores: rerun when the machine is quiet)")
    }
}

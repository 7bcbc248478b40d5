import ArgumentParser
import Foundation
import BrainAnalytics
import BrainModel

struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Benchmarks that print figures (run a release build: swift run -c release brain bench …).",
        subcommands: [BenchAnalytics.self, BenchSignIn.self, BenchRelatedness.self, BenchStore.self, BenchAddress.self, BenchImport.self, BenchClassify.self,
                       BenchPages.self, BenchRecommend.self, BenchMarket.self, BenchNames.self, BenchLinks.self, BenchLocate.self, BenchLeads.self, BenchChanges.self])
}

enum Measurement {
    static func seconds<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        let value = try body()
        return (value, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }

    /// The seconds of CPU the whole process (every thread) spent in `body`, beside the wall time: on a machine shared
    /// with other work the wall time varies with the load, the CPU time much less.
    static func cpuSeconds<T>(_ body: () throws -> T) rethrows -> (T, wall: Double, cpu: Double) {
        func cpuNow() -> Double {
            var time = timespec()
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
            return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
        }
        let cpu = cpuNow()
        let (value, wall) = try seconds(body)
        return (value, wall, cpuNow() - cpu)
    }

    static func asyncSeconds<T>(_ body: () async throws -> T) async rethrows -> (T, Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        let value = try await body()
        return (value, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }

    /// Runs a program to completion and returns its exit status and standard output (read before waiting, so a
    /// large output cannot fill the pipe and stall the child).
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process(), pipe = Pipe()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    /// CPU time of this process so far (user + system, every thread), in seconds: on a shared machine the figure
    /// that does not depend on what else runs.
    static var cpuSeconds: Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// Peak resident set size of this process in MB (Linux reports ru_maxrss in kB).
    static var peakMemoryMB: Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    /// Peak resident set size in MB since the last `resetPeakMemory()` (VmHWM), so one process can measure steps apart.
    static var peakMemorySinceResetMB: Double { statusKilobytes("VmHWM").map { $0 / 1024 } ?? peakMemoryMB }

    /// Writing 5 to clear_refs resets VmHWM to the current RSS (Linux ≥ 4.0); harmless where unsupported.
    static func resetPeakMemory() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    /// A "Vm…" line of /proc/PID/status, in kB.
    static func statusKilobytes(_ field: String, pid: String = "self") -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        return status.split(separator: "\n").first { $0.hasPrefix(field + ":") }
            .flatMap { Double($0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") }
    }
}

struct BenchRelatedness: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relatedness", abstract: "Out-of-sample AUC of relatedness density on the real data: hide present cells, predict from density.")
    @OptionGroup var store: StoreOptions
    @Option(help: "Folds of hidden present cells.") var folds: Int = 5

    func run() async throws {
        let index = try await AnalyticsLoader.index(store.db)
        print("relatedness out of sample: \(folds) folds of present cells hidden, density recomputed without them")
        for level in [RegionLevel.province, .city] {
            for measure in [Measure.firms, .employees] {
                let analysis = LevelAnalysis(index, level: level, measure: measure)
                let (result, seconds) = Measurement.seconds { RelatednessValidation.auc(analysis.complexity, folds: folds) }
                print("  " + ReportTable.pad(level.rawValue, 9) + ReportTable.pad(measure.rawValue, 10)
                      + String(format: "AUC %.3f  (%d present cells hidden, %d absent, %.2f s)",
                               result.auc ?? .nan, result.hiddenCells, result.absentCells, seconds))
            }
        }
        print("AUC 0.5 = no better than chance; the product-space literature reports 0.7–0.8 for export data.")
    }
}

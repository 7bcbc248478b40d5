import Foundation
import Testing
import BrainIngest

/// The fuzz regression corpus (inputs that once crashed, hung or misreported, kept by `scripts/fuzz`) replayed, and a
/// seeded property test: thousands of generated hostile tables read without a crash, every error naming its file
/// and every rejected row its row, column and reason.
@Suite struct FuzzCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fuzz-corpus")

    static func corpusFiles(_ target: HostileInputs.Target) -> [URL] {
        let folder = corpus.appendingPathComponent(target.rawValue)
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted().map { folder.appendingPathComponent($0) }
    }

    @Test(arguments: HostileInputs.Target.allCases)
    func theRegressionCorpusIsHandled(_ target: HostileInputs.Target) throws {
        let files = Self.corpusFiles(target)
        #expect(!files.isEmpty)
        let resolver = try EnterpriseFileCheckTests.resolver.get()
        for file in files {
            // A copy with the target's extension: the reader is chosen by it, as in `brain fuzz`.
            let copy = try TemporaryFile.write([UInt8](try Data(contentsOf: file)), "input.\(target.fileExtension)")
            #expect(FuzzCheck.run(target, file: copy, resolver: resolver) == [], "\(file.lastPathComponent)")
        }
    }

    @Test(arguments: [HostileInputs.Target.csv, .jsonl, .json])
    func generatedHostileTablesAreReportedRowByRow(_ target: HostileInputs.Target) throws {
        let resolver = try EnterpriseFileCheckTests.resolver.get()
        let seeds = try Self.corpusFiles(target).map { [UInt8](try Data(contentsOf: $0)) }
        var inputs = HostileInputs(target: target, seed: 20_261_129, extraSeeds: seeds)
        let url = try TemporaryFile.write([], "input.\(target.fileExtension)")
        var broken: [String] = []
        for n in 0..<1_000 {
            try Data(inputs.next()).write(to: url)
            broken += FuzzCheck.run(target, file: url, resolver: resolver).map { "input \(n): \($0)" }
        }
        #expect(broken == [])
    }

    @Test func theSameSeedGivesTheSameInputs() {
        var a = HostileInputs(target: .csv, seed: 7), b = HostileInputs(target: .csv, seed: 7)
        #expect((0..<50).map { _ in a.next() } == (0..<50).map { _ in b.next() })
    }
}

import Foundation
import Testing
@testable import BrainUseCases

/// The disk cache's file is never trusted blindly (issue 14): only a whole file of this format, for this fingerprint,
/// with its length and checksum intact, gives its payload back.
@Suite struct AnalyticsDiskCacheTests {
    static func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("brain-analytics-\(UUID().uuidString)", isDirectory: true)
    }

    @Test func aWrittenPayloadReadsBackForItsFingerprintOnly() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = AnalyticsDiskCache(folder: folder), payload = Data("链接 links".utf8)
        cache.write("links", fingerprint: "abc", payload: payload)
        #expect(cache.read("links", fingerprint: "abc") == payload)
        #expect(cache.read("links", fingerprint: "abd") == nil)
        #expect(cache.read("quality", fingerprint: "abc") == nil)
        // Written through a temporary file renamed into place: nothing else is left in the folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["links.cache"])
        // Written again for another snapshot, the file holds the new one only.
        cache.write("links", fingerprint: "xyz", payload: Data("new".utf8))
        #expect(cache.read("links", fingerprint: "xyz") == Data("new".utf8))
        #expect(cache.read("links", fingerprint: "abc") == nil)
    }

    @Test func aDamagedTruncatedOrForeignFileIsIgnored() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = AnalyticsDiskCache(folder: folder), payload = Data(repeating: 7, count: 1_000)
        cache.write("index", fingerprint: "f", payload: payload)
        let file = cache.file("index")
        let good = try Data(contentsOf: file)
        #expect(cache.read("index", fingerprint: "f") == payload)

        var flipped = good
        flipped[flipped.count - 10] ^= 1
        try flipped.write(to: file)
        #expect(cache.read("index", fingerprint: "f") == nil, "a changed payload byte fails the checksum")

        try good.prefix(good.count - 1).write(to: file)
        #expect(cache.read("index", fingerprint: "f") == nil, "a truncated file fails the length")
        try (good + Data([0])).write(to: file)
        #expect(cache.read("index", fingerprint: "f") == nil, "a longer file fails the length")

        var otherVersion = good
        otherVersion[4] &+= 1
        try otherVersion.write(to: file)
        #expect(cache.read("index", fingerprint: "f") == nil, "another format version")

        for foreign in [Data(), Data("IBAC".utf8), Data("{\"rows\": []}".utf8), Data(repeating: 0xFF, count: 64)] {
            try foreign.write(to: file)
            #expect(cache.read("index", fingerprint: "f") == nil)
        }
    }

    @Test func aFolderThatCannotBeWrittenKeepsNothingAndDoesNotFail() throws {
        // A file where the folder should be: no folder can be made there (as in a read-only deployment).
        let blocker = Self.folder()
        try Data("x".utf8).write(to: blocker)
        defer { try? FileManager.default.removeItem(at: blocker) }
        let cache = AnalyticsDiskCache(folder: blocker.appendingPathComponent("cache", isDirectory: true))
        cache.write("links", fingerprint: "f", payload: Data("p".utf8))
        #expect(cache.read("links", fingerprint: "f") == nil)
    }

    @Test func theContentHashIsStableAcrossDictionaryOrderAndTellsContentApart() throws {
        struct Row: Encodable { var name: String; var values: [String: Double]; var tags: [String]; var size: Int? }
        var forward: [String: Double] = [:], backward: [String: Double] = [:]
        let keys = (0..<200).map { "指标\($0)" }
        for (i, key) in keys.enumerated() { forward[key] = Double(i) }
        for (i, key) in keys.enumerated().reversed() { backward[key] = Double(i) }
        let a = Row(name: "苏州", values: forward, tags: ["a", "b"], size: 3)
        #expect(try ContentHash.of([a]) == ContentHash.of([Row(name: "苏州", values: backward, tags: ["a", "b"], size: 3)]))
        #expect(try ContentHash.of([a]) != ContentHash.of([Row(name: "苏州", values: forward, tags: ["b", "a"], size: 3)]), "arrays keep their order")
        #expect(try ContentHash.of([a]) != ContentHash.of([Row(name: "苏州", values: forward, tags: ["a", "b"], size: nil)]))
        #expect(try ContentHash.of([a]) != ContentHash.of([Row(name: "苏州市", values: forward, tags: ["a", "b"], size: 3)]))
        var changed = forward
        changed["指标7"] = 7.000000001
        #expect(try ContentHash.of([a]) != ContentHash.of([Row(name: "苏州", values: changed, tags: ["a", "b"], size: 3)]))
        #expect(try ContentHash.of(["ab", "c"]) != ContentHash.of(["a", "bc"]), "strings are delimited")
    }
}

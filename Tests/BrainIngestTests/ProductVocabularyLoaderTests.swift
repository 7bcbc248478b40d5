import Foundation
import Testing
@testable import BrainIngest
import BrainModel

/// The product vocabulary is read with the chain file; a mistake in it names the file and the field.
@Suite struct ProductVocabularyLoaderTests {
    /// A data folder holding only the chain file and the given vocabulary: the loader reads both before anything else.
    static func folder(vocabulary: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("brain-vocabulary-\(UUID().uuidString)")
        for sub in ["chain", "chain-kg"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        try Data(contentsOf: BundleFixture.dataFolder.appendingPathComponent("chain/biomedicine.json"))
            .write(to: folder.appendingPathComponent("chain/biomedicine.json"))
        try vocabulary.write(to: folder.appendingPathComponent("chain-kg/product-vocabulary.json"), atomically: true, encoding: .utf8)
        return folder
    }

    static let empty = """
        "generic_names": [], "generic_words": [], "non_biomedicine_words": [], "biomedicine_words": [],
        "ambiguous_keywords": [], "within_tier_steps": [], "feeds": {}, "finished_form_overrides": [], "max_makers": 25
        """

    @Test func theBundledVocabularyTravelsWithTheChain() throws {
        let vocabulary = try #require(try BundleFixture.bundle().taxonomy.productVocabulary)
        #expect(vocabulary.genericNames.contains("保理"))
        #expect(vocabulary.withinTierSteps.contains(["intermediates", "api"]))
    }

    @Test func anUnknownNodeIsNamed() throws {
        let folder = try Self.folder(vocabulary: "{\(Self.empty), \"node_terms\": {\"no-such-node\": [\"板蓝根\"]}}")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: SourceFileError(file: "chain-kg/product-vocabulary.json", field: "node_terms", value: "no-such-node",
                                        reason: "no chain node has this id")) { try BundleLoader(folder: folder).load() }
    }

    @Test func aStepAcrossTiersAndAnEmptyWordAreRefused() throws {
        let across = try Self.folder(vocabulary: "{\(Self.empty.replacingOccurrences(of: "\"within_tier_steps\": []", with: "\"within_tier_steps\": [[\"api\", \"chemical-drugs\"]]")), \"node_terms\": {}}")
        defer { try? FileManager.default.removeItem(at: across) }
        do { _ = try BundleLoader(folder: across).load(); Issue.record("a step across tiers must fail") } catch {
            #expect(error.file == "chain-kg/product-vocabulary.json" && error.field == "within_tier_steps")
        }
        let blank = try Self.folder(vocabulary: "{\(Self.empty.replacingOccurrences(of: "\"generic_words\": []", with: "\"generic_words\": [\" \"]")), \"node_terms\": {}}")
        defer { try? FileManager.default.removeItem(at: blank) }
        do { _ = try BundleLoader(folder: blank).load(); Issue.record("an empty word must fail") } catch {
            #expect(error.file == "chain-kg/product-vocabulary.json" && error.reason.contains("empty word"))
        }
        let broken = try Self.folder(vocabulary: "{\"generic_names\": 3}")
        defer { try? FileManager.default.removeItem(at: broken) }
        do { _ = try BundleLoader(folder: broken).load(); Issue.record("a malformed vocabulary must fail") } catch {
            #expect(error.file == "chain-kg/product-vocabulary.json" && error.reason.hasPrefix("not a valid product vocabulary"))
        }
    }
}

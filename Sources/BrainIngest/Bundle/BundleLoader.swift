import Foundation
import BrainModel

/// Reads the data folder (`data/` of the repository) into a `DataBundle` with an import report.
/// A missing file, a missing column or a malformed value throws a `SourceFileError` naming file, row and field;
/// rows that are well-formed but cannot be used (an unknown code) are rejected and counted in the report.
public struct BundleLoader: Sendable {
    public let folder: URL
    public var progress: @Sendable (String) -> Void
    /// Classify every firm as if it had no 申万 or Tushare industry, to measure what the other evidence says on its own
    /// (`brain bench classify`); the firms keep their codes.
    public var classifyWithoutIndustryCodes = false

    public init(folder: URL, progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.folder = folder
        self.progress = progress
    }

    public func load() throws(SourceFileError) -> (bundle: DataBundle, report: ImportReport) {
        var report = ImportReport()
        progress("chain taxonomy")
        var bundle = DataBundle(taxonomy: try Self.loadTaxonomy(folder.appendingPathComponent("chain/biomedicine.json"),
                                                                file: "chain/biomedicine.json"))
        bundle.taxonomy.productVocabulary = try ProductVocabularyLoader.load(folder: folder, taxonomy: bundle.taxonomy)
        progress("regions")
        bundle.regions = try RegionLoader(folder: folder.appendingPathComponent("regions")).load(report: &report)
        let gazetteer = Gazetteer(regions: bundle.regions)

        progress("enterprises")
        var (enterprises, baseInputs) = try EnterpriseLoader(folder: folder, gazetteer: gazetteer).load(report: &report)
        var inputs = baseInputs
        progress("locating listed firms to districts")
        bundle.locations = try Self.locate(&enterprises, regions: bundle.regions, folder: folder, report: &report)
        bundle.enterprises = enterprises
        var idsByStock: [String: String] = [:]
        for enterprise in enterprises { if let stock = enterprise.stockCode { idsByStock[stock] = enterprise.id } }

        progress("products")
        (bundle.products, bundle.productRelations) = try ProductLoader(folder: folder)
            .load(enterpriseIdsByStock: idsByStock, report: &report)
        for product in bundle.products { inputs.productsByEnterprise[product.enterpriseId, default: []].append(product) }

        progress("chain classification")
        inputs.profiles = try ProfileLoader(folder: folder).load(report: &report)
        let classifier = ChainClassifier(taxonomy: bundle.taxonomy)
        // One definition everywhere: the classifier's verdict (a chemical firm whose main product is an API is a
        // biomedicine firm; an insurer that once made ibuprofen is not).
        if classifyWithoutIndustryCodes { inputs.tushareIndustry = [:] }
        for i in bundle.enterprises.indices {
            var firm = bundle.enterprises[i]
            if classifyWithoutIndustryCodes { firm.sw2021L3 = nil }
            let (assignments, isBiomedicine) = classifier.classify(firm, inputs: inputs)
            bundle.assignments += assignments
            bundle.enterprises[i].isBiomedicine = isBiomedicine
        }

        progress("events")
        bundle.events = try EventLoader(folder: folder).load(knownIds: Set(enterprises.map(\.id)), report: &report)
        progress("universities, parks, policies")
        let institutions = InstitutionLoader(folder: folder, gazetteer: gazetteer)
        bundle.universities = try institutions.universities(report: &report)
        bundle.parks = try institutions.parks(report: &report)
        bundle.policies = try institutions.policies(report: &report)
        progress("names")
        bundle.names = try ListedNames.read(dataFolder: folder).enterpriseNames(bundle.enterprises, regions: bundle.regions)
        progress("curations")
        bundle.curations = try CurationLoader(folder: folder).load(bundle, report: &report)
        if let note = try? String(contentsOf: folder.appendingPathComponent(SyntheticDataset.marker), encoding: .utf8) {
            Self.markSynthetic(&bundle, note: note.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return (bundle, report)
    }

    /// Each listed firm's district from its annual-report addresses (ListedFirmLocator), with how it was settled.
    public static func locate(_ enterprises: inout [Enterprise], regions: [Region], folder: URL,
                       report: inout ImportReport) throws(SourceFileError) -> [EnterpriseLocation] {
        let addresses = try ListedFirmLocator.addresses(folder: folder, report: &report)
        let resolver = AddressResolver(regions: regions,
                                       formerNames: try FormerName.load(folder.appendingPathComponent("regions/former-names.csv")),
                                       zones: try DevelopmentZone.load(dataFolder: folder), gazetteer: try Zone.load(dataFolder: folder))
        let locator = ListedFirmLocator(resolver: resolver, regions: regions)
        var locations: [EnterpriseLocation] = []
        locations.reserveCapacity(enterprises.count)
        for i in enterprises.indices {
            guard let stock = enterprises[i].stockCode else { continue }
            locations.append(locator.locate(&enterprises[i], addresses: addresses[stock]))
        }
        return locations
    }

    /// Every generated row (firms, their chain places, products, events) gets `synthetic` provenance; the copied
    /// reference rows (regions, universities, parks, policies) are real and keep theirs.
    static func markSynthetic(_ bundle: inout DataBundle, note: String) {
        let synthetic = Provenance(source: "synthetic: " + note, asOf: "synthetic")
        for i in bundle.enterprises.indices { bundle.enterprises[i].provenance = synthetic }
        for i in bundle.assignments.indices { bundle.assignments[i].provenance = synthetic }
        for i in bundle.products.indices { bundle.products[i].provenance = synthetic }
        for i in bundle.events.indices { bundle.events[i].provenance = synthetic }
        for i in bundle.locations.indices { bundle.locations[i].provenance = synthetic }
    }

    public static func loadTaxonomy(_ url: URL, file: String) throws(SourceFileError) -> ChainTaxonomy {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw SourceFileError(file: file, reason: "file is missing or unreadable") }
        let taxonomy: ChainTaxonomy
        do { taxonomy = try JSONDecoder().decode(ChainTaxonomy.self, from: data) } catch {
            throw SourceFileError(file: file, reason: "not a valid chain taxonomy: \(Self.describe(error))")
        }
        let ids = Set(taxonomy.nodes.map(\.id))
        guard ids.count == taxonomy.nodes.count else {
            throw SourceFileError(file: file, field: "nodes.id", reason: "duplicate node id")
        }
        for node in taxonomy.nodes {
            if let parent = node.parentId, !ids.contains(parent) {
                throw SourceFileError(file: file, field: "nodes[\(node.id)].parent", value: parent, reason: "unknown parent node")
            }
        }
        return taxonomy
    }

    static func describe(_ error: any Error) -> String {
        if let decoding = error as? DecodingError {
            switch decoding {
            case .keyNotFound(let key, let context):
                return "missing key \(key.stringValue) at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
                return "\(context.debugDescription) at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
            @unknown default: return "\(error)"
            }
        }
        return "\(error)"
    }
}

import Foundation
import BrainIngest
import BrainModel
import BrainStore
import BrainUseCases

/// The bundled registers written as layers through the users' enterprise import (`brain build-db`): today the NMPA
/// 2019 drug-manufacturer register, layer `nmpa-2019`.
enum RegisterLayers {
    struct Result: Codable {
        var layer: String
        var register: NMPARegister.Report
        var outcome: ImportOutcome
    }

    static func importNMPA(into store: any ImportingStore, dataFolder: URL, bundle: DataBundle,
                           progress: (String) -> Void = { _ in }) async throws -> Result? {
        let url = dataFolder.appendingPathComponent(NMPARegister.file)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let rules = try NMPANameRules.load(dataFolder: dataFolder, taxonomy: bundle.taxonomy)
        let former = try FormerName.load(dataFolder.appendingPathComponent("regions/former-names.csv"))
        let resolver = AddressResolver(regions: bundle.regions, formerNames: former)
        let register = try NMPARegister(dataFolder: dataFolder, rules: rules, resolver: resolver, regions: bundle.regions)
        progress("NMPA register read, located and classified (\(register.records.count) firms)")
        let header = register.header(fingerprint: try ImportService.fingerprint(url), importedAt: ISO8601DateFormatter().string(from: Date()))
        let outcome = try await store.importEnterprises(header, next: register.batches())
        return Result(layer: NMPARegister.layer, register: register.report, outcome: outcome)
    }

    static func render(_ result: Result, taxonomy: ChainTaxonomy) -> String {
        let r = result.register, o = result.outcome
        var lines = ["layer \(result.layer) (\(NMPARegister.file)): \(r.rows) rows, \(r.firms) firms "
                     + "(\(r.sameFirmRows.count) rows are a firm already read, under another licence), \(r.rejected.count) rejected"]
        for problem in r.rejected { lines.append("    rejected row \(problem.row) \(problem.field) \"\(problem.value)\": \(problem.reason)") }
        lines.append("    written: created \(o.created), linked to listed firms of the same name \(o.linkedToListed), to review \(o.review)"
                     + (o.alreadyImportedAs.map { ", already imported as #\($0)" } ?? ""))
        lines.append("    located: province \(r.locatedToProvince), city \(r.locatedToCity), district \(r.locatedToDistrict)")
        let names = Dictionary(taxonomy.nodes.map { ($0.id, $0.nameZh) }, uniquingKeysWith: { a, _ in a })
        let nodes = r.byNode.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\(names[$0.key] ?? $0.key) \($0.value)" }
        lines.append("    by node (from the name): " + nodes.joined(separator: ", "))
        return lines.joined(separator: "\n")
    }
}

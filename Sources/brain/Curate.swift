import ArgumentParser
import Foundation
import BrainIngest
import BrainModel
import BrainStore
import BrainUseCases

/// `brain curate`: analysts' corrections of firms' chain nodes and locations (docs/curation.md).
struct Curate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Correct a firm's chain nodes or location (人工校正), with who, why and the source; list, revoke, export, import.",
        discussion: """
            A curation wins over the machine's placement and location in every analysis and is shown on the firm's
            portrait. Curations are never edited: `revoke` adds a record withdrawing one. They survive `brain build-db`.
            A running server sees curations made here at its next restart; those posted to /api/curations at once.
            """,
        subcommands: [Add.self, Remove.self, Move.self, Locate.self, Revoke.self, List.self, Export.self, CurationImport.self])

    /// Who, why and on what evidence: every curation says so.
    struct Provenance: ParsableArguments {
        @Option(help: "Who makes the correction (name or id of the analyst).") var by: String
        @Option(help: "Why the machine was wrong.") var reason: String
        @Option(help: "The source relied on: an annual report, a prospectus, the firm's site.") var source: String?
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Put a firm on a chain node.")
        @Option(help: "The firm: id (688690.SH), six-digit stock code or exact name.") var firm: String
        @Option(help: "The node: id (purification-resins) or Chinese name (蛋白纯化填料).") var node: String
        @OptionGroup var provenance: Provenance
        @OptionGroup var store: StoreOptions
        func run() async throws {
            try await Curate.add(store.db, firm: firm, action: .add, node: node, provenance: provenance)
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Take a firm off a chain node.")
        @Option(help: "The firm: id, six-digit stock code or exact name.") var firm: String
        @Option(help: "The node: id or Chinese name.") var node: String
        @OptionGroup var provenance: Provenance
        @OptionGroup var store: StoreOptions
        func run() async throws {
            try await Curate.add(store.db, firm: firm, action: .remove, node: node, provenance: provenance)
        }
    }

    struct Move: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Move a firm from one chain node to another.")
        @Option(help: "The firm: id, six-digit stock code or exact name.") var firm: String
        @Option(help: "The node it leaves: id or Chinese name.") var from: String
        @Option(help: "The node it goes to: id or Chinese name.") var to: String
        @OptionGroup var provenance: Provenance
        @OptionGroup var store: StoreOptions
        func run() async throws {
            try await Curate.add(store.db, firm: firm, action: .move, node: to, fromNode: from, provenance: provenance)
        }
    }

    struct Locate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set a firm's district or city.")
        @Option(help: "The firm: id, six-digit stock code or exact name.") var firm: String
        @Option(help: "Six-digit GB/T 2260 code of the district (or city) the firm is in.") var region: String
        @OptionGroup var provenance: Provenance
        @OptionGroup var store: StoreOptions
        func run() async throws {
            try await Curate.add(store.db, firm: firm, action: .locate, region: region, provenance: provenance)
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Withdraw a curation (a new record; the old one stays in the history).")
        @Argument(help: "The curation's id (brain curate list).") var id: String
        @OptionGroup var provenance: Provenance
        @OptionGroup var store: StoreOptions
        func run() async throws {
            let opened = try await openStore(store.db)
            do {
                // The entry is recorded in the revocation's own transaction.
                let revocation = try await opened.revokeCuration(id, reason: provenance.reason, author: provenance.by, source: provenance.source) {
                    revoked, revocation in
                    AuditTrail.cli("curation.revoke", target: "curation", revoked.id, before: AuditTrail.json(revoked), after: AuditTrail.json(revocation))
                }
                print("撤销 revoked \(id) by \(revocation.id)")
            } catch let error as CurationError { throw CommandFailure(error.description) }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List curations, oldest first, with whether each was revoked.")
        @Option(help: "Only this firm's (id, stock code or name).") var firm: String?
        @Flag(help: "Print JSON.") var json = false
        @OptionGroup var store: StoreOptions
        func run() async throws {
            let opened = try await openStore(store.db)
            var firmId: String?
            if let firm { firmId = try await CurationTargets.firmId(firm, in: opened) }
            let records = CurationRecord.history(try await opened.curations(enterprise: firmId))
            if json { return try Output.json(records) }
            if records.isEmpty { print("no curations") }
            for record in records { print(Curate.line(record)) }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write every curation, revocations included, to a CSV file.")
        @Argument(help: "The CSV file to write.") var file: String
        @OptionGroup var store: StoreOptions
        func run() async throws {
            let opened = try await openStore(store.db)
            let curations = try await opened.curations(enterprise: nil)
            var names: [String: String] = [:]
            for id in Set(curations.map(\.enterpriseId)) { names[id] = try await opened.enterprise(id)?.enterprise.name }
            try CurationFile.write(curations, names: names, to: URL(fileURLWithPath: file))
            print("wrote \(curations.count) curations to \(file)")
        }
    }

    static func add(_ db: String, firm: String, action: Curation.Action, node: String? = nil, fromNode: String? = nil,
                    region: String? = nil, provenance: Provenance) async throws {
        let store = try await openStore(db)
        let firmId = try await CurationTargets.firmId(firm, in: store)
        let taxonomy = try await store.taxonomy()
        do {
            let curation = try await store.addCuration(
                enterprise: firmId, action: action, node: node.map { CurationTargets.nodeId($0, taxonomy) },
                fromNode: fromNode.map { CurationTargets.nodeId($0, taxonomy) }, region: region, reason: provenance.reason,
                author: provenance.by, source: provenance.source) { curation in
                    // In the curation's own transaction: an entry that cannot be recorded undoes the curation.
                    AuditTrail.cli("curation.add", target: "curation", curation.id, after: AuditTrail.json(curation))
                }
            print("人工校正 curated: " + line(CurationRecord(curation: curation, revokedBy: nil)))
        } catch let error as CurationError { throw CommandFailure(error.description) }
    }

    static func line(_ record: CurationRecord) -> String {
        let c = record.curation
        let target = switch c.action {
        case .add, .remove: c.nodeId ?? ""
        case .move: "\(c.fromNodeId ?? "") → \(c.nodeId ?? "")"
        case .locate: c.regionCode ?? ""
        case .revoke: c.revokes ?? ""
        }
        let revoked = record.revokedBy.map { "  [已撤销 revoked by \($0)]" } ?? ""
        let source = c.source.map { "  来源 source: \($0)" } ?? ""
        return "\(c.id)  \(c.createdAt)  \(c.author)  \(c.action.rawValue) \(c.enterpriseId) \(target)  理由 reason: \(c.reason)\(source)\(revoked)"
    }
}

/// What users type for a firm or a node, as the store's ids.
enum CurationTargets {
    /// An id as stored, a six-digit stock code (tried on each exchange) or an exact name; unresolved text is returned
    /// as given, for the store to report as an unknown firm.
    static func firmId(_ text: String, in store: any ImportingStore) async throws -> String {
        if try await store.enterprise(text) != nil { return text }
        if text.count == 6, text.allSatisfy({ $0.isASCII && $0.isNumber }) {
            for exchange in ["SH", "SZ", "BJ"] where try await store.enterprise("\(text).\(exchange)") != nil { return "\(text).\(exchange)" }
        }
        if text.count <= 100 {
            let hits = try await store.searchEnterprises(text, limit: 20, offset: 0).items.filter { $0.name == text || $0.fullName == text }
            if hits.count == 1 { return hits[0].id }
        }
        return text
    }

    /// A node id, or the id of the node with this Chinese or English name; else the text, for the store to report.
    static func nodeId(_ text: String, _ taxonomy: ChainTaxonomy) -> String {
        taxonomy.nodes.first { $0.id == text || $0.nameZh == text || $0.nameEn == text }?.id ?? text
    }
}

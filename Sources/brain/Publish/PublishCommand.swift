import ArgumentParser
import Foundation
import BrainModel
import BrainStore
import BrainUseCases

/// `brain publish import|curation ID [--undo]` and `brain publish list [--org ORG]` (issue 19): the operator publishes
/// (or withdraws) any organisation's import or curation, as an admin does on /admin/publish. The audit entry, actor
/// "cli", is written in the publication's own transaction: no publication without it. A running server sees the
/// change on its next analytics refresh (as after a CLI import); the store's reads see it at once.
struct PublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "publish",
                                                    abstract: "Publish (or withdraw) an organisation's import or curation; list them.",
                                                    subcommands: [PublishImport.self, PublishCuration.self, PublishList.self])
}

struct PublishImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Publish an organisation's import (brain import --list).")
    @OptionGroup var store: StoreOptions
    @Argument(help: "The import's number.") var id: Int
    @Flag(help: "Withdraw the publication: the import is its organisation's alone again.") var undo = false

    func run() async throws {
        try await PublishCLI.set(store.db, .import, String(id), publish: !undo)
    }
}

struct PublishCuration: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "curation", abstract: "Publish an organisation's curation (brain publish list).")
    @OptionGroup var store: StoreOptions
    @Argument(help: "The curation's id.") var id: String
    @Flag(help: "Withdraw the publication: the curation applies to nobody again.") var undo = false

    func run() async throws {
        try await PublishCLI.set(store.db, .curation, id, publish: !undo)
    }
}

struct PublishList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List organisations' imports and curations and whether each is published.")
    @OptionGroup var store: StoreOptions
    @Option(help: "Only this organisation's.") var org: String?
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        let all = try await openStore(store.db).publications(organisation: org)
        if json { return try Output.json(all) }
        if all.isEmpty { print("没有机构的导入或校正 no organisation's imports or curations") }
        for p in all {
            print("\(p.kind.rawValue) \(p.id)  \(p.organisationId)  \(PublishCLI.state(p.publishedAt))  \(p.title)  \(p.detail)  \(p.createdAt)")
        }
    }
}

enum PublishCLI {
    /// 已发布/未发布, the way the import list and the publication list both show it.
    static func state(_ publishedAt: String?) -> String {
        publishedAt.map { "已发布 published \($0)" } ?? "未发布 unpublished"
    }

    static func set(_ database: String, _ kind: Publication.Kind, _ id: String, publish: Bool) async throws {
        let store = try await openStore(database)
        let audit: AuditOf<PublicationChange> = { change in
            AuditTrail.cli(publish ? "publish" : "unpublish", target: kind.rawValue, id, organisation: change.after.organisationId,
                           before: AuditTrail.json(change.before), after: AuditTrail.json(change.after))
        }
        let change: PublicationChange
        do {
            switch kind {
            case .import:
                guard let number = Int(id), number > 0 else { throw PublishError.unknown }
                change = try await store.setImportPublished(number, publish, organisation: nil, scope: nil, by: AuditTrail.cliActor,
                                                            at: AuditTrail.now(), audit: audit)
            case .curation:
                change = try await store.setCurationPublished(id, publish, organisation: nil, by: AuditTrail.cliActor,
                                                              at: AuditTrail.now(), audit: audit)
            }
        } catch PublishError.unknown {
            throw CommandFailure("没有机构的\(kind == .import ? "导入" : "校正") \(id) no organisation's \(kind.rawValue) \(id) "
                                 + "(the operator's own are public already; brain publish list)")
        }
        let what = "\(kind.rawValue) \(id) (\(change.after.organisationId))"
        guard change.changed else { return print("\(what): \(state(change.after.publishedAt)) already, nothing changed") }
        print("\(what): \(state(change.before.publishedAt)) → \(state(change.after.publishedAt))")
    }
}

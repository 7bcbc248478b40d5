import ArgumentParser
import Foundation
import BrainModel
import BrainStore
import BrainUseCases

/// `brain org add ID --name NAME`, `brain org list`: the organisations that post demands and import offers and
/// talents. The CLI works on the database directly (its operator is trusted); the web and API act through the token.
struct Org: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Organisations of the supply–demand market, and their tokens.",
                                                    subcommands: [OrgAdd.self, OrgList.self, OrgToken.self])
}

struct OrgAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Create an organisation and print its token (shown once).")
    @OptionGroup var store: StoreOptions
    @Argument(help: "Id: 2–40 lower-case letters, digits and hyphens, e.g. suzhou-bureau.") var id: String
    @Option(help: "Display name, e.g. 苏州市工业和信息化局.") var name: String
    @Option(help: "bureau (主管部门), park (园区), enterprise (企业) or platform (平台, the operator's own).") var kind: OrganisationKind = .bureau
    @Option(help: "The region it answers for, a 6-digit division code (e.g. 320500); omitted: national.") var region: String?
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        let store = try await openStore(self.store.db)
        // The entry is written in the organisation's own transaction: no organisation without it.
        let credentials = try await accounts {
            try await store.createOrganisation(id: id, name: name, kind: kind, regionCode: region) {
                AuditTrail.cli("organisation.create", target: "organisation", $0.id, organisation: $0.id, after: AuditTrail.json($0))
            }
        }
        if json { return try Output.json(credentials) }
        print("organisation \(credentials.organisation.id) (\(credentials.organisation.name)) created")
        print("token: \(credentials.token)")
        print("keep it: it is shown only now. Sign in on /match with it, or send `Authorization: Bearer TOKEN` to /api/demands.")
    }
}

struct OrgList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the organisations.")
    @OptionGroup var store: StoreOptions
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        let organisations = try await openStore(store.db).organisations()
        if json { return try Output.json(organisations) }
        if organisations.isEmpty { print("no organisations yet: brain org add ID --name NAME") }
        for o in organisations {
            print("\(o.id)  \(o.name)  \(o.kind.rawValue) \(o.kind.nameZh)  \(o.regionCode ?? "national")  since \(o.createdAt)")
        }
    }
}

struct OrgToken: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "token", abstract: "Give an organisation a new token (the old one stops working).")
    @OptionGroup var store: StoreOptions
    @Argument(help: "Organisation id.") var id: String
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        let credentials: OrganisationCredentials
        do { credentials = try await openStore(store.db).rotateToken(organisation: id) } catch let error as MarketStoreError {
            throw CommandFailure(error.description)
        }
        await CLIAudit.record(store.db, "organisation.token", target: "organisation", id, organisation: id)
        if json { return try Output.json(credentials) }
        print("new token for \(credentials.organisation.id): \(credentials.token)")
        print("the old token no longer works, and its signed-in browsers are signed out")
    }
}

/// `brain admin token`: the operator's credential for the HTTP API (imports of firms, products, events and relations
/// as the operator's own, every import listed). Printed once; the store keeps only its SHA-256, like organisation
/// tokens. Each call adds one; earlier ones keep working.
struct Admin: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "The operator's admin tokens for the HTTP API.", subcommands: [AdminToken.self])
}

struct AdminToken: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "token", abstract: "Create an admin token and print it (shown once).")
    @OptionGroup var store: StoreOptions
    @Flag(help: "Print JSON.") var json = false

    struct Created: Encodable { let token: String }

    func run() async throws {
        let opened = try await openStore(store.db)
        let token = try await opened.createAdminToken()
        // Which token it was stays secret: the trail says only that one was made.
        await CLIAudit.record(opened, "admin-token.create", target: "admin-token", "-")
        if json { return try Output.json(Created(token: token)) }
        print("admin token: \(token)")
        print("keep it: it is shown only now. Send `Authorization: Bearer TOKEN` to POST /api/imports.")
    }
}

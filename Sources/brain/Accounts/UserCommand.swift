import ArgumentParser
import Foundation
import BrainModel
import BrainStore
import BrainUseCases
#if canImport(Glibc)
import Glibc
#endif

/// `brain user add|list|role|disable|password`: the people who sign in on /signin (issue 19). The CLI is the
/// operator: it acts on any organisation, and the audit trail names it "cli". A password is never an argument (it
/// would sit in the shell's history and the process list): it is read from standard input or prompted for.
struct User: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "People who sign in, their roles and passwords.",
                                                    subcommands: [UserAdd.self, UserList.self, UserRole.self, UserDisable.self, UserPassword.self])
}

struct UserAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a person with a first password.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "Login: 2–64 lower-case letters, digits, . - _ @, e.g. zhangsan.") var login: String
    @Option(help: "Their organisation's id.") var org: String
    @Option(help: "admin (管理员), analyst (分析师), investment (招商专员) or viewer (浏览者).") var role: Role = .viewer
    @Option(help: "Display name, e.g. 张三.") var name: String?
    @Flag(help: "Read the password from the first line of standard input.") var passwordStdin = false
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        let password = try PasswordInput.read(fromStdin: passwordStdin, prompt: "password for \(login): ")
        let store = try await openStore(self.store.db)
        // The entry is written in the person's own transaction: no person without it.
        let person = try await accounts {
            try await store.createPerson(Person(id: login, organisationId: org, displayName: name ?? login, role: role, createdAt: ""), password: password) {
                AuditTrail.cli("person.create", target: "person", $0.id, organisation: $0.organisationId, after: AuditTrail.json($0))
            }
        }
        if json { return try Output.json(person) }
        print("\(person.id) (\(person.displayName)) added to \(org) as \(role.rawValue) \(role.nameZh); they sign in on /signin")
    }
}

struct UserList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List people, of one organisation or all.")
    @OptionGroup var store: StoreOptions
    @Option(help: "Only this organisation's people.") var org: String?
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        let people = try await openStore(store.db).people(organisation: org)
        if json { return try Output.json(people) }
        if people.isEmpty { print("no people yet: brain user add LOGIN --org ORG --role ROLE --name NAME") }
        for p in people {
            print("\(p.id)  \(p.displayName)  \(p.organisationId)  \(p.role.rawValue) \(p.role.nameZh)\(p.disabled ? "  disabled" : "")")
        }
    }
}

struct UserRole: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "role", abstract: "Change a person's role.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "Login.") var login: String
    @Argument(help: "admin, analyst, investment or viewer.") var role: Role

    func run() async throws {
        let store = try await openStore(self.store.db)
        let (before, after) = try await accounts { try await store.setRole(login, role: role, audit: CLIAudit.personChange("person.role")) }
        print("\(login): \(before.role.rawValue) → \(after.role.rawValue) \(after.role.nameZh)")
    }
}

struct UserDisable: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "disable", abstract: "Disable a person (their sessions end at once), or enable them again.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "Login.") var login: String
    @Flag(help: "Enable the person again instead.") var enable = false

    func run() async throws {
        let store = try await openStore(self.store.db)
        _ = try await accounts {
            try await store.setDisabled(login, disabled: !enable, audit: CLIAudit.personChange(enable ? "person.enable" : "person.disable"))
        }
        print(enable ? "\(login) enabled" : "\(login) disabled: they cannot sign in, and their sessions have ended")
    }
}

struct UserPassword: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "password", abstract: "Set a new password (the person's sessions end, a lock is lifted).")
    @OptionGroup var store: StoreOptions
    @Argument(help: "Login.") var login: String
    @Flag(help: "Read the password from the first line of standard input.") var passwordStdin = false

    func run() async throws {
        let password = try PasswordInput.read(fromStdin: passwordStdin, prompt: "new password for \(login): ")
        let store = try await openStore(self.store.db)
        // Never the password or its hash: only that it changed, recorded in the change's own transaction.
        try await accounts {
            try await store.setPassword(login, password: password) { change in
                AuditTrail.cli("person.password", target: "person", change.after.id, organisation: change.after.organisationId, before: nil, after: nil)
            }
        }
        print("password of \(login) changed; their sessions have ended")
    }
}

extension Role: ExpressibleByArgument {}
extension OrganisationKind: ExpressibleByArgument {}

/// Store refusals as the CLI's clear errors.
func accounts<T>(_ body: () async throws -> T) async throws -> T {
    do { return try await body() }
    catch let error as AccountStoreError { throw CommandFailure(error.description) }
    catch let error as MarketStoreError { throw CommandFailure(error.description) }
}

enum PasswordInput {
    /// The first line of standard input, or a prompt without echo on a terminal.
    static func read(fromStdin: Bool, prompt: String) throws -> String {
        if fromStdin {
            guard let line = readLine(strippingNewline: true) else { throw CommandFailure("--password-stdin: standard input is empty") }
            return line
        }
        guard isatty(STDIN_FILENO) == 1, let typed = getpass(prompt) else {
            throw CommandFailure("no terminal to ask for the password: pass it on standard input with --password-stdin")
        }
        return String(cString: typed)
    }
}

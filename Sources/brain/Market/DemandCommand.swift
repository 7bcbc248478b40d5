import ArgumentParser
import Foundation
import BrainAnalytics
import BrainIngest
import BrainModel
import BrainStore
import BrainUseCases

/// `brain demand post|list|share|delete`: an organisation's demands for services or talent. A demand is private to
/// its organisation until shared.
struct DemandCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demand", abstract: "Post, list, share or delete an organisation's demands.",
                                                    subcommands: [DemandPost.self, DemandList.self, DemandShare.self, DemandDelete.self])
}

struct MarketOptions: ParsableArguments {
    @OptionGroup var store: StoreOptions
    @Option(help: "The organisation acting (brain org list).") var org: String
}

struct DemandPost: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "post", abstract: "Post a demand (private until --share).")
    @OptionGroup var market: MarketOptions
    @Option(help: "What is needed, in a line.") var title: String
    @Option(help: "Service node (cro, cdmo, reagents-consumables, …) or, for talent, the chain node of the field (id or 中文名).") var node: String
    @Option(help: "Where: a place name (苏州市, 上海市浦东新区) or a six-digit code.") var region: String
    @Option(help: "service or talent (default: service on a service node, else talent).") var need: String?
    @Option(help: "Details.") var detail: String?
    @Option(help: "Budget in 万元.") var budget: String?
    @Option(help: "Deadline (YYYY-MM-DD).") var deadline: String?
    @Option(help: "Talent: lowest degree (本科, 硕士, 博士).") var degree: String?
    @Option(help: "Talent: years of industry experience.") var years: String?
    @Option(help: "Talent: how many people.") var headcount: String?
    @Flag(help: "Share it with every organisation at once.") var share = false
    @Option(help: "Folder holding the bundled open data (region codes).") var data: String = "data"

    func run() async throws {
        let store = try await openStore(market.store.db)
        let parser = MarketRowParser(taxonomy: try await store.taxonomy(), resolver: try AddressResolver.load(dataFolder: URL(fileURLWithPath: data)))
        let fields = ["title": title, "node": node, "region": region, "need": need, "detail": detail, "budget": budget, "deadline": deadline,
                      "degree": degree, "years": years, "headcount": headcount].compactMapValues { $0 }
        switch parser.parse(.demand, fields: fields) {
        case .failure(let problem): throw CommandFailure("--\(problem.column): \(problem.reason)")
        case .success(let body):
            let org = market.org
            // The entry is recorded in the post's own transaction.
            let written = try await MarketCommands.run {
                try await store.addMarketRecords([NewMarketRecord(body, shared: share)], organisation: org, header: nil) { write in
                    write.records.first.map { AuditTrail.cli("market.create", target: "demand", "\($0.id)", organisation: org, after: AuditTrail.json($0)) }
                }
            }
            print("demand #\(written.ids[0]) posted by \(market.org), \(share ? "shared" : "private to \(market.org) (brain demand share \(written.ids[0]) --org \(market.org))")")
        }
    }
}

struct DemandList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list",
                                                    abstract: "Records the organisation can see (its own and shared ones): demands, or with --kind offers or talents.")
    @OptionGroup var market: MarketOptions
    @Option(help: "demand, offer or talent.") var kind: MarketKind = .demand
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        let records = try await openStore(market.store.db).marketRecords(kind, visibleTo: market.org)
        if json { return try Output.json(records) }
        if records.isEmpty { print("no \(kind.rawValue)s \(market.org) can see") }
        for r in records { print(MarketCommands.line(r)) }
    }
}

extension MarketKind: ExpressibleByArgument {}

struct DemandShare: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "share", abstract: "Share one of the organisation's records (or --withdraw it).")
    @OptionGroup var market: MarketOptions
    @Argument(help: "Record id.") var id: Int
    @Flag(help: "Make it private again.") var withdraw = false

    func run() async throws {
        let store = try await openStore(market.store.db)
        let before = try await store.marketRecord(id, visibleTo: market.org)
        let (org, action) = (market.org, withdraw ? "market.withdraw" : "market.share")
        let record = try await MarketCommands.run {
            try await store.setShared(id, shared: !withdraw, by: org) { record in
                AuditTrail.cli(action, target: record.body.kind.rawValue, "\(record.id)", organisation: org,
                               before: before.flatMap { AuditTrail.json($0) }, after: AuditTrail.json(record))
            }
        }
        print(MarketCommands.line(record))
    }
}

struct DemandDelete: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete one of the organisation's records.")
    @OptionGroup var market: MarketOptions
    @Argument(help: "Record id.") var id: Int

    func run() async throws {
        let store = try await openStore(market.store.db)
        let before = try await store.marketRecord(id, visibleTo: market.org)
        let org = market.org
        try await MarketCommands.run {
            try await store.deleteMarketRecord(id, by: org) { id in
                AuditTrail.cli("market.delete", target: before?.body.kind.rawValue ?? "market", "\(id)", organisation: org,
                               before: before.flatMap { AuditTrail.json($0) })
            }
        }
        print("record #\(id) deleted")
    }
}

enum MarketCommands {
    /// Store errors about organisations and records as the command's message.
    static func run<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let error as MarketStoreError { throw CommandFailure(error.description) }
    }

    static func line(_ r: MarketRecord) -> String {
        let visibility = r.shared ? "shared" : "private"
        switch r.body {
        case .demand(let d):
            return "#\(r.id) [\(visibility)] \(r.organisationName): \(d.title) — \(d.need.rawValue) \(d.nodeId) in \(d.regionCode)"
                + (d.budgetWan.map { ", budget \(Output.number($0, 0)) 万元" } ?? "") + " (\(r.origin))"
        case .offer(let o):
            return "#\(r.id) [\(visibility)] \(r.organisationName): \(o.provider) offers \(o.nodeId) in \(o.regionCode) (\(r.origin))"
        case .talent(let t):
            return "#\(r.id) [\(visibility)] \(r.organisationName): \(t.name), \(t.institution ?? "–"), \(t.nodeIds.joined(separator: "/")), "
                + "leading-talent score \(Output.number(LeadingTalentScore(t).total, 0)) (\(r.origin))"
        }
    }
}

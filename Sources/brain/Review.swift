import ArgumentParser
import Foundation
import BrainModel
import BrainStore
import BrainUseCases

struct Review: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The review queue of imports: possible same firms and undecided locations.",
        subcommands: [List.self, Accept.self, Reject.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List review items (pending unless --status says otherwise).")
        @Option(help: "pending, accepted, rejected or all.") var status: String = "pending"
        @Flag(help: "Print JSON.") var json = false
        @Option(help: "zh (default) or en: the language of the reasons.") var lang: String = "zh"
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let wanted: ReviewItem.Status?
            if status == "all" { wanted = nil } else {
                guard let parsed = ReviewItem.Status(rawValue: status) else { throw ValidationError("--status is pending, accepted, rejected or all") }
                wanted = parsed
            }
            let language = DisplayLanguage(query: lang)
            let items = try await openStore(store.db).reviewItems(status: wanted).map { $0.rendered(in: language) }
            if json { return try Output.json(items) }
            if items.isEmpty { print(language == .zh ? Self.noneZh(wanted) : "no \(wanted.map { $0.rawValue + " " } ?? "")review items") }
            for item in items { print(Review.line(item, language)) }
        }

        /// 没有待审核的项, 没有已接受的审核项, 没有审核项: the pending status's word already says 审核.
        static func noneZh(_ wanted: ReviewItem.Status?) -> String {
            guard let wanted else { return "没有审核项" }
            return wanted == .pending ? "没有待审核的项" : "没有\(wanted.word(in: .zh))的审核项"
        }
    }

    struct Accept: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Accept: merge a possible same firm into its candidate, or keep an imported location as it is.")
        @Argument(help: "Review item id.") var id: Int
        @Option(help: "zh (default) or en: the language of the answer.") var lang: String = "zh"
        @OptionGroup var store: StoreOptions
        func run() async throws { try await Review.decide(id, accept: true, store.db, DisplayLanguage(query: lang)) }
    }

    struct Reject: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reject: keep a possible same firm apart as its own firm, or remove a firm whose location was wrong.")
        @Argument(help: "Review item id.") var id: Int
        @Option(help: "zh (default) or en: the language of the answer.") var lang: String = "zh"
        @OptionGroup var store: StoreOptions
        func run() async throws { try await Review.decide(id, accept: false, store.db, DisplayLanguage(query: lang)) }
    }

    static func decide(_ id: Int, accept: Bool, _ database: String, _ language: DisplayLanguage) async throws {
        do {
            let store = try await openStore(database)
            let before = try await store.reviewItems(status: nil).first { $0.id == id }
            let item = try await store.decideReview(id, accept: accept)
            await CLIAudit.record(store, accept ? "review.accept" : "review.reject", target: "review", "\(id)",
                                  before: before.flatMap { AuditTrail.json($0) }, after: AuditTrail.json(item))
            print(line(item.rendered(in: language), language))
        } catch let error as ImportStoreError {
            throw CommandFailure(ReasonText.render(error.reason, in: language))
        }
    }

    /// One item: id, status, kind, file and row, the row's name, the candidate firm or the firm written, and why.
    static func line(_ item: ReviewItem, _ language: DisplayLanguage) -> String {
        let candidate = item.candidateId.map { " ↔ \(item.candidateName ?? $0) [\($0)]" } ?? ""
        let firm = item.enterpriseId.map { " → \($0)" } ?? ""
        let row = language == .zh ? "第 \(item.row) 行：" : "row \(item.row): "
        return "\(item.id) \(item.status.word(in: language)) \(item.kind.word(in: language)) \(item.file) \(row)\(item.name)\(candidate)\(firm) — \(item.reason)"
    }
}

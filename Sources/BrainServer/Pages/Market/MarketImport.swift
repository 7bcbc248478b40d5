import Foundation
import Hummingbird
import NIOCore
import BrainIngest
import BrainModel
import BrainStore

/// Demands, offers and talents files over HTTP, through `/api/imports/check` and `/api/imports` with
/// `kind=demands|offers|talents`: the same checks as `brain import --kind …`. Writing needs the organisation's token
/// or its signed-in session: the records become its own.
struct MarketImport: Sendable {
    let access: MarketAccess

    static func kind(_ text: String) -> MarketKind? { ["demands": .demand, "offers": .offer, "talents": .talent][text] }

    func handle(_ request: Request, kind: MarketKind, write: Bool) async throws -> Response {
        var organisation: Organisation?
        if write {
            // Imported demands, offers and talents belong to an organisation: its token or its signed-in session (with
            // the CSRF token); an admin token is refused here (403), it acts for no organisation.
            organisation = try await access.requireOrganisation(request)
        }
        let query = request.uri.queryParameters
        guard let upload = try await Upload.receive(request) else { return Upload.tooLarge }
        defer { upload.remove() }
        let (data, url) = (upload.data, upload.url)
        let check = MarketFileCheck(url: url, kind: kind, taxonomy: try await access.store.taxonomy(), resolver: access.resolver)
        var rows: [NumberedMarketBody] = []
        do { try check.run { rows.append($0) } } catch let error as EnterpriseFileCheck.FileError {
            return JSONResponse.error(.unprocessableContent, Reason("api.unreadable-file", ["detail": error.description]))
        }
        var summary = check.summary
        let shown = min(summary.problems.count, ImportController.maxProblemsReturned)
        summary.problems = Array(summary.problems.prefix(shown))
        let kindName = kind.rawValue + "s"
        guard let organisation else { return try JSONResponse.ok(ImportController.CheckResponse(kind: kindName, summary: summary, problemsShown: shown)) }
        var fingerprint = Fingerprint()
        fingerprint.add(data)
        let header = ImportHeader(kind: kindName, file: url.lastPathComponent, fingerprint: fingerprint.hex,
                                  asOf: String(ISO8601DateFormatter().string(from: Date()).prefix(10)),
                                  importedAt: ISO8601DateFormatter().string(from: Date()))
        let shared = MarketAccess.flag(query.get("shared"))
        let written = try await access.store.addMarketRecords(rows.map { NewMarketRecord($0.body, line: $0.line, shared: shared) },
                                                              organisation: organisation.id, header: header)
        return try JSONResponse.ok(ImportWriter.WriteResponse(kind: kindName, summary: summary, problemsShown: shown, outcome: written.outcome,
                                                              pendingReview: []))
    }
}

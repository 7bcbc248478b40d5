import Hummingbird
import BrainModel
import BrainStore

/// `POST /api/imports/{id}/publish|unpublish` and `POST /api/curations/{id}/publish|unpublish`: an organisation's
/// admin (a person's session with its CSRF token, or a person's API token) or the operator makes one of the
/// organisation's imports or curations public, or private again. 200 with the publication after; 404 for a record
/// that is not the caller's organisation's (as for an unknown id); 403 without the administrator role or for an
/// import with firms outside the caller's region.
struct PublishRoutes: Sendable {
    let publisher: Publisher
    let access: MarketAccess

    func register(on router: Router<BasicRequestContext>) {
        let api = router.group("api")
        for (path, kind) in [("imports", Publication.Kind.import), ("curations", .curation)] {
            for publish in [true, false] {
                api.post("\(path)/:id/\(publish ? "publish" : "unpublish")") { request, context in
                    let caller = try await access.requireWriter(request, for: .publish)
                    let change = try await publisher.set(caller, kind, try context.parameters.require("id"), publish: publish)
                    return try JSONResponse.ok(change.after)
                }
            }
        }
    }
}

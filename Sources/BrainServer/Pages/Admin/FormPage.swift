import Foundation
import Hummingbird
import HTTPTypes
import BrainModel

/// What a signed-in form page's view carries besides its rows and the CSRF token its forms send back: what the last
/// post did (`notice`) or why not (`error`), both in both languages.
protocol FormPageView: PageView {
    var notice: Bilingual? { get set }
    var error: Bilingual? { get set }
}

/// The one shape of the signed-in form pages (/admin, /admin/publish, /admin/webhook, /account): a post is its form
/// with the session's CSRF token from a caller with the right; signed out goes to the sign-in form and back here, a
/// stale or foreign form or too low a role is a 403 page; then the page again saying what happened or why not.
struct FormPage: Sendable {
    let access: MarketAccess
    let renderer: PageRenderer
    /// The page's own path (where sign-in comes back to), its template and its navigation entry.
    let path: String, template: String, nav: String
    /// Why a signed-in caller without the page's right is refused.
    let roleRefusal: String

    /// A caller the page is not for: signed out, to the sign-in form and back; signed in without the right, a 403.
    func refusal(_ caller: Caller, unless allowed: Bool) -> Response? { allowed ? nil : refused(caller) }

    func refused(_ caller: Caller) -> Response {
        caller.person == nil && caller.organisation == nil ? signIn() : renderer.errorPage(.forbidden, Reason(roleRefusal))
    }

    func signIn() -> Response { MarketPage.redirect("/signin?next=" + path) }

    /// A post's form and writer handed to `body`, or the refusal page (401 is the sign-in form, 403 says why).
    func post<Form: PostedForm>(_ request: Request, _ type: Form.Type, for permission: Permission,
                                _ body: (Caller, Form) async throws -> Response) async throws -> Response {
        let form = try await request.form(type)
        let caller: Caller
        do { caller = try await access.requireWriter(request, csrf: form.csrf, for: permission) } catch let error as HTTPError {
            if error.status == .unauthorized { return signIn() }
            return renderer.errorPage(.forbidden, Reason(error.body == MarketAccessMessage.role ? roleRefusal : "api.stale-form"))
        }
        return try await body(caller, form)
    }

    /// The page with what the last post did or why not; never cached (it is the caller's own, and shows secrets once).
    func render<View: FormPageView>(_ view: View, notice: Bilingual? = nil, error: Bilingual? = nil,
                                    status: HTTPResponse.Status = .ok) throws -> Response {
        var view = view
        (view.notice, view.error) = (notice, error)
        var response = try renderer.render(template, nav: nav, view: view, data: [String: String]())
        response.status = status
        response.headers[.cacheControl] = "no-store"
        return response
    }
}

import Foundation
import BrainModel
import Hummingbird
import Mustache
import BrainAnalytics
import BrainUseCases

/// Renders a page template inside the shared layout with its data embedded as JSON (the same JSON its `/api/` route
/// returns), so the server-rendered tables and the charts drawn from that JSON never disagree.
struct PageRenderer: Sendable {
    let library: MustacheLibrary
    /// The region the navigation's "Region" link opens.
    let defaultRegion: String
    /// Whether a heavy page is answered with a placeholder while the analytics warm up (`FirstView`).
    var firstView = FirstView.off

    /// The templates of this module's bundle.
    static func load(defaultRegion: String, firstView: FirstView = .off) async throws -> PageRenderer {
        guard let templates = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            throw ServerSetupError.templatesMissing
        }
        return PageRenderer(library: try await MustacheLibrary(directory: templates.path), defaultRegion: defaultRegion, firstView: firstView)
    }

    /// A page from its typed view model.
    func render(_ template: String, nav: String, view: some PageView, data: some Encodable) throws -> Response {
        guard let html = try html(template, nav: nav, view: view, data: data) else {
            return JSONResponse.error(.internalServerError, Reason("api.template-missing", ["name": template]))
        }
        return Self.htmlResponse(html)
    }

    /// The page's HTML (nil if the template is missing), for routes that keep it to serve again.
    func html(_ template: String, nav: String, view: some PageView, data: some Encodable) throws -> Data? {
        // Pages may be kept and served again: the nonce is a placeholder here, replaced per response.
        let context = PageContext(view: view, nav: [nav: true], defaultRegion: defaultRegion,
                                  pageDataJSON: try Self.embeddable(data), cspNonce: Self.noncePlaceholder)
        return library.render(context, withTemplate: template).map { Data($0.utf8) }
    }

    /// The same length as a nonce, so it is replaced in place.
    static let noncePlaceholder = "BRAINCSPNONCEPLACEHOLDER"

    /// The page with a new nonce for its inline scripts, named by the response's Content-Security-Policy.
    static func htmlResponse(_ html: Data) -> Response {
        let nonce = Self.nonce()
        var bytes = [UInt8](html)
        // Only in nonce="…" attributes: the same letters in a firm name or query stay text (escaped JSON has \" there).
        let marker = Array("nonce=\"\(noncePlaceholder)\"".utf8), replacement = Array("nonce=\"\(nonce)\"".utf8)
        var index = 0
        while let found = bytes[index...].firstRange(of: marker) {
            bytes.replaceSubrange(found, with: replacement)
            index = found.lowerBound + replacement.count
        }
        var response = JSONResponse.response(.ok, data: Data(bytes), contentType: "text/html; charset=utf-8")
        response.headers[.contentSecurityPolicy] = SecurityHeaders<BasicRequestContext>.contentSecurityPolicy(nonce: nonce)
        return response
    }

    /// 128 random bits, base64 (24 characters): unguessable, so injected markup cannot carry a script the policy runs.
    static func nonce() -> String {
        var generator = SystemRandomNumberGenerator()
        return Data((0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }).base64EncodedString()
    }

    static let pageEncoder = ReasonEncoding.bilingual.encoder(like: JSONResponse.encoder)

    /// JSON safe inside a `<script>` element, whatever a firm name or demand title holds.
    /// Reasons carry both languages (`text`, `textEn`): the page's language is switched in the browser.
    static func embeddable(_ value: some Encodable) throws -> String {
        String(decoding: try pageEncoder.encode(value), as: UTF8.self)
            // Every "<" as a JSON escape: no text inside the script element can end it or open a comment or tag.
            .replacingOccurrences(of: "<", with: "\\u003c")
    }

    /// A page route's response: a bad parameter or an unknown thing becomes the HTML error page rather than the JSON
    /// error the API routes answer with.
    func page(_ build: () async throws -> Response) async throws -> Response {
        do { return try await build() } catch let error as AppError { return notFound(error.reason) } catch let refusal as Refusal { return notFound(refusal.reason) }
    }

    /// An HTML error page for a page route (the API routes answer JSON).
    func notFound(_ reason: Reason) -> Response { errorPage(.notFound, reason) }

    /// The HTML error page with another status (413 too large, 421 wrong host, 403 cross-site), saying why in both
    /// languages (the language switch shows one).
    func errorPage(_ status: HTTPResponse.Status, _ reason: Reason) -> Response {
        let message = ReasonText.bilingual(reason)
        let view = ErrorView(messageZh: message.zh, messageEn: message.en, status: status == .notFound ? nil : Int(status.code))
        // No inline script to allow on an error page: its nonce stays empty.
        let context = PageContext(view: view, nav: [:], defaultRegion: defaultRegion, pageDataJSON: "null", cspNonce: "")
        let html = library.render(context, withTemplate: "not-found") ?? message.zh
        return JSONResponse.response(status, data: Data(html.utf8), contentType: "text/html; charset=utf-8")
    }
}

/// What `not-found.mustache` reads besides the layout's values; `status` only when not 404.
struct ErrorView: PageView {
    var messageZh, messageEn: String
    var status: Int?
}

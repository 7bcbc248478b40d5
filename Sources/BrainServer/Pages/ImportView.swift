/// What `import.mustache` reads: the signed-in organisation (nil signed out) and the session's CSRF token.
struct ImportView: PageView {
    struct Organisation: Encodable, Sendable {
        var id: String?
        var name: String?
    }
    var organisation: Organisation?
    var csrfToken: String?
}

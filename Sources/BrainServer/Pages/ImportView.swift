import BrainUseCases

/// What `import.mustache` reads: the signed-in organisation (nil signed out), the session's CSRF token and the
/// registry's importable kinds.
struct ImportView: PageView {
    struct Organisation: Encodable, Sendable {
        var id: String?
        var name: String?
    }
    /// An importable kind from the registry, for the upload form's choice.
    struct Kind: Encodable, Sendable {
        var value: String
        var zh: String
        var en: String
    }
    /// One of the organisation's imports and whether its admin has published it (/admin/publish).
    struct Batch: Encodable, Sendable {
        var id: Int
        var file: String
        var kind: String
        var asOf: String
        var published: Bool
    }
    var organisation: Organisation?
    var csrfToken: String?
    var kinds: [Kind] = ImportView.registryKinds
    struct Batches: Encodable, Sendable { var rows: [Batch] }
    /// The signed-in organisation's imports, newest first; nil when it has none.
    var imports: Batches?

    /// The import-kind registry's importable kinds, in its order.
    static var registryKinds: [Kind] {
        ImportKind.importableKinds.map { Kind(value: $0.rawValue, zh: $0.label.zh, en: $0.label.en) }
    }
}

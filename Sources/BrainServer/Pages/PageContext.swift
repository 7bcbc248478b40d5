import Mustache

/// A page's view model: a struct whose stored properties are exactly the names its template reads, so a misspelt key
/// is a compile error in the page's Swift rather than a blank in its HTML. swift-mustache reads such a struct through
/// reflection (an optional that is nil hides its `{{#section}}`, as an absent key did), so no conversion to a
/// dictionary is needed. `Encodable` so a snapshot test or a debugging session can print what a page was given.
protocol PageView: Encodable, Sendable {}

/// The layout's values (navigation, default region, embedded JSON, nonce) around a page's own view model: the one
/// place the renderer adds names to what a template sees.
struct PageContext: MustacheParent {
    let view: Any
    let nav: [String: Bool]
    let defaultRegion: String
    let pageDataJSON: String
    let cspNonce: String

    func child(named name: String) -> Any? {
        switch name {
        case "nav": nav
        case "defaultRegion": defaultRegion
        case "pageDataJSON": pageDataJSON
        case "cspNonce": cspNonce
        default: Self.value(named: name, in: view)
        }
    }

    /// A stored property's value by name, an optional unwrapped (nil when absent), as swift-mustache reads any value.
    static func value(named name: String, in object: Any) -> Any? {
        if let parent = object as? MustacheParent { return parent.child(named: name) }
        guard let found = Mirror(reflecting: object).children.first(where: { $0.label == name })?.value else { return nil }
        let mirror = Mirror(reflecting: found)
        guard mirror.displayStyle == .optional else { return found }
        return mirror.children.first?.value
    }
}

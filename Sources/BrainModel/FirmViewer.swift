/// Who a read of firms is for (issue 19): an organisation's private import is its own until its admin publishes it,
/// so its firms and the facts it brought are shown only to that organisation and to the operator. Searches, totals
/// and the enterprise routes filter by this in the store query itself, so counts never move with another
/// organisation's import.
public enum FirmViewer: Sendable, Hashable {
    /// The operator (and the CLI): every firm and fact.
    case `operator`
    /// An organisation's caller, or nobody signed in (nil): public firms and facts, and the organisation's own imports'.
    case organisation(String?)
}

extension ImportLayer {
    /// THE decision of who may see an import's firms, facts, nodes, products, events and names (everyone else asks
    /// here): the operator every import; anyone else the operator's (no organisation), published ones, and their own
    /// organisation's.
    public func isVisible(to viewer: FirmViewer) -> Bool {
        guard case .organisation(let own) = viewer else { return true }
        return organisationId == nil || published || organisationId == own
    }
}

extension Curation {
    /// Who sees a curation listed: everyone a public one (`isPublic`: it applies for everyone); an organisation's
    /// unpublished one only its own organisation and the operator (to whom it applies to nothing yet).
    public func isVisible(to viewer: FirmViewer) -> Bool {
        guard !isPublic, case .organisation(let own) = viewer else { return true }
        return own != nil && organisationId == own
    }
}

/// The imports a viewer may not see: their ids (facts whose source is `import:<id>`, names they brought) and the
/// layers of the firms they created (a firm belongs to one layer; `listed` and public imports' layers are never hidden).
public struct HiddenImports: Sendable, Hashable {
    public var ids: Set<Int>
    public var layers: Set<String>

    public static let none = HiddenImports(ids: [], layers: [])

    public init(ids: Set<Int>, layers: Set<String>) { (self.ids, self.layers) = (ids, layers) }

    /// From every import's layer and owner: another organisation's imports, less any layer a visible import shares.
    public init(_ imports: [ImportLayer], for viewer: FirmViewer) {
        guard viewer != .operator else { self = .none; return }
        let hidden = imports.filter { !$0.isVisible(to: viewer) }
        let visibleLayers = Set(imports.filter { $0.isVisible(to: viewer) }.map(\.layer))
        self.init(ids: Set(hidden.map(\.importId)), layers: Set(hidden.map(\.layer)).subtracting(visibleLayers).subtracting([Layer.listed]))
    }

    public var isEmpty: Bool { ids.isEmpty && layers.isEmpty }

    /// Whether a fact from `source` (`import:12`, a bundled file's name) is hidden.
    public func hides(source: String) -> Bool {
        guard source.hasPrefix("import:"), let id = Int(source.dropFirst(7)) else { return false }
        return ids.contains(id)
    }

    /// The layers in a stable order, as SQL arguments.
    public var sortedLayers: [String] { layers.sorted() }
}

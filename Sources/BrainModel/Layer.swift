/// The sets firms come from, and the choice of them an analysis counts (issue 15: listed-firm figures never change
/// when someone imports; a user may choose to count more).
public enum Layer {
    /// The bundled A-share listed firms: the product's default figures.
    public static let listed = "listed"
    /// The layer of an import that named none.
    public static func of(importId: Int) -> String { "import:\(importId)" }
    /// Layer ids are short ASCII words: `listed`, `nmpa-2019`, `import:12`.
    public static func isWellFormed(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.count <= 40 && id.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 || $0 == 58 }
    }
}

/// One import's layer and owner, as the snapshot carries it. Who may see it is `isVisible(to:)` (FirmViewer.swift).
public struct ImportLayer: Codable, Sendable, Hashable {
    public var importId: Int
    public var layer: String
    /// nil: the operator's (everyone may count it); otherwise only this organisation may, until it is published.
    public var organisationId: String?
    /// An organisation's import its admin has published: public as the operator's are (it stays that organisation's).
    public var published: Bool

    public init(importId: Int, layer: String, organisationId: String?, published: Bool = false) {
        (self.importId, self.layer, self.organisationId, self.published) = (importId, layer, organisationId, published)
    }

    private enum CodingKeys: String, CodingKey { case importId, layer, organisationId, published }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(importId: try c.decode(Int.self, forKey: .importId), layer: try c.decode(String.self, forKey: .layer),
                  organisationId: try c.decodeIfPresent(String.self, forKey: .organisationId),
                  published: try c.decodeIfPresent(Bool.self, forKey: .published) ?? false)
    }

    /// `published` only when set, so an unpublished import encodes (and digests, AnalyticsWorkbench+Disk) as before.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(importId, forKey: .importId)
        try c.encode(layer, forKey: .layer)
        try c.encodeIfPresent(organisationId, forKey: .organisationId)
        if published { try c.encode(true, forKey: .published) }
    }
}

/// The layers an analysis counts, in a canonical order (the cache key and the `layers=` text).
public struct LayerSet: Hashable, Sendable, Codable, CustomStringConvertible {
    public let ids: [String]

    public init<S: Sequence>(_ ids: S) where S.Element == String { self.ids = Array(Set(ids)).sorted(by: Self.order) }

    public static let listed = LayerSet([Layer.listed])

    public func contains(_ layer: String) -> Bool { ids.contains(layer) }
    public var isListedOnly: Bool { ids == [Layer.listed] }
    /// `listed,nmpa-2019`: the query text and the cache key.
    public var description: String { ids.joined(separator: ",") }

    /// `listed` first, then bundled registers, then imports by number.
    static func order(_ a: String, _ b: String) -> Bool {
        func key(_ s: String) -> (Int, Int, String) {
            if s == Layer.listed { return (0, 0, s) }
            if s.hasPrefix("import:"), let n = Int(s.dropFirst(7)) { return (2, n, s) }
            return (1, 0, s)
        }
        return key(a) < key(b)
    }
}

extension DataBundle {
    /// The bundle as seen through `layers`: firms of those layers, the chain assignments whose own import (if any) is
    /// in them too (an import placing a listed firm on a node counts only where that import is chosen), and the
    /// products, events and links of those firms.
    public func restricted(to layers: LayerSet) -> DataBundle {
        let layerOfImport = Dictionary(importLayers.map { ($0.importId, $0.layer) }, uniquingKeysWith: { a, _ in a })
        func counts(source: String) -> Bool {
            guard source.hasPrefix("import:"), let id = Int(source.dropFirst(7)) else { return true }
            return layers.contains(layerOfImport[id] ?? Layer.of(importId: id))
        }
        var copy = self
        copy.enterprises = enterprises.filter { layers.contains($0.layer) }
        let kept = Set(copy.enterprises.map(\.id))
        copy.assignments = assignments.filter { kept.contains($0.enterpriseId) && counts(source: $0.provenance.source) }
        copy.products = products.filter { kept.contains($0.enterpriseId) && counts(source: $0.provenance.source) }
        copy.events = events.filter { kept.contains($0.enterpriseId) && counts(source: $0.provenance.source) }
        return copy
    }

    /// Every layer the bundle holds firms of, with how many.
    public var layerCounts: [String: Int] {
        enterprises.reduce(into: [:]) { $0[$1.layer, default: 0] += 1 }
    }
}

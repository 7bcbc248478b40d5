
/// Everything the default database is built from, normalised and classified, ready to store.
public struct DataBundle: Sendable {
    public var regions: [Region] = []
    public var taxonomy: ChainTaxonomy
    public var enterprises: [Enterprise] = []
    /// How each listed firm was located (which address, which report year, or why it stops at the city).
    public var locations: [EnterpriseLocation] = []
    /// Every name each firm is known by (registered, short, former, English), for resolving names to firms. Written to
    /// the store's names table; not read back into snapshots (the store answers name lookups).
    public var names: [EnterpriseName] = []
    public var assignments: [ChainAssignment] = []
    public var products: [EnterpriseProduct] = []
    public var productRelations: [ProductRelation] = []
    public var events: [EnterpriseEvent] = []
    public var universities: [University] = []
    public var parks: [Park] = []
    public var policies: [Policy] = []
    /// Analysts' corrections (data/curation and those carried over from the previous build), revocations included.
    public var curations: [Curation] = []
    /// The layer of each import's rows (`import:<id>` unless the import named one, e.g. `nmpa-2019`) and who may count
    /// it: an import's chain assignments on another layer's firm count only where its own layer does.
    public var importLayers: [ImportLayer] = []

    public init(taxonomy: ChainTaxonomy) { self.taxonomy = taxonomy }
}

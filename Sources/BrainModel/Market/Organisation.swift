/// An organisation that posts demands and imports offers and talents (a bureau, a park operator, an enterprise).
/// It acts through a secret token; the store keeps only the token's SHA-256.
public struct Organisation: Codable, Sendable, Hashable {
    public var id: String
    public var name: String
    public var createdAt: String
    /// What it is (issue 19); organisations of earlier releases were carried over as bureaus.
    public var kind: OrganisationKind
    /// The region it answers for (a district, city or province code); nil: national.
    public var regionCode: String?

    public init(id: String, name: String, createdAt: String, kind: OrganisationKind = .bureau, regionCode: String? = nil) {
        (self.id, self.name, self.createdAt, self.kind, self.regionCode) = (id, name, createdAt, kind, regionCode)
    }
}

/// A new organisation with its token, shown once.
public struct OrganisationCredentials: Codable, Sendable {
    public var organisation: Organisation
    public var token: String

    public init(organisation: Organisation, token: String) { (self.organisation, self.token) = (organisation, token) }
}

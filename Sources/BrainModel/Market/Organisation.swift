/// An organisation that posts demands and imports offers and talents (a bureau, a park operator, an enterprise).
/// It acts through a secret token; the store keeps only the token's SHA-256.
public struct Organisation: Codable, Sendable, Hashable {
    public var id: String
    public var name: String
    public var createdAt: String

    public init(id: String, name: String, createdAt: String) { (self.id, self.name, self.createdAt) = (id, name, createdAt) }
}

/// A new organisation with its token, shown once.
public struct OrganisationCredentials: Codable, Sendable {
    public var organisation: Organisation
    public var token: String

    public init(organisation: Organisation, token: String) { (self.organisation, self.token) = (organisation, token) }
}

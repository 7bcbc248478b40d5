/// Park landing (`landing.`), policy eligibility (`policy.`), demand matching (`match.`), service offers
/// (`service.`) and talents (`talent.`).
extension ReasonCatalogue {
    static let landing: [String: ReasonTemplate] = [:]
}

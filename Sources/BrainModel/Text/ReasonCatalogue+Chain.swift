extension ReasonCatalogue {
    static let chain: [String: ReasonTemplate] = [:]
}

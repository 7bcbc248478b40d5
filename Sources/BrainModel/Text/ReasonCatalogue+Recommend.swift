extension ReasonCatalogue {
    static let recommend: [String: ReasonTemplate] = [:]
}

extension ReasonCatalogue {
    static let imports: [String: ReasonTemplate] = [:]
}

/// Normalises the compact dates of the bundled sources (20130118, 2021-10-19) to ISO 8601 (2013-01-18).
enum SourceDate {
    static func iso(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        let digits = text.filter(\.isNumber)
        guard digits.count == 8 else { return nil }
        let chars = Array(digits)
        return String(chars[0..<4]) + "-" + String(chars[4..<6]) + "-" + String(chars[6..<8])
    }
}

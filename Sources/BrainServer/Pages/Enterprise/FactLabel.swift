import Foundation

/// A portrait fact's label ("员工人数 employees", "注册资本（万元）registered capital") in one language: the page shows the
/// Chinese part on Chinese pages and the English part after the switch, never both side by side. The JSON keeps the
/// combined label it always had.
extension EnterprisePortrait.Fact {
    /// (Chinese, English): the English part is the ASCII tail that starts with a letter; without one, both are the label.
    var label: (zh: String, en: String) {
        let characters = Array(field)
        for start in characters.indices where characters[start].isASCII && characters[start].isLetter {
            guard start > 0, characters[start...].allSatisfy(\.isASCII), !characters[..<start].allSatisfy(\.isASCII) else { continue }
            let zh = String(characters[..<start]).trimmingCharacters(in: .whitespaces)
            return (zh, String(characters[start...]))
        }
        return (field, field)
    }
}

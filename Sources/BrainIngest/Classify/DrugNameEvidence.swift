import Foundation

/// Evidence from the drug names a business summary mentions, which keywords miss: an international nonproprietary
/// name's stem says what a drug is (WHO INN stems: `-mab` is a monoclonal antibody), and development codes such as
/// SHR3680 or CM082 in a sentence about development are a pipeline of new molecules — generics have no codes.
enum DrugNameEvidence {
    /// Letters that start codes which are standards or certificates, not molecules (ISO9001, GB2626).
    static let notMolecules: Set<String> = ["ISO", "GB", "YY", "CE", "GMP", "FDA", "EU", "IEC", "ASTM", "HACCP"]

    /// node → the words or codes that name it, in the order found.
    static func hits(summary: String, innStems: [String: [String]], pipelineNode: String?) -> [String: [String]] {
        var found: [String: [String]] = [:]
        for sentence in summary.split(separator: ".") {
            let words = sentence.split { !($0.isLetter || $0.isNumber || $0 == "-") }.map(String.init)
            let aboutDevelopment = sentence.range(of: "develop", options: .caseInsensitive) != nil
                || sentence.range(of: "pipeline", options: .caseInsensitive) != nil
                || sentence.range(of: "clinical", options: .caseInsensitive) != nil
            for word in words {
                let lower = word.lowercased()
                for (node, stems) in innStems where stems.contains(where: { lower.count > $0.count + 3 && lower.hasSuffix($0) }) {
                    if !(found[node] ?? []).contains(word) { found[node, default: []].append(word) }
                }
                if let node = pipelineNode, aboutDevelopment, isDevelopmentCode(word), !(found[node] ?? []).contains(word) {
                    found[node, default: []].append(word)
                }
            }
            // An inhibitor in clinical development (JAK1 inhibitor in Phase I) is a new molecule; one on the market
            // (proton pump inhibitor injections) may well be a generic, so only development sentences count.
            if let node = pipelineNode, aboutDevelopment, let index = words.firstIndex(where: { $0.lowercased().hasPrefix("inhibitor") }), index > 0 {
                let named = "\(words[index - 1]) inhibitor"
                if !(found[node] ?? []).contains(named) { found[node, default: []].append(named) }
            }
        }
        return found
    }

    /// Two to five capital letters, an optional hyphen and capital, then three to five digits (SHR-A1201, IBI308).
    static func isDevelopmentCode(_ word: String) -> Bool {
        let characters = Array(word)
        var index = 0
        while index < characters.count, characters[index].isASCII, characters[index].isUppercase { index += 1 }
        guard (2...5).contains(index), !notMolecules.contains(String(characters[0..<index])) else { return false }
        if index < characters.count, characters[index] == "-" { index += 1 }
        if index < characters.count, characters[index].isASCII, characters[index].isUppercase { index += 1 }
        let digitsStart = index
        while index < characters.count, characters[index].isASCII, characters[index].isNumber { index += 1 }
        return (3...5).contains(index - digitsStart) && index == characters.count
    }
}

/// A name split into its Chinese and English halves: 江苏恒瑞医药股份有限公司（Jiangsu Hengrui Pharmaceuticals Co., Ltd.）,
/// either half alone, or both side by side. Each half is folded for comparison; the English half with its legal form
/// spelt one way (Co., Ltd. / Co. Ltd / Company Limited → COLTD) and without punctuation or case.
public struct BilingualName: Sendable, Equatable {
    public var chinese: String?
    public var english: String?

    static let legalWords = ["COMPANY": "CO", "LIMITED": "LTD", "CORPORATION": "CORP", "INCORPORATED": "INC"]

    public init(_ name: String) {
        // The English half starts at the first Latin letter that begins a run of at least two words.
        let scalars = Array(name.unicodeScalars)
        var split: Int?
        for (i, scalar) in scalars.enumerated() where Self.isLatinLetter(scalar) {
            let rest = String(String.UnicodeScalarView(scalars[i...]))
            if rest.split(separator: " ").filter({ $0.unicodeScalars.contains(where: Self.isLatinLetter) }).count >= 2,
               !rest.unicodeScalars.contains(where: Self.isHan) {
                split = i
            }
            break
        }
        let chinesePart = split.map { String(String.UnicodeScalarView(scalars[..<$0])) } ?? name
        let englishPart = split.map { String(String.UnicodeScalarView(scalars[$0...])) }
        let chinese = CompanyName.normalized(Self.trimmingOpenBracket(chinesePart))
        chinese.unicodeScalars.contains(where: Self.isHan) ? (self.chinese = chinese) : (self.chinese = nil)
        if let englishPart {
            english = Self.foldedEnglish(englishPart)
        } else if !name.unicodeScalars.contains(where: Self.isHan) {
            english = Self.foldedEnglish(name)
        }
        if english?.isEmpty == true { english = nil }
    }

    public static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool { ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar) }
    public static func isHan(_ scalar: Unicode.Scalar) -> Bool { (0x3400...0x9FFF).contains(scalar.value) }

    /// 江苏恒瑞医药股份有限公司（ before an English half in brackets.
    static func trimmingOpenBracket(_ text: String) -> String {
        var text = text
        while let last = text.unicodeScalars.last, last == "(" || last == "（" || last.properties.isWhitespace { text.unicodeScalars.removeLast() }
        return text
    }

    /// Upper case, letters and digits only, legal-form words in one spelling, brackets around the whole dropped.
    static func foldedEnglish(_ text: String) -> String {
        var words: [String] = [], current = ""
        for original in text.unicodeScalars {
            var scalar = original
            if (0xFF01...0xFF5E).contains(scalar.value) { scalar = Unicode.Scalar(scalar.value - 0xFEE0)! }
            if ("a"..."z").contains(scalar) { scalar = Unicode.Scalar(scalar.value - 32)! }
            if isLatinLetter(scalar) || ("0"..."9").contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if scalar == "&" {
                if !current.isEmpty { words.append(current); current = "" }
                words.append("AND")
            } else if !current.isEmpty {
                words.append(current); current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        var folded = words.map { legalWords[$0] ?? $0 }
        // "Pharmaceutical., Ltd" and "Pharmaceutical Co., Ltd." are one spelling: CO before LTD adds nothing.
        folded = folded.enumerated().filter { i, word in !(word == "CO" && i + 1 < folded.count && folded[i + 1] == "LTD") }.map(\.element)
        // A share class is the listing's, not the firm's: "WuXi AppTec Co., Ltd. Class H".
        if folded.count > 2, folded[folded.count - 2] == "CLASS", folded[folded.count - 1].count == 1 { folded.removeLast(2) }
        return folded.joined()
    }
}

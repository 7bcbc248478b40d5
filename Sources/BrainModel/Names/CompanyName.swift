/// Company names as registries and spreadsheets write them, folded to one form for matching: half-width letters and
/// digits, round brackets, no spaces, no invisible characters or quotes, no trailing punctuation, no status or
/// former-name annotations, simplified characters. The folded form is only for comparison; the registered name is
/// kept as written.
public enum CompanyName {
    /// Bracketed notes a registry export appends that are not part of the registered name: （已注销）, （原三九医药股份有限公司）,
    /// （注册地址：连云港）.
    static let annotationStarts = ["原", "曾用名", "已注销", "注销", "已吊销", "吊销", "存续", "在业", "开业", "迁出", "撤销", "注册地址", "注册地"]
    static let quotes: Set<Unicode.Scalar> = ["\"", "'", "“", "”", "‘", "’", "「", "」", "『", "』", "《", "》", "〈", "〉", "«", "»"]
    static let trailingPunctuation: Set<Unicode.Scalar> = ["。", ".", "；", ";", "，", ",", "、", "！", "!", "：", ":"]

    public static func normalized(_ name: String) -> String {
        var folded = withoutAnnotations(presentationFolded(name)).name
        while let last = folded.unicodeScalars.last, trailingPunctuation.contains(last) { folded.unicodeScalars.removeLast() }
        return folded
    }

    /// Width, case, brackets, spaces, quotes, invisible characters and traditional characters folded; annotations kept.
    /// Scalar by scalar (company names hold no combining sequences): grapheme-by-grapheme folding was a tenth of the
    /// import's time.
    static func presentationFolded(_ name: String) -> String {
        var result = String.UnicodeScalarView()
        for original in name.unicodeScalars {
            // CJK ideographs, most of a name, are no space, quote, bracket, letter to fold, format or control character.
            if (0x4E00...0x9FFF).contains(original.value) {
                result.append(TraditionalCharacters.simplifiedScalars[original] ?? original)
                continue
            }
            var scalar = original
            if (0xFF01...0xFF5E).contains(scalar.value) { scalar = Unicode.Scalar(scalar.value - 0xFEE0)! }
            if scalar.properties.isWhitespace || quotes.contains(scalar) { continue }
            // Zero-width spaces, joiners, byte-order marks and other invisible format or control characters.
            switch scalar.properties.generalCategory {
            case .format, .control: continue
            default: break
            }
            switch scalar {
            case "（", "【", "[", "〔", "﹙": result.append("(")
            case "）", "】", "]", "〕", "﹚": result.append(")")
            case "a"..."z": result.append(Unicode.Scalar(scalar.value - 32)!)
            default: result.append(TraditionalCharacters.simplifiedScalars[scalar] ?? scalar)
            }
        }
        return String(result)
    }

    /// The name without its bracketed annotations, and the former names those annotations give (（原…）).
    static func withoutAnnotations(_ folded: String) -> (name: String, formerNames: [String]) {
        guard folded.contains("(") else { return (folded, []) }
        var name = "", former: [String] = [], index = folded.startIndex
        while index < folded.endIndex {
            guard folded[index] == "(", let close = folded[index...].firstIndex(of: ")") else {
                name.append(folded[index]); index = folded.index(after: index); continue
            }
            let content = String(folded[folded.index(after: index)..<close])
            if let start = annotationStarts.first(where: content.hasPrefix) {
                if start == "原" || start == "曾用名" {
                    let text = content.dropFirst(start.count).drop { $0 == ":" || $0 == "：" }
                    if !text.isEmpty { former.append(String(text)) }
                }
            } else {
                name += "(" + content + ")"
            }
            index = folded.index(after: close)
        }
        return (name, former)
    }

    /// The verdict and why: a reason code with its values, rendered per language (`ReasonCatalogue.names`).
    public struct Comparison: Codable, Equatable, Sendable {
        public var same: Bool
        public var reason: Reason

        init(same: Bool, _ code: String, _ values: [String: String] = [:]) {
            self.same = same
            reason = Reason("name." + code, values)
        }
    }

    /// Whether two names are the same registered name. Only the folding above is forgiven — plus the two halves of a
    /// bilingual name, the former name an annotation states, and the aliases given (short, former and English names
    /// of known firms). 有限公司 and 有限责任公司 are different registered names, and a branch (分公司) is its own entity.
    public static func compare(_ a: String, _ b: String, aliases: NameAliases? = nil) -> Comparison {
        let x = normalized(a), y = normalized(b)
        if x.isEmpty || y.isEmpty { return Comparison(same: false, "empty") }
        if a == b { return Comparison(same: true, "identical") }
        if x == y { return Comparison(same: true, "identical-folded") }
        for (longer, shorter) in [(x, y), (y, x)] where longer.hasPrefix(shorter) && longer.hasSuffix("分公司") {
            let first = longer == x
            return Comparison(same: false, "branch", ["which": first ? "第一个" : "第二个", "which.en": first ? "first" : "second"])
        }
        let forms = ["有限责任公司", "股份有限公司", "有限公司"]
        let stemX = forms.first(where: x.hasSuffix).map { String(x.dropLast($0.count)) }
        let stemY = forms.first(where: y.hasSuffix).map { String(y.dropLast($0.count)) }
        if let stemX, let stemY, stemX == stemY {
            return Comparison(same: false, "legal-form", ["first": String(x.dropFirst(stemX.count)), "second": String(y.dropFirst(stemY.count))])
        }
        // A stated former name: 华润三九医药股份有限公司（原三九医药股份有限公司） is also 三九医药股份有限公司.
        let formerX = formerNames(a), formerY = formerNames(b)
        if formerX.contains(y) || formerY.contains(x) {
            return Comparison(same: true, "former-stated")
        }
        let partsX = BilingualName(a), partsY = BilingualName(b)
        if let chineseX = partsX.chinese, let chineseY = partsY.chinese, chineseX != chineseY {
            // Two different Chinese names are two firms, whatever their English says — unless a known firm has both.
            return aliasComparison(a, b, aliases) ?? Comparison(same: false, "different")
        }
        if let englishX = partsX.english, let englishY = partsY.english, englishX == englishY {
            return Comparison(same: true, "same-english")
        }
        if partsX.chinese != nil, partsX.chinese == partsY.chinese {
            return Comparison(same: true, "same-chinese")
        }
        return aliasComparison(a, b, aliases) ?? Comparison(same: false, "different")
    }

    static func formerNames(_ name: String) -> [String] {
        withoutAnnotations(presentationFolded(name)).formerNames.map(normalized)
    }

    static func aliasComparison(_ a: String, _ b: String, _ aliases: NameAliases?) -> Comparison? {
        guard let aliases, let x = aliases.resolve(a), let y = aliases.resolve(b) else { return nil }
        guard x.firm == y.firm else { return Comparison(same: false, "alias-two-firms", ["first": x.firm, "second": y.firm]) }
        return Comparison(same: true, "alias-same-firm", ["firm": x.firm, "kindA": x.kind.chinese, "kindA.en": x.kind.rawValue,
                                                          "kindB": y.kind.chinese, "kindB.en": y.kind.rawValue])
    }
}

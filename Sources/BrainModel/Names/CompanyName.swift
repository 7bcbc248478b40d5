/// Company names as registries and spreadsheets write them, folded to one form for matching: half-width letters and
/// digits, round brackets, no spaces, simplified characters. The folded form is only for comparison; the registered
/// name is kept as written.
public enum CompanyName {
    /// Scalar by scalar (company names hold no combining sequences): grapheme-by-grapheme folding was a tenth of
    /// the import's time.
    public static func normalized(_ name: String) -> String {
        var result = String.UnicodeScalarView()
        for original in name.unicodeScalars {
            var scalar = original
            if (0xFF01...0xFF5E).contains(scalar.value) { scalar = Unicode.Scalar(scalar.value - 0xFEE0)! }
            if scalar.properties.isWhitespace { continue }
            switch scalar {
            case "（", "【", "[", "〔", "﹙": result.append("(")
            case "）", "】", "]", "〕", "﹚": result.append(")")
            case "a"..."z": result.append(Unicode.Scalar(scalar.value - 32)!)
            default: result.append(TraditionalCharacters.simplifiedScalars[scalar] ?? scalar)
            }
        }
        return String(result)
    }

    public struct Comparison: Codable, Equatable, Sendable {
        public var same: Bool
        public var reason: String
    }

    /// Whether two names are the same registered name. Only the folding above is forgiven: 有限公司 and 有限责任公司
    /// are different registered names, and a branch (分公司) is its own entity.
    public static func compare(_ a: String, _ b: String) -> Comparison {
        let x = normalized(a), y = normalized(b)
        if x.isEmpty || y.isEmpty { return Comparison(same: false, reason: "a name is empty") }
        if a == b { return Comparison(same: true, reason: "identical") }
        if x == y { return Comparison(same: true, reason: "identical after folding width, brackets, spaces and traditional characters") }
        for (longer, shorter) in [(x, y), (y, x)] where longer.hasPrefix(shorter) && longer.hasSuffix("分公司") {
            return Comparison(same: false, reason: "\(longer == x ? "first" : "second") is a branch (分公司) of the other: its own entity, linked to its parent")
        }
        let forms = ["有限责任公司", "股份有限公司", "有限公司"]
        let stemX = forms.first(where: x.hasSuffix).map { String(x.dropLast($0.count)) }
        let stemY = forms.first(where: y.hasSuffix).map { String(y.dropLast($0.count)) }
        if let stemX, let stemY, stemX == stemY {
            return Comparison(same: false, reason: "same name with different company forms (\(x.dropFirst(stemX.count)) vs \(y.dropFirst(stemY.count))): different registered names")
        }
        return Comparison(same: false, reason: "names differ after folding")
    }
}

/// Traditional characters common in company names and their simplified forms (Hong Kong, Taiwan and older registry
/// exports write them). A curated list, not a general converter.
enum TraditionalCharacters {
    static let simplified: [Character: Character] = {
        let pairs = "醫医藥药華华國国東东興兴業业術术開开發发達达廣广實实體体製制劑剂療疗學学團团電电機机氣气億亿萬万廠厂區区縣县"
            + "門门際际貿贸經经濟济產产資资訊讯網网絡络聯联連连運运輸输務务長长龍龙鳳凤飛飞豐丰寶宝財财銀银號号灣湾臺台"
            + "會会計计設设備备儀仪驗验檢检測测試试衛卫護护營营養养農农藝艺廳厅環环報报紙纸書书畫画貨货車车遠远進进"
            + "協协創创滬沪蘇苏瀋沈陽阳魯鲁閩闽粵粤贛赣鄂鄂湘湘滇滇黔黔藏藏維维漢汉語语標标準准導导線线點点層层壓压熱热"
            + "潤润錦锦葯药厰厂滙汇匯汇聖圣愛爱樂乐麗丽慶庆齊齐榮荣傑杰偉伟強强勝胜騰腾鴻鸿輝辉潔洁淨净濱滨嶺岭嶽岳雲云"
            + "陳陈張张劉刘楊杨趙赵吳吴孫孙馬马鄭郑謝谢許许蘭兰兒儿麥麦歐欧亞亚紐纽約约倫伦敦敦爾尔蘭兰邁迈諾诺頓顿"
            + "礦矿鋼钢鐵铁銅铜鋁铝錫锡鎳镍鍍镀鑄铸針针鏡镜纖纤維维織织綠绿紅红藍蓝黃黄質质優优選选"
        var table: [Character: Character] = [:]
        var characters = Array(pairs)
        while characters.count >= 2 {
            table[characters[0]] = characters[1]
            characters.removeFirst(2)
        }
        return table.filter { $0.key != $0.value }
    }()

    static let simplifiedScalars: [Unicode.Scalar: Unicode.Scalar] = {
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (traditional, simplified) in simplified {
            guard traditional.unicodeScalars.count == 1, simplified.unicodeScalars.count == 1 else { continue }
            table[traditional.unicodeScalars.first!] = simplified.unicodeScalars.first!
        }
        return table
    }()
}

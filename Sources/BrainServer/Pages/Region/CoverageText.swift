import Foundation
import BrainAnalytics
import BrainModel

/// Coverage and small-number flags in words, Chinese first (the JSON keeps them as data).
enum CoverageText {
    static func layerName(_ id: String) -> (zh: String, en: String) {
        switch id {
        case Layer.listed: ("上市企业", "listed firms")
        case "nmpa-2019": ("药品生产企业（NMPA 2019）", "licensed drug manufacturers (NMPA 2019)")
        default: id.hasPrefix("import:") ? ("导入 #\(id.dropFirst(7))", "import #\(id.dropFirst(7))") : (id, id)
        }
    }

    static func levelName(_ level: RegionLevel) -> (zh: String, en: String) {
        switch level {
        case .country, .province: ("省", "a province")
        case .city: ("城市", "a city")
        case .district: ("区县", "a district")
        }
    }

    static func count(_ n: Int) -> String { RegionView.number(Double(n), 0) }

    static func zh(_ c: Coverage) -> String {
        let layers = c.layers.map { layerName($0).zh }.joined(separator: "、")
        return "覆盖\(layers) \(count(c.firms)) 家，其中 \(count(c.locatedToProvince)) 家定位到省、\(count(c.locatedToCity)) 家定位到城市、"
            + "\(count(c.locatedToDistrict)) 家定位到区县；本页区位商与占比以定位到\(levelName(c.level).zh)的 \(count(c.located)) 家为基数"
            + (c.layers.contains(Layer.listed) ? "。上市企业仅含A股：港股上市的豪森、正大天晴等不在其中" : "")
    }

    static func en(_ c: Coverage) -> String {
        let layers = c.layers.map { layerName($0).en }.joined(separator: ", ")
        return "Covers \(count(c.firms)) \(layers): \(count(c.locatedToProvince)) located to a province, \(count(c.locatedToCity)) to a city, "
            + "\(count(c.locatedToDistrict)) to a district; location quotients and shares here rest on the \(count(c.located)) located to \(levelName(c.level).en)"
            + (c.layers.contains(Layer.listed) ? ". Listed firms are A-shares only: Hong Kong-listed firms such as Hansoh and Chia Tai Tianqing are not counted" : "")
    }

    static func flag(_ flag: SmallNumberFlag?) -> String? {
        guard let flag else { return nil }
        return flag.code == "few-firms" ? "仅 \(flag.firms) 家企业，数值不稳定" : flag.code
    }

    static func flagEn(_ flag: SmallNumberFlag?) -> String? {
        guard let flag else { return nil }
        return flag.code == "few-firms" ? "only \(flag.firms) \(flag.firms == 1 ? "firm" : "firms"): unstable" : flag.code
    }
}

/// A layer the page's control offers (the overview and region pages): its names, its firms formatted, whether chosen.
struct LayerOptionView: Encodable, Sendable {
    var id, nameZh, nameEn, firms: String
    var chosen: Bool

    static func list(_ options: [LayerChoice.Option]) -> [LayerOptionView] {
        options.map { LayerOptionView(id: $0.id, nameZh: CoverageText.layerName($0.id).zh, nameEn: CoverageText.layerName($0.id).en,
                                      firms: CoverageText.count($0.firms), chosen: $0.chosen) }
    }
}

/// The enterprise quality score's dimensions and indicators (BrainAnalytics `EnterpriseQuality` names them in
/// English, as the JSON keeps them) in both languages for the enterprise page and its radar.
enum QualityWords {
    static let dimensions: [String: (zh: String, en: String)] = [
        "space": ("区位", "Location"), "industry": ("产业", "Industry"), "capital": ("资本", "Capital"),
        "innovation": ("创新", "Innovation"), "talent": ("人才", "Talent"),
    ]
    static let indicators: [String: (zh: String, en: String)] = [
        "biomedicine firms in the same city": ("同城生物医药企业数", "biomedicine firms in the same city"),
        "city economic complexity (ECI)": ("所在城市经济复杂度 ECI", "city economic complexity (ECI)"),
        "highest complexity (PCI) of its chain nodes": ("所属环节的最高产品复杂度 PCI", "highest complexity (PCI) of its chain nodes"),
        "chain nodes covered": ("覆盖的产业链环节数", "chain nodes covered"),
        "products listed": ("主营产品数", "products listed"),
        "total assets (亿元)": ("总资产（亿元）", "total assets (100m yuan)"),
        "registered capital (万元)": ("注册资本（万元）", "registered capital (10k yuan)"),
        "revenue growth (%)": ("营收增长（%）", "revenue growth (%)"),
        "net margin (%)": ("净利率（%）", "net margin (%)"),
        "STAR-market listing (科创板)": ("科创板上市", "STAR-market listing"),
        "on an innovative node": ("处于创新型环节", "on an innovative node"),
        "gross margin (%)": ("毛利率（%）", "gross margin (%)"),
        "employees": ("员工人数", "employees"),
        "medical universities in the city": ("所在城市医学类高校数", "medical universities in the city"),
    ]

    static func dimension(_ name: String) -> (zh: String, en: String) { dimensions[name] ?? (name, name) }
    static func indicator(_ name: String) -> (zh: String, en: String) { indicators[name] ?? (name, name) }
}

/// A park's kind as data/parks/parks.csv writes it (English), in Chinese for the pages.
enum ParkKindWords {
    static let zh = [
        "core R&D hub": "核心研发枢纽", "demonstration zone": "示范区", "national high-tech zone": "国家高新区", "park": "产业园",
        "park (Beijing industry transfer)": "产业园（承接北京产业转移）", "science facility": "科学设施", "specialty carrier": "特色载体",
        "specialty cluster": "特色集群",
    ]

    static func zh(_ kind: String) -> String { zh[kind] ?? kind }
}

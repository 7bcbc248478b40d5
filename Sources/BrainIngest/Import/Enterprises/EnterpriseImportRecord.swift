import BrainModel

extension EnterpriseRecord {
    /// The record as the store takes it: the file's values as facts, the location's codes, chain nodes from 所属行业
    /// and 经营范围, and the parent's name when the firm is a branch.
    public func imported(classifier: ImportClassifier) -> ImportedEnterprise {
        imported(classification: classifier.classify(industry: industry, scope: scope))
    }

    /// The same, classified through `cache` (one classification per distinct 所属行业 and 经营范围).
    public func imported(cache: ClassificationCache) -> ImportedEnterprise {
        imported(classification: cache.classify(industry: industry, scope: scope))
    }

    func imported(classification: ImportClassifier.Result) -> ImportedEnterprise {
        var facts: [String: String] = ["name": name]
        let values: [(String, String?)] = [
            ("uscc", uscc), ("legal_representative", legalRepresentative), ("established", established),
            ("registered_capital", registeredCapital.map { "\(Self.plain($0.amount)) \($0.currency)" }), ("status", status),
            ("address", address), ("scope", scope), ("industry", industry), ("insured", insured.map(String.init)),
            ("employees", employees.map(String.init)), ("website", website),
        ]
        for (field, value) in values { if let value { facts[field] = value } }
        for (header, value) in extras { facts["extra:" + header] = value }
        return ImportedEnterprise(
            line: line, name: name, normalizedName: normalizedName, uscc: uscc, provinceCode: location?.provinceCode,
            cityCode: location?.cityCode, districtCode: location?.districtCode, employees: employees ?? insured,
            registeredCapitalWan: registeredCapital.flatMap { $0.currency == "CNY" ? $0.wan : nil }, setupDate: established,
            website: website, facts: facts, assignments: classification.assignments, isBiomedicine: classification.isBiomedicine,
            reviewReasons: reviewReasons, parentName: Self.parentName(of: normalizedName))
    }

    /// 江苏恒瑞医药股份有限公司上海分公司 → 江苏恒瑞医药股份有限公司: the name up to the last 公司 before 分公司.
    static func parentName(of normalized: String) -> String? {
        guard normalized.hasSuffix("分公司") else { return nil }
        let stem = normalized.dropLast(3)
        guard let range = stem.range(of: "公司", options: .backwards) else { return nil }
        return String(stem[..<range.upperBound])
    }

    static func plain(_ amount: Double) -> String {
        amount == amount.rounded() && abs(amount) < 1e15 ? String(Int(amount)) : String(amount)
    }
}

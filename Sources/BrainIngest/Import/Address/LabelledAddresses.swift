import Foundation

/// A hand-labelled address set in the Tests/labelled/addresses.tsv format (address, province_code, city_code,
/// district_code, category, note, district_also) and the resolver's score on it: all levels right per category, and
/// wrong answers (a level given that contradicts the label — worse than stopping early). `district_also` lists other
/// districts that are not wrong (a zone across two districts); with an empty district, stopping at the city is right.
public struct LabelledAddresses: Sendable {
    public struct Case: Sendable {
        public var address: String
        public var provinceCode: String, cityCode: String, districtCode: String
        public var category: String
        public var districtAlso: [String]
    }

    public struct Score: Sendable {
        public var cases = 0, right = 0, wrong = 0
        public var perCategory: [String: (cases: Int, right: Int, wrong: Int)] = [:]
        public var misses: [(Case, ResolvedAddress, wrong: Bool)] = []
        public var share: Double { cases == 0 ? 0 : Double(right) / Double(cases) }
    }

    public var cases: [Case]

    public init(file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        guard let header = lines.first?.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) else {
            throw CocoaError(.fileReadCorruptFile)
        }
        lines.removeFirst()
        let column = { (name: String) in header.firstIndex(of: name) }
        guard let address = column("address"), let province = column("province_code"), let city = column("city_code"),
              let district = column("district_code"), let category = column("category") else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "\(file.path): header lacks address/province_code/city_code/district_code/category"])
        }
        let also = column("district_also")
        cases = lines.map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let field = { (i: Int?) in i.flatMap { $0 < fields.count ? fields[$0] : nil } ?? "" }
            return Case(address: field(address), provinceCode: field(province), cityCode: field(city), districtCode: field(district),
                        category: field(category), districtAlso: field(also).split(separator: ";").map(String.init))
        }
    }

    public func score(_ resolver: AddressResolver) -> Score {
        var score = Score()
        for item in cases {
            let got = resolver.resolve(item.address)
            let (right, wrong) = Self.judge(item, got)
            score.cases += 1
            var category = score.perCategory[item.category] ?? (0, 0, 0)
            category.cases += 1
            if right { score.right += 1; category.right += 1 } else { score.misses.append((item, got, wrong)) }
            if wrong { score.wrong += 1; category.wrong += 1 }
            score.perCategory[item.category] = category
        }
        return score
    }

    /// Right: every level as labelled. Wrong: some level given that the label contradicts (or that it leaves empty).
    static func judge(_ item: Case, _ got: ResolvedAddress) -> (right: Bool, wrong: Bool) {
        let province = got.provinceCode ?? "", city = got.cityCode ?? "", district = got.districtCode ?? ""
        let districtRight = district == item.districtCode || (!district.isEmpty && item.districtAlso.contains(district))
            || (item.districtCode.isEmpty && district.isEmpty)
        let right = province == item.provinceCode && city == item.cityCode && districtRight
        func contradicts(_ label: String, _ given: String) -> Bool { !given.isEmpty && given != label }
        let wrong = contradicts(item.provinceCode, province) || contradicts(item.cityCode, city)
            || (!district.isEmpty && district != item.districtCode && !item.districtAlso.contains(district))
        return (right, wrong)
    }
}

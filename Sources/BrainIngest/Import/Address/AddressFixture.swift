import Foundation

/// A labelled address list (`address, status, province_code, city_code, district_code`, tab-separated) and the
/// resolver's accuracy on it per level: shared by the tests and `brain bench address`.
public struct AddressFixture: Sendable {
    public struct Case: Sendable {
        public var address: String
        public var status: ResolvedAddress.Status
        public var provinceCode: String?, cityCode: String?, districtCode: String?
    }

    public struct Accuracy: Sendable {
        public var cases = 0
        public var status = 0, province = 0, city = 0, district = 0
        public var misses: [(Case, ResolvedAddress)] = []
        public func share(_ count: Int) -> Double { cases == 0 ? 0 : Double(count) / Double(cases) }
    }

    public var cases: [Case]

    public init(file: URL) throws {
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
        cases = lines.compactMap { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 5, let status = ResolvedAddress.Status(rawValue: fields[1]) else { return nil }
            let code = { (s: String) in s.isEmpty ? nil : s }
            return Case(address: fields[0], status: status, provinceCode: code(fields[2]), cityCode: code(fields[3]), districtCode: code(fields[4]))
        }
    }

    /// A level counts as right when its code equals the label (both absent included).
    public func accuracy(of resolver: AddressResolver) -> Accuracy {
        var accuracy = Accuracy()
        for item in cases {
            let got = resolver.resolve(item.address)
            accuracy.cases += 1
            let checks = [got.status == item.status, got.provinceCode == item.provinceCode, got.cityCode == item.cityCode,
                          got.districtCode == item.districtCode]
            if checks[0] { accuracy.status += 1 }
            if checks[1] { accuracy.province += 1 }
            if checks[2] { accuracy.city += 1 }
            if checks[3] { accuracy.district += 1 }
            if checks.contains(false) { accuracy.misses.append((item, got)) }
        }
        return accuracy
    }
}

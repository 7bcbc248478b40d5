import BrainModel
import Foundation

/// Turns a mapped row into an `EnterpriseRecord`, or the problems that reject it. Values that cannot be read reject
/// the row (a wrong 统一社会信用代码 is not guessed at); an address that does not decide its district sends the row
/// to review.
public struct EnterpriseRowValidator: Sendable {
    let file: String
    let mapping: HeaderMapping
    let resolver: AddressResolver

    public init(file: String, mapping: HeaderMapping, resolver: AddressResolver) {
        self.file = file
        self.mapping = mapping
        self.resolver = resolver
    }

    public func validate(line: Int, fields: [String]) -> (EnterpriseRecord?, [RowProblem]) {
        var problems: [RowProblem] = []
        guard fields.count == mapping.columns.count else {
            return (nil, [problem(line, RowProblem.wholeRow, "\(fields.count)", Reason("import.field-count", ["found": "\(fields.count)", "expected": "\(mapping.columns.count)"]))])
        }
        var values: [String: (String, HeaderMapping.Column)] = [:]
        var extras: [String: String] = [:]
        for (column, raw) in zip(mapping.columns, fields) {
            let value = raw.trimmedField
            guard !value.isEmpty else { continue }
            if let field = column.field { values[field] = (value, column) } else { extras[column.header] = value }
        }
        func text(_ field: String) -> String? { values[field]?.0 }
        func header(_ field: String) -> String { values[field]?.1.header ?? field }

        guard let name = text("name") else {
            return (nil, [problem(line, mapping.columns.first { $0.field == "name" }?.header ?? "企业名称", "", Reason("import.name-empty"))])
        }
        var record = EnterpriseRecord(line: line, name: name, normalizedName: CompanyName.normalized(name), extras: extras)
        if let raw = text("uscc") {
            switch USCC.validate(raw) {
            case .success(let code): record.uscc = code
            case .failure(let reason): problems.append(problem(line, header("uscc"), raw, reason.reason))
            }
        }
        if let raw = text("established") {
            switch DateValue.parse(raw) {
            case .success(let date): record.established = date
            case .failure(let reason): problems.append(problem(line, header("established"), raw, reason.reason))
            }
        }
        if let (raw, column) = values["registered_capital"] {
            switch Money.parse(raw, defaultMultiplier: column.multiplier ?? 1) {
            case .success(let money): record.registeredCapital = money
            case .failure(let reason): problems.append(problem(line, column.header, raw, reason.reason))
            }
        }
        for (field, keyPath) in [("insured", \EnterpriseRecord.insured), ("employees", \EnterpriseRecord.employees)] {
            guard let raw = text(field) else { continue }
            // Plain digits, the common case, skip the folding (the same number either way).
            let digits = raw.utf8.allSatisfy({ (0x30...0x39).contains($0) }) ? raw
                : TextNormalizer.halfWidth(raw).replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "人", with: "")
            if let count = Int(digits), count >= 0 { record[keyPath: keyPath] = count }
            else { problems.append(problem(line, header(field), raw, Reason("import.people-count"))) }
        }
        record.legalRepresentative = text("legal_representative")
        record.status = text("status")
        record.scope = text("scope")
        record.industry = text("industry")
        record.website = text("website")
        let address = text("address") ?? [text("province"), text("city"), text("district")].compactMap { $0 }.joined()
        if !address.isEmpty {
            record.address = text("address")
            let location = resolver.resolve(address, hint: record.uscc.flatMap(USCC.regionCode(of:)))
            record.location = location
            switch location.status {
            case .ok: break
            case .ambiguous:
                let candidates = (location.candidates ?? []).map(\.name).joined(separator: " / ")
                problems.append(problem(line, header("address"), address, Reason("import.address-ambiguous", ["candidates": candidates]), .review))
            case .unknown:
                problems.append(problem(line, header("address"), address, Reason("import.address-unknown"), .review))
            }
            if let uscc = record.uscc, let disagreement = Self.registrationDisagreement(uscc: uscc, location: location) {
                problems.append(problem(line, header("address"), address, disagreement, .review))
            }
        }
        return (problems.contains { $0.severity == .rejected } ? nil : record, problems)
    }

    /// Characters 3–8 of a 统一社会信用代码 are the registering authority's division: the firm was registered there. An
    /// address in another province, or another city when the authority is a city's or a district's, is worth a look —
    /// the firm may have moved (the code does not change) or the address or code may be wrong.
    static func registrationDisagreement(uscc: String, location: ResolvedAddress) -> Reason? {
        guard let authority = USCC.regionCode(of: uscc), let province = location.provinceCode else { return nil }
        if !province.hasPrefix(authority.prefix(2)) {
            return Reason("import.address-province-differs", ["province": province, "authority": authority])
        }
        guard !authority.hasSuffix("0000"), let city = location.cityCode, city.prefix(4) != authority.prefix(4) else { return nil }
        return Reason("import.address-city-differs", ["city": city, "authority": authority])
    }

    func problem(_ line: Int, _ column: String, _ value: String, _ reason: Reason, _ severity: RowProblem.Severity = .rejected) -> RowProblem {
        RowProblem(file: file, row: line, column: column, value: value, because: reason, severity: severity)
    }
}

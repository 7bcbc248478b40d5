import Foundation
import BrainModel

/// Turns one row's cells (field → value) into a demand, an offer or a talent, or the first problem with it. The
/// same rules serve imported files, the web form and the JSON API, so every way in checks the same things.
public struct MarketRowParser: Sendable {
    public struct Cell: Sendable {
        public var value: String
        public var header: String
        /// The multiplier the column's header gives its values (预算(元) → 1, (亿元) → 10⁸), nil when it names none.
        public var unit: Double?
        public init(value: String, header: String, unit: Double? = nil) { (self.value, self.header, self.unit) = (value, header, unit) }
    }

    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public var column: String
        public var value: String
        /// The reason in English (the CLI's message); `because` the same as data, rendered per language where shown.
        public var reason: String
        public var because: Reason?
        public var description: String { "\(column) \(value.isEmpty ? "" : "\"\(value)\" ")— \(reason)" }

        init(column: String, value: String, reason: String) {
            (self.column, self.value, self.reason) = (column, value, reason)
        }

        init(column: String, value: String, because: Reason) {
            (self.column, self.value, self.reason, self.because) = (column, value, ReasonText.render(because, in: .en), because)
        }
    }

    let taxonomy: ChainTaxonomy
    let resolver: AddressResolver
    private let nodesByName: [String: ChainNode]

    public init(taxonomy: ChainTaxonomy, resolver: AddressResolver) {
        self.taxonomy = taxonomy
        self.resolver = resolver
        var byName: [String: ChainNode] = [:]
        for node in taxonomy.nodes {
            for key in [node.id, node.nameZh, node.nameEn.lowercased()] where byName[key] == nil { byName[key] = node }
        }
        for (id, name) in ServiceNodes.names {
            if let node = taxonomy.node(id) { byName[name.zh] = byName[name.zh] ?? node; byName[name.en] = byName[name.en] ?? node }
        }
        nodesByName = byName
    }

    /// Fields given as plain strings (a web form, a JSON object): the field name is its own header.
    public func parse(_ kind: MarketKind, fields: [String: String]) -> Result<MarketBody, Problem> {
        var cells: [String: Cell] = [:]
        for (field, raw) in fields {
            let value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if !value.isEmpty { cells[field] = Cell(value: value, header: field) }
        }
        return parse(kind, cells) { $0 }
    }

    public func parse(_ kind: MarketKind, _ cells: [String: Cell], header: (String) -> String) -> Result<MarketBody, Problem> {
        do {
            for field in MarketFileCheck.required[kind]! where cells[field] == nil {
                throw Problem(column: header(field), value: "", because: Reason("import.field-empty", ["column": header(field)]))
            }
            switch kind {
            case .demand: return .success(.demand(try demand(cells)))
            case .offer: return .success(.offer(try offer(cells)))
            case .talent: return .success(.talent(try talent(cells)))
            }
        } catch let problem as Problem {
            return .failure(problem)
        } catch {
            return .failure(Problem(column: RowProblem.wholeRow, value: "", reason: "\(error)"))
        }
    }

    private func demand(_ cells: [String: Cell]) throws -> Demand {
        let node = try self.node(cells["node"]!)
        var need: Demand.Need = ServiceNodes.contains(node) ? .service : .talent
        if let cell = cells["need"] {
            switch cell.value.lowercased() {
            case "服务", "service", "服务需求": need = .service
            case "人才", "talent", "人才需求": need = .talent
            default: throw Problem(column: cell.header, value: cell.value, because: Reason("import.need"))
            }
        }
        if need == .service, !ServiceNodes.contains(node) {
            throw Problem(column: cells["node"]!.header, value: cells["node"]!.value,
                          because: Reason("import.not-a-service", ["node": node.nameZh, "services": serviceList]))
        }
        var deadline: String?
        if let cell = cells["deadline"] {
            switch DateValue.parse(cell.value) {
            case .success(let date): deadline = date
            case .failure(let problem): throw Problem(column: cell.header, value: cell.value, because: problem.reason)
            }
        }
        return Demand(need: need, title: try text(cells["title"]!, max: 200), nodeId: node.id, regionCode: try region(cells["region"]!),
                      detail: try cells["detail"].map { try text($0, max: 4_000) }, budgetWan: try cells["budget"].map { try Self.wan($0) },
                      deadline: deadline, minDegree: try cells["degree"].map(degree), minYears: try cells["years"].map { try count($0) },
                      headcount: try cells["headcount"].map { try count($0) })
    }

    private func offer(_ cells: [String: Cell]) throws -> ServiceOffer {
        let nodeCell = cells["node"]!, node = try self.node(nodeCell)
        guard ServiceNodes.contains(node) else {
            throw Problem(column: nodeCell.header, value: nodeCell.value, because: Reason("import.not-a-service", ["node": node.nameZh, "services": serviceList]))
        }
        var uscc: String?
        if let cell = cells["uscc"] {
            switch USCC.validate(cell.value) {
            case .success(let code): uscc = code
            case .failure(let problem): throw Problem(column: cell.header, value: cell.value, because: problem.reason)
            }
        }
        return ServiceOffer(provider: try text(cells["provider"]!, max: 200), uscc: uscc, nodeId: node.id, regionCode: try region(cells["region"]!),
                            detail: try cells["detail"].map { try text($0, max: 4_000) }, capacity: try cells["capacity"].map { try text($0, max: 500) },
                            contact: try cells["contact"].map { try text($0, max: 200) })
    }

    private func talent(_ cells: [String: Cell]) throws -> Talent {
        let nodesCell = cells["nodes"]!
        let nodeIds = try Self.split(nodesCell.value).map { try node(Cell(value: $0, header: nodesCell.header)).id }
        let honours = try cells["honours"].map { cell in try Self.split(cell.value).map { try honour($0, cell) } } ?? []
        return Talent(name: try text(cells["name"]!, max: 100), institution: try cells["institution"].map { try text($0, max: 200) },
                      title: try cells["title"].map { try text($0, max: 100) }, regionCode: try cells["region"].map(region),
                      nodeIds: nodeIds.enumerated().filter { !nodeIds.prefix($0.offset).contains($0.element) }.map(\.element), field: try cells["field"].map { try text($0, max: 500) },
                      degree: try cells["degree"].map(degree), honours: Array(Set(honours)).sorted { TalentHonour.allCases.firstIndex(of: $0)! < TalentHonour.allCases.firstIndex(of: $1)! },
                      papers: try cells["papers"].map { try count($0) }, hIndex: try cells["hindex"].map { try count($0) },
                      patents: try cells["patents"].map { try count($0) }, projectsLed: try cells["projects"].map { try count($0) },
                      industryYears: try cells["years"].map { try count($0) }, venturesFounded: try cells["ventures"].map { try count($0) },
                      contact: try cells["contact"].map { try text($0, max: 200) })
    }

    private var serviceList: String {
        ServiceNodes.names.sorted { $0.key < $1.key }.map { "\($0.value.zh) (\($0.key))" }.joined(separator: ", ")
    }

    func node(_ cell: Cell) throws -> ChainNode {
        let value = TextNormalizer.halfWidth(cell.value)
        guard let node = nodesByName[value] ?? nodesByName[value.lowercased()] else {
            throw Problem(column: cell.header, value: cell.value, because: Reason("import.not-a-node"))
        }
        return node
    }

    /// A six-digit code the code table holds, or a place name the address resolver settles.
    func region(_ cell: Cell) throws -> String {
        if cell.value.count == 6, cell.value.allSatisfy(\.isNumber) {
            guard resolver.regionName(cell.value) != nil else { throw Problem(column: cell.header, value: cell.value, because: Reason("import.no-region-code")) }
            return cell.value
        }
        let resolved = resolver.resolve(cell.value)
        guard resolved.status == .ok, let code = resolved.districtCode ?? resolved.cityCode ?? resolved.provinceCode else {
            let options = resolved.candidates?.prefix(4).map(\.name).joined(separator: ", ")
            throw Problem(column: cell.header, value: cell.value,
                          because: options.map { Reason("import.place-ambiguous", ["candidates": $0]) } ?? Reason("import.place-unknown"))
        }
        return code
    }

    func degree(_ cell: Cell) throws -> Degree {
        switch cell.value.lowercased() {
        case "本科", "学士", "bachelor": return .bachelor
        case "硕士", "研究生", "master": return .master
        case "博士", "博士研究生", "phd", "doctorate": return .doctorate
        default: throw Problem(column: cell.header, value: cell.value, because: Reason("import.degree"))
        }
    }

    func honour(_ text: String, _ cell: Cell) throws -> TalentHonour {
        let t = text.lowercased()
        if t.contains("院士") || t == "academician" { return .academician }
        // Provincial and city programmes first: 省杰青 and 姑苏领军人才 are not the national titles they echo.
        if ["省", "市", "姑苏", "双创", "provincial"].contains(where: t.contains) { return .provincial }
        if ["优青", "优秀青年", "青年长江", "青年拔尖", "青年千人", "青年人才", "海外优青", "national-young"].contains(where: t.contains) { return .nationalYoung }
        if ["杰青", "杰出青年", "长江学者", "万人计划", "领军", "national-leading"].contains(where: t.contains) { return .nationalLeading }
        throw Problem(column: cell.header, value: text,
                      because: Reason("import.honour"))
    }

    /// An amount in 万元: a bare number is in the header's unit (最高金额(元), 预算(亿元)) or, when the header names
    /// none, in 万元 as the templates say; a cell may carry its own unit (500万元, 1.2亿, 3000000元). Another currency
    /// is refused rather than converted.
    public static func wan(_ cell: Cell) throws -> Double {
        switch Money.parse(cell.value, defaultMultiplier: cell.unit ?? 10_000) {
        case .success(let money) where money.currency == "CNY": return money.wan
        case .success(let money):
            throw Problem(column: cell.header, value: cell.value, because: Reason("import.amount-not-yuan", ["currency": money.currency]))
        case .failure:
            throw Problem(column: cell.header, value: cell.value, because: Reason("import.amount-wan"))
        }
    }

    func count(_ cell: Cell) throws -> Int {
        guard let value = Int(TextNormalizer.halfWidth(cell.value)), (0...100_000).contains(value) else {
            throw Problem(column: cell.header, value: cell.value, because: Reason("import.whole-number"))
        }
        return value
    }

    func text(_ cell: Cell, max: Int) throws -> String {
        guard cell.value.count <= max else { throw Problem(column: cell.header, value: String(cell.value.prefix(40)), because: Reason("import.too-long", ["max": "\(max)"])) }
        return cell.value
    }

    static func split(_ text: String) -> [String] {
        text.split(whereSeparator: { ",，;；、/|".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

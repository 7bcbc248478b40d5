import ArgumentParser
import Foundation
import BrainAnalytics
import BrainIngest
import BrainModel
import BrainUseCases

struct AnalyzeChokepoints: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "chokepoints", abstract: "卡脖子: supplier concentration per chain node and product.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "A chain node id (e.g. culture-media); all nodes when omitted.") var node: String?
    @Option(help: "Weight of a supplier: firms, employees or assets.") var measure: Measure = .assets
    @Flag(help: "Print JSON.") var json = false
    @Option(help: "Language of the printed notes and flags: zh (default) or en.") var lang: DisplayLanguage = .zh

    func run() async throws {
        let workbench = try await AnalyticsLoader.workbench(store.db)
        let vetted = try await workbench.productLinks()
        let report = try analytics { try Chokepoints.report(workbench.index, measure: measure, node: node, vetted: vetted) }
        if json { return try Output.json(report, language: lang) }
        let zh = lang == .zh
        print(ReasonText.render(report.tradeFigures, in: lang))
        print(Output.row([(zh ? "节点" : "node", 24), (zh ? "供应商" : "suppliers", -9), (zh ? "企业 HHI" : "HHI firms", -10), (zh ? "集中度" : "band", 15),
                          (zh ? "省份 HHI" : "HHI prov.", -10), (zh ? "最大供应商" : "top supplier", 0)]))
        for n in report.nodes {
            print(Output.row([(zh ? n.node.nameZh : n.node.nameEn, 24), ("\(n.suppliers)", -9), (Output.number(n.hhiFirms, 3), -10), (ReasonText.render(Reason("band." + n.bandFirms), in: lang), 15),
                              (Output.number(n.hhiRegions, 3), -10), ("\(n.topSupplier ?? "–") \(Output.number(n.topSupplierShare.map { $0 * 100 }, 0))%", 0)]))
            if !n.flags.isEmpty { print("    " + ReasonText.render(n.flags, in: lang)) }
        }
    }
}

struct AnalyzeQuality: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "quality", abstract: "Enterprise development quality: five dimensions with their components.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "Enterprise id, e.g. 600276.SH.") var id: String
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        let quality = try await AnalyticsLoader.workbench(store.db).enterpriseQuality()
        let score = try analytics { try quality.score(id) }
        if json { return try Output.json(score) }
        print("\(score.name) \(score.enterpriseId): \(Output.number(score.score, 1)) / 100, rank \(score.rank.map(String.init) ?? "–") of \(score.of), coverage \(Output.number(score.coverage * 100, 0))%")
        for d in score.dimensions {
            print("  \(ReasonText.render(d.label, in: .zh)): \(Output.number(d.score, 1)) (coverage \(Output.number(d.coverage * 100, 0))%)")
            for c in d.components { print("      \(c.indicator): \(Output.number(c.raw)) → \(Output.number(c.normalised, 1))") }
        }
    }
}

struct AnalyzeIndex: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Composite index: on your file (--data, --spec) or the default innovation index of the region's level.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "A region code: its level's innovation index, this region highlighted.") var region: String?
    @Option(help: "CSV with unit, optional year, and one column per indicator.") var data: String?
    @Option(help: "JSON spec: normalisation, weights or groups, aggregation, polarity, monteCarlo.") var spec: String?
    @Option(help: "First year of the default index.") var from: Int = 2019
    @Option(help: "Last year of the default index.") var to: Int = 2023
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        var indexSpec = RegionInnovationIndex.defaultSpec
        if let spec {
            do { indexSpec = try JSONDecoder().decode(IndexSpec.self, from: Data(contentsOf: URL(fileURLWithPath: spec))) }
            catch { throw ValidationError("\(spec): not a valid index spec: \(error)") }
        }
        let table: IndicatorTable
        if let data {
            let file: IndicatorFile
            do { file = try IndicatorFile(url: URL(fileURLWithPath: data)) } catch { throw CommandFailure(error.description) }
            table = IndicatorTable(indicators: file.indicators, rows: file.rows.map { .init(unit: $0.unit, year: $0.year, values: $0.values) })
        } else {
            guard let region else { throw ValidationError("pass a region code, or --data FILE.csv") }
            guard from <= to else { throw ValidationError("--from must not be after --to") }
            let index = try await AnalyticsLoader.index(store.db)
            guard let found = index.regionsByCode[region], found.level != .country else { throw ValidationError("unknown region \(region)") }
            table = RegionInnovationIndex.table(index, level: found.level, years: from...to)
        }
        let result = try analytics { try CompositeIndex.compute(table, spec: indexSpec) }
        if json { return try Output.json(result) }
        let rows = result.rows.filter { region == nil || data != nil || $0.unit == region }
        print(Output.row([("unit", 16), ("year", 6), ("score", -8), ("rank", -5), ("Δ points", -9), ("Δ %", -7), ("rank band", 12)]))
        for row in rows.prefix(200) {
            print(Output.row([(row.unit, 16), (row.year ?? "", 6), (Output.number(row.score), -8), (row.rank.map(String.init) ?? "–", -5),
                              (Output.number(row.change?.points), -9), (Output.number(row.change?.percent), -7),
                              (row.rankBand.map { "\($0.p5)–\($0.p95)" } ?? "", 12)]))
        }
        for note in result.notes { print("注：\(ReasonText.render(note, in: .zh))") }
    }
}

struct AnalyzeComplexity: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "complexity", abstract: "RCA, proximity, density, ECI/PCI, COI/COG and fitness–complexity of a region,sector,value[,year] CSV.")
    @Option(help: "CSV with columns region,sector,value and optionally year.") var matrix: String
    @Option(help: "Presence threshold on RCA.") var threshold: Double = 1
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let file: MatrixFile
        do { file = try MatrixFile(url: URL(fileURLWithPath: matrix)) } catch { throw CommandFailure(error.description) }
        guard threshold > 0, threshold.isFinite else { throw ValidationError("--threshold must be positive") }
        var document = ComplexityDocument(threshold: threshold)
        let years: [String?] = file.hasYear ? Array(Set(file.cells.compactMap(\.year))).sorted() : [nil]
        for year in years {
            let cells = file.cells.filter { $0.year == year }.map { (row: $0.region, column: $0.sector, value: $0.value) }
            document.append(EconomicComplexity.compute(LabeledMatrix(cells: cells), threshold: threshold), year: year)
        }
        if !file.emptyValueRows.isEmpty {
            document.notes.insert(.init(code: "empty-cells-read-as-zero", rows: file.emptyValueRows), at: 0)
        }
        if json { return try Output.json(document) }
        print(Output.row([("year", 6), ("region", 20), ("diversity", -9), ("ECI", -8), ("COI", -8), ("fitness", -8)]))
        for row in document.regions {
            print(Output.row([(row.year ?? "", 6), (row.region, 20), (Output.number(row.diversity, 0), -9), (Output.number(row.eci), -8),
                              (Output.number(row.coi), -8), (Output.number(row.fitness), -8)]))
        }
        for note in document.notes { print(Self.describe(note)) }
    }

    /// Notes in Chinese first, then English, as the CLI's other notes.
    static func describe(_ note: ComplexityDocument.Note) -> String {
        let year = note.year.map { "（\($0) 年）" } ?? ""
        switch note.code {
        case "empty-cells-read-as-zero":
            let rows = note.rows ?? []
            let shown = rows.prefix(10).map(String.init).joined(separator: ", ") + (rows.count > 10 ? " …" : "")
            return "注意：\(rows.count) 个空值按 0 计（第 \(shown) 行），与 ecomplexity 的约定一致 / note: \(rows.count) empty values read as 0 (rows \(shown)), as ecomplexity does"
        case "presence-disconnected":
            let regions = (note.regions ?? []).joined(separator: ", "), sectors = (note.sectors ?? []).joined(separator: ", ")
            return "警告\(year)：地区 \(regions) 与行业 \(sectors) 自成一块，与其余矩阵不连通，ECI/PCI 在此不适定 / warning: regions \(regions) and sectors \(sectors) are disconnected from the rest; ECI/PCI are ill-posed"
        default:
            return "note: \(note.code)"
        }
    }
}

struct AnalyzePark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "park", abstract: "A park's firms and location quotients per chain node.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "Park id, e.g. suzhou-biobay (see data/parks/parks.csv).") var id: String
    @Option(help: "What a cell adds up: firms, employees or assets.") var measure: Measure = .firms
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        let index = try await AnalyticsLoader.index(store.db)
        let report = try analytics { try ParkProfile.report(index, park: id, measure: measure) }
        if json { return try Output.json(report) }
        print("\(report.park.name) in \(report.region.name) \(report.region.code); positioning: \(report.park.positioning.joined(separator: "、"))")
        for row in report.nodes where row.value > 0 {
            print(Output.row([(row.node.nameZh, 24), (Output.number(row.value, 0), -8), (Output.number(row.lq), -7), (row.present ? "present" : "", 8)]))
        }
        print(report.caveat)
    }
}

import Foundation
import BrainModel

/// `brain generate`: a reproducible synthetic data folder, in the very files the importers read, for scale tests.
///
/// Each synthetic firm resamples one real listed firm (its city, industry, 申万 code, board, ownership, size and main
/// products) and jitters its numbers, so regions, chain nodes and sizes follow the real joint distribution. Ids use
/// the non-existent exchange suffix `.SY`, names end in a serial number, and the folder holds a `SYNTHETIC` marker that
/// makes the importer write `synthetic` provenance on every generated row, so the data can never pass for real.
/// Reference files (regions, chain, universities, parks, policies, the 申万 code list, product relations) are copied.
public struct SyntheticDataset: Sendable {
    public static let marker = "SYNTHETIC"
    public let source: URL
    public let firms: Int
    public let seed: UInt64
    /// main products kept per synthetic firm (the real firm's highest-weight ones)
    public let productsPerFirm: Int

    public init(source: URL, firms: Int, seed: UInt64, productsPerFirm: Int = 3) {
        self.source = source; self.firms = firms; self.seed = seed; self.productsPerFirm = productsPerFirm
    }

    struct Template {
        var company: CSVRow
        var basic: CSVRow?
        var bak: CSVRow?
        var swCode: String?
        var products: [(String, String)]
    }

    /// Writes into a temporary sibling folder and swaps it in only when complete: a failure leaves `out` as it was.
    public func write(to destination: URL) throws {
        guard (1...999_999).contains(firms) else { throw SourceFileError(file: "--firms", reason: "must be from 1 to 999,999 (six-digit codes)") }
        let manager = FileManager.default
        let out = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)")
        try? manager.removeItem(at: out)
        do {
            try writeFolder(out)
            try? manager.removeItem(at: destination)
            try manager.moveItem(at: out, to: destination)
        } catch {
            try? manager.removeItem(at: out)
            throw error
        }
    }

    private func writeFolder(_ out: URL) throws {
        let manager = FileManager.default
        for folder in ["regions", "chain", "universities", "parks", "policies", "sw2021/sw2021_codes.csv", "chain-kg/product_product.csv"]
        where !manager.fileExists(atPath: source.appendingPathComponent(folder).path) {
            throw SourceFileError(file: folder, reason: "missing from the source data folder \(source.path)")
        }
        for folder in ["regions", "chain", "universities", "parks", "policies"] {
            try manager.createDirectory(at: out.appendingPathComponent(folder).deletingLastPathComponent(), withIntermediateDirectories: true)
            try manager.copyItem(at: source.appendingPathComponent(folder), to: out.appendingPathComponent(folder))
        }
        for file in ["sw2021/sw2021_codes.csv", "chain-kg/product_product.csv"] {
            try manager.createDirectory(at: out.appendingPathComponent(file).deletingLastPathComponent(), withIntermediateDirectories: true)
            try manager.copyItem(at: source.appendingPathComponent(file), to: out.appendingPathComponent(file))
        }
        let templates = try loadTemplates()
        let nameCharacters = Array(Set(templates.compactMap { $0.basic?.optional("name") }.joined()).filter { !$0.isASCII }).sorted()
        var random = SplitMix64(seed: seed)
        let company = try CSVWriter(url: out.appendingPathComponent("companies/stock_company.csv"),
                                    header: ["ts_code", "exchange", "reg_capital", "setup_date", "province", "city", "website", "employees"])
        let basic = try CSVWriter(url: out.appendingPathComponent("companies/stock_basic.csv"),
                                  header: ["ts_code", "symbol", "name", "area", "industry", "market", "list_date", "act_ent_type"])
        let bak = try CSVWriter(url: out.appendingPathComponent("companies/bak_basic_20240513.csv"),
                                header: ["trade_date", "ts_code", "name", "total_assets", "rev_yoy", "profit_yoy", "gpr", "npr"])
        let sw = try CSVWriter(url: out.appendingPathComponent("sw2021/sw_stock_classify_history.csv"),
                               header: ["stock_code", "start_date", "sw_code", "updated"])
        let products = try CSVWriter(url: out.appendingPathComponent("chain-kg/company_product.csv"),
                                     header: ["company_code", "product", "rel", "weight"])
        let ipos = try CSVWriter(url: out.appendingPathComponent("companies/new_share.csv"), header: ["ts_code", "name", "ipo_date", "issue_date", "price", "funds"])
        for (file, header) in [("companies/namechange.csv", ["ts_code", "name", "start_date", "end_date", "ann_date", "change_reason"]),
                               ("chain-kg/companies.csv", ["code", "name", "fullname"]),
                               ("chain-kg/company_industry.csv", ["company_code", "industry_code"]),
                               ("companies/profiles_financedatabase.csv", ["code", "name_en", "sector", "industry", "business_summary_en"])] {
            try CSVWriter(url: out.appendingPathComponent(file), header: header).close()
        }
        for i in 0..<firms {
            let t = templates[random.below(templates.count)]
            let stock = String(format: "%06d", i), id = stock + ".SY"
            // City + two characters drawn from real names + industry + serial: plausible to search, plainly not a real firm.
            let name = (t.company.optional("city") ?? "").replacingOccurrences(of: "市", with: "")
                + String(nameCharacters[random.below(nameCharacters.count)]) + String(nameCharacters[random.below(nameCharacters.count)])
                + (t.basic?.optional("industry") ?? "企业") + String(format: "%06d", i)
            let scale = 0.5 + random.unit()  // ×0.5–1.5 keeps the real size distribution's shape
            func jitter(_ text: String?) -> String { text.flatMap(Double.init).map { String(format: "%.2f", $0 * scale) } ?? "" }
            company.write([id, "SYN", jitter(t.company.optional("reg_capital")), t.company.optional("setup_date") ?? "",
                           t.company.optional("province") ?? "", t.company.optional("city") ?? "", "",
                           t.company.optional("employees").flatMap(Double.init).map { String(Int(($0 * scale).rounded())) } ?? ""])
            basic.write([id, stock, name, t.basic?.optional("area") ?? "", t.basic?.optional("industry") ?? "",
                         t.basic?.optional("market") ?? "", t.basic?.optional("list_date") ?? "", t.basic?.optional("act_ent_type") ?? ""])
            if let row = t.bak {
                bak.write(["20240513", id, name, jitter(row.optional("total_assets"))]
                          + ["rev_yoy", "profit_yoy", "gpr", "npr"].map { row.optional($0) ?? "" })
            }
            if let code = t.swCode { sw.write([stock, "2021-07-30", code, "2024-08-30"]) }
            for (product, weight) in t.products { products.write([id, product, "主营产品", weight]) }
            if let listed = t.basic?.optional("list_date"), listed >= "20200101" { ipos.write([id, name, listed, listed, "", ""]) }
        }
        for writer in [company, basic, bak, sw, products, ipos] { try writer.close() }
        try "brain generate --firms \(firms) --seed \(seed): synthetic data resampled from \(source.path); not real firms.\n"
            .write(to: out.appendingPathComponent(Self.marker), atomically: true, encoding: .utf8)
    }

    /// Real firms with a location, joined with their basic row, fundamentals, latest 申万 code and top products.
    func loadTemplates() throws -> [Template] {
        func table(_ file: String, _ columns: [String]) throws -> CSVTable {
            try CSVTable(url: source.appendingPathComponent(file), file: file, requiredColumns: columns)
        }
        let basic = Dictionary(try table("companies/stock_basic.csv", ["ts_code"]).rows.map { ($0.optional("ts_code") ?? "", $0) },
                               uniquingKeysWith: { a, _ in a })
        let bak = Dictionary(try table("companies/bak_basic_20240513.csv", ["ts_code"]).rows.map { ($0.optional("ts_code") ?? "", $0) },
                             uniquingKeysWith: { a, _ in a })
        var latest: [String: (String, String)] = [:]
        for row in try table("sw2021/sw_stock_classify_history.csv", ["stock_code", "start_date", "sw_code"]).rows {
            guard let stock = row.optional("stock_code"), let date = row.optional("start_date"), let code = row.optional("sw_code") else { continue }
            if let current = latest[stock], current.0 >= date { continue }
            latest[stock] = (date, code)
        }
        var products: [String: [(String, String)]] = [:]
        for row in try table("chain-kg/company_product.csv", ["company_code", "product", "weight"]).rows {
            guard let code = row.optional("company_code"), let product = row.optional("product") else { continue }
            products[String(code.prefix(6)), default: []].append((product, row.optional("weight") ?? ""))
        }
        let templates = try table("companies/stock_company.csv", ["ts_code", "city"]).rows.compactMap { row -> Template? in
            guard let id = row.optional("ts_code"), row.optional("city") != nil else { return nil }
            let stock = String(id.prefix(6))
            let top = (products[stock] ?? []).sorted { (Double($0.1) ?? 0) > (Double($1.1) ?? 0) }.prefix(productsPerFirm)
            return Template(company: row, basic: basic[id], bak: bak[id], swCode: latest[stock]?.1, products: Array(top))
        }
        guard !templates.isEmpty else { throw SourceFileError(file: "companies/stock_company.csv", reason: "no located firms to resample") }
        return templates
    }
}

import Foundation
import BrainModel

/// What the chain classifier needs besides the enterprise itself.
struct ClassificationInputs: Sendable {
    var swL3: [String: String] = [:]
    var tushareIndustry: [String: String] = [:]
    var swNames: [String: String] = [:]
    var productsByEnterprise: [String: [EnterpriseProduct]] = [:]
    /// Stock code → English business profile.
    var profiles: [String: BusinessProfile] = [:]
    /// Stock codes the chain knowledge graph (2021) classed under 申万 医药生物.
    var kgBiomedicine: Set<String> = []
}

/// All A-share listed firms (the real denominator for location quotients), located to city codes.
struct EnterpriseLoader {
    static let tushareAsOf = "2024-05-13"
    /// Tushare industries that are biomedicine (Tushare's own classification of the 2024-05 snapshot).
    static let biomedicineTushareIndustries: Set<String> = ["化学制药", "生物制药", "中成药", "医疗保健", "医药商业"]

    let folder: URL
    let gazetteer: Gazetteer

    func load(report: inout ImportReport) throws(SourceFileError) -> ([Enterprise], ClassificationInputs) {
        var inputs = ClassificationInputs()
        let tushare = Provenance(source: "tushare-2024-05", asOf: Self.tushareAsOf)

        let basic = try table("companies/stock_basic.csv", ["ts_code", "name", "area", "industry", "market", "list_date", "act_ent_type"])
        let company = try table("companies/stock_company.csv", ["ts_code", "exchange", "reg_capital", "setup_date", "province", "city", "website", "employees"])
        let bak = try table("companies/bak_basic_20240513.csv", ["trade_date", "ts_code", "name", "total_assets"])
        let kgCompanies = try table("chain-kg/companies.csv", ["code", "name", "fullname"])
        let swCodes = try table("sw2021/sw2021_codes.csv", ["sw_code", "l1_name", "l2_name", "l3_name"])
        let swHistory = try table("sw2021/sw_stock_classify_history.csv", ["stock_code", "start_date", "sw_code"])
        let kgIndustry = try table("chain-kg/company_industry.csv", ["company_code", "industry_code"])

        for row in swCodes.rows {
            let code = try row.digits("sw_code", count: 6)
            inputs.swNames[code] = row.optional("l3_name") ?? row.optional("l2_name") ?? row.optional("l1_name")
        }
        var swReport = FileReport(file: swHistory.file)
        var latestSW: [String: (date: String, code: String)] = [:]
        for row in swHistory.rows {
            let stock = try row.digits("stock_code", count: 6)
            let code = try row.digits("sw_code", count: 6)
            let date = try row.required("start_date")
            swReport.accept()
            if let current = latestSW[stock], current.date >= date { continue }
            latestSW[stock] = (date, code)
        }

        var kgNames: [String: (name: String, fullName: String?)] = [:]
        var kgReport = FileReport(file: kgCompanies.file)
        for row in kgCompanies.rows {
            kgNames[String(try row.required("code").prefix(6))] = (try row.required("name"), row.optional("fullname"))
            kgReport.accept()
        }
        var kgBiomedicine: Set<String> = []
        var kgIndustryReport = FileReport(file: kgIndustry.file)
        for row in kgIndustry.rows {
            if try row.digits("industry_code", count: 6).hasPrefix("37") {
                kgBiomedicine.insert(String(try row.required("company_code").prefix(6)))
            }
            kgIndustryReport.accept()
        }

        var bakByCode: [String: (name: String, assets: Double?, date: String, ratios: [Double?])] = [:]
        var bakReport = FileReport(file: bak.file)
        for row in bak.rows {
            let code = try row.required("ts_code"), date = try row.required("trade_date")
            let assets = try row.double("total_assets")
            bakReport.accept()
            if let existing = bakByCode[code], existing.date >= date { continue }
            // The source writes 0.0 where a figure was not reported (e.g. just-listed firms): exact zeros mean missing.
            let ratios = try ["rev_yoy", "profit_yoy", "gpr", "npr"].map { column throws(SourceFileError) in
                try row.double(column).flatMap { $0 == 0 ? nil : $0 }
            }
            bakByCode[code] = (try row.required("name"), assets.flatMap { $0 > 0 ? $0 : nil }, date, ratios)
        }

        var basicByCode: [String: CSVRow] = [:]
        for row in basic.rows { basicByCode[try row.required("ts_code")] = row }
        var companyByCode: [String: CSVRow] = [:]
        for row in company.rows { companyByCode[try row.required("ts_code")] = row }

        var companyReport = FileReport(file: company.file)
        var basicReport = FileReport(file: basic.file)
        var enterprises: [Enterprise] = []
        let ids = (company.rows + basic.rows).compactMap { $0.optional("ts_code") }
        var seen: Set<String> = []
        for id in ids where seen.insert(id).inserted {
            let stock = String(id.prefix(6))
            let basicRow = basicByCode[id], companyRow = companyByCode[id]
            guard let name = basicRow?.optional("name") ?? bakByCode[id]?.name ?? kgNames[stock]?.name else {
                let row = companyRow ?? basicRow!
                companyReport.reject(row.error("ts_code", value: id, "no name for this stock code in any source")); continue
            }
            var enterprise = Enterprise(id: id, name: name, fullName: kgNames[stock]?.fullName, stockCode: stock,
                                        provenance: tushare)
            enterprise.market = basicRow?.optional("market")
            enterprise.listDate = SourceDate.iso(basicRow?.optional("list_date"))
            enterprise.ownership = basicRow?.optional("act_ent_type").flatMap { $0 == "无" ? nil : $0 }
            enterprise.totalAssetsYi = bakByCode[id]?.assets
            if let ratios = bakByCode[id]?.ratios {
                (enterprise.revenueGrowthPct, enterprise.profitGrowthPct) = (ratios[0], ratios[1])
                (enterprise.grossMarginPct, enterprise.netMarginPct) = (ratios[2], ratios[3])
            }
            if let row = companyRow {
                enterprise.exchange = row.optional("exchange")
                enterprise.registeredCapitalWan = try row.double("reg_capital")
                enterprise.employees = try row.double("employees").map { Int($0) }
                enterprise.setupDate = SourceDate.iso(row.optional("setup_date"))
                enterprise.website = row.optional("website")
                if let city = row.optional("city") {
                    if let located = gazetteer.locate(province: row.optional("province"), city: city) {
                        enterprise.cityCode = located.city
                        enterprise.districtCode = located.district
                        enterprise.provinceCode = Region.provinceCode(of: located.city)
                    } else {
                        companyReport.warn(row.error("city", value: city, "city name not found in the gazetteer; firm kept without a city"))
                    }
                }
                if enterprise.provinceCode == nil, let province = row.optional("province") {
                    enterprise.provinceCode = gazetteer.provinceCode(named: province)
                }
                companyReport.accept()
            }
            if let row = basicRow {
                if enterprise.provinceCode == nil, let area = row.optional("area") {
                    enterprise.provinceCode = gazetteer.provinceCode(named: area)
                }
                if let industry = row.optional("industry") { inputs.tushareIndustry[id] = industry }
                basicReport.accept()
            }
            if let sw = latestSW[stock]?.code, sw.hasPrefix("37") || inputs.swL3[id] == nil {
                inputs.swL3[id] = sw
                enterprise.sw2021L3 = sw
            }
            enterprise.isBiomedicine = (enterprise.sw2021L3?.hasPrefix("37") ?? false)
                || Self.biomedicineTushareIndustries.contains(inputs.tushareIndustry[id] ?? "")
                || kgBiomedicine.contains(stock)
            enterprises.append(enterprise)
        }
        inputs.kgBiomedicine = kgBiomedicine
        report.files += [companyReport, basicReport, bakReport, swReport, kgReport, kgIndustryReport]
        return (enterprises, inputs)
    }

    private func table(_ path: String, _ columns: [String]) throws(SourceFileError) -> CSVTable {
        try CSVTable(url: folder.appendingPathComponent(path), file: path, requiredColumns: columns)
    }
}

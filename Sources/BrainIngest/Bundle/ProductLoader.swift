import Foundation
import BrainModel

/// Company → product (with revenue share) and product → product relations of the chain knowledge graph.
struct ProductLoader {
    let folder: URL

    func load(enterpriseIdsByStock: [String: String], report: inout ImportReport)
        throws(SourceFileError) -> ([EnterpriseProduct], [ProductRelation]) {
        let provenance = Provenance(source: "chainkg-liuhuanyong", asOf: "2021-10")
        let companyProduct = try CSVTable(url: folder.appendingPathComponent("chain-kg/company_product.csv"),
                                          file: "chain-kg/company_product.csv",
                                          requiredColumns: ["company_code", "product", "weight"])
        var products: [EnterpriseProduct] = []
        var productReport = FileReport(file: companyProduct.file)
        for row in companyProduct.rows {
            let code = try row.required("company_code")
            let product = try row.required("product")
            let weight = try row.double("weight")
            guard let id = enterpriseIdsByStock[String(code.prefix(6))] else {
                productReport.reject(row.error("company_code", value: code, "company is not among the listed firms of 2024-05"))
                continue
            }
            products.append(EnterpriseProduct(enterpriseId: id, product: product, revenueShare: weight, provenance: provenance))
            productReport.accept()
        }

        let productProduct = try CSVTable(url: folder.appendingPathComponent("chain-kg/product_product.csv"),
                                          file: "chain-kg/product_product.csv",
                                          requiredColumns: ["from_product", "to_product", "rel"])
        var relations: [ProductRelation] = []
        var relationReport = FileReport(file: productProduct.file)
        for row in productProduct.rows {
            let rel = try row.required("rel")
            let kind: ProductRelationKind
            switch rel {
            case "上游材料": kind = .upstreamMaterial
            case "产品小类": kind = .subclass
            case "下游产品": kind = .downstreamProduct
            default:
                relationReport.reject(row.error("rel", value: rel, "unknown relation kind")); continue
            }
            relations.append(ProductRelation(from: try row.required("from_product"), to: try row.required("to_product"),
                                             kind: kind, provenance: provenance))
            relationReport.accept()
        }
        report.files += [productReport, relationReport]
        return (products, relations)
    }
}

extension ReasonCatalogue {
    /// Where a value came from and why a firm is related (provenance labels, RelatedFirms).
    static let sources: [String: ReasonTemplate] = [
        "source.import-row": ReasonTemplate(zh: "导入 #{import} {file} 第 {row} 行", en: "import #{import} {file}, row {row}"),
        "related.same-node": ReasonTemplate(zh: "同属 {node}", en: "also on {node}"),
        "related.supplies": ReasonTemplate(zh: "供应 {input} → 本企业 {product}", en: "supplies {input} → this firm's {product}"),
        "related.buys": ReasonTemplate(zh: "采用 本企业 {product} → {output}", en: "uses this firm's {product} → {output}"),
    ]
}

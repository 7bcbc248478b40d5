/// Refusals of writes outside an organisation's region scope (issue 19 item 1, docs/security.md "Region scope").
/// `{scope}` is the organisation's region code, `{region}` the place the write touches (or "未知" when the firm has none).
extension ReasonCatalogue {
    static let scope: [String: ReasonTemplate] = [
        "scope.firm-outside": .init(zh: "该企业（{firm}，所在地 {region}）不在本机构辖区 {scope} 内，不能校正其产业链环节或所在地",
                                    en: "the firm {firm} (in {region}) is outside this organisation's region {scope}: its chain nodes and location are not yours to correct"),
        "scope.region-outside": .init(zh: "目标地区 {region} 不在本机构辖区 {scope} 内", en: "the region {region} is outside this organisation's region {scope}"),
    ]
}

/// An organisation's region scope (issue 19 item 1): a province's code covers every code of the province (320000 →
/// 32…), a city's its districts (320500 → 3205…), a district only itself; no scope is national. What a bureau may
/// change of the shared facts (curations of a firm's chain node or location, publishing) is its region's.
public enum RegionScope {
    /// The leading digits a scope's codes share: 320000 → "32", 320500 → "3205", 320506 → "320506".
    public static func prefix(_ scope: String) -> String {
        if scope.hasSuffix("0000") { return String(scope.dropLast(4)) }
        if scope.hasSuffix("00") { return String(scope.dropLast(2)) }
        return scope
    }

    /// Whether `scope` (nil: national) covers a place with `code`. A place of unknown region (nil) is only the
    /// nation's, and the country's own code (100000) is below no region.
    public static func covers(_ scope: String?, _ code: String?) -> Bool {
        guard let scope else { return true }
        guard let code, code.count == 6, scope.count == 6 else { return false }
        return code.hasPrefix(prefix(scope))
    }
}

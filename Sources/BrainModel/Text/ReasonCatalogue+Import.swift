/// Why an imported row, or one of its values, was rejected or sent to review (`RowProblem.code`/`values`): the
/// file, row and column travel beside the reason, so the templates speak of the value only.
extension ReasonCatalogue {
    static let imports: [String: ReasonTemplate] = [
        // The row as a whole.
        "import.field-count": .init(zh: "本行有 {found} 列，表头有 {expected} 列",
                                    en: "has {found} fields, the header has {expected}"),
        "import.row-too-long": .init(zh: "本行超过 1 MiB", en: "the row is longer than 1 MiB"),
        "import.name-empty": .init(zh: "企业名称为空", en: "the company name is empty"),
        "import.field-empty": .init(zh: "“{column}”为空", en: "{column} is empty"),
        "import.no-firm": .init(zh: "本行未写明企业（企业名称或统一社会信用代码）", en: "the row names no firm (企业名称 or 统一社会信用代码)"),
        "import.duplicate-code": .init(zh: "与第 {first} 行的统一社会信用代码重复", en: "duplicate of row {first}"),
        "import.same-name": .init(zh: "与第 {first} 行同名，且无统一社会信用代码可区分",
                                  en: "same name as row {first} and no 统一社会信用代码 to tell them apart"),
        // 统一社会信用代码 (GB 32100-2015).
        "import.uscc-length": .init(zh: "统一社会信用代码应为 18 位，此处为 {length} 位",
                                    en: "a 统一社会信用代码 has 18 characters, not {length}"),
        "import.uscc-character": .init(zh: "第 {position} 位“{character}”不是允许的字符（数字及除 I、O、Z、S、V 外的大写字母）",
                                       en: "character {position} '{character}' is not allowed (digits and capitals except I, O, Z, S, V)"),
        "import.check-digit": .init(zh: "校验码为 {found}，应为 {expected}（GB 32100-2015）",
                                    en: "check character is {found}, expected {expected} (GB 32100-2015)"),
        "import.uscc-authority": .init(zh: "第 1 位“{character}”不是 GB 32100-2015 规定的登记管理部门代码（1–9、A、N 或 Y）",
                                       en: "character 1 '{character}' is not a registration authority of GB 32100-2015 (1–9, A, N or Y)"),
        "import.uscc-category": .init(zh: "第 2 位“{character}”不是登记管理部门“{authority}”的机构类别（GB 32100-2015）",
                                      en: "character 2 '{character}' is not a kind of body registered by authority '{authority}' (GB 32100-2015)"),
        "import.uscc-region": .init(zh: "第 3–8 位“{code}”不是行政区划代码（应为省级两位数字加四位数字）",
                                    en: "characters 3–8 '{code}' are not a region code (a province's two digits, then four digits)"),
        "import.uscc-placeholder": .init(zh: "占位代码，并非真实的统一社会信用代码（{why}）；代码未知时请留空",
                                         en: "a placeholder, not a real 统一社会信用代码 ({why}); leave the cell empty if the code is unknown"),
        // Dates, amounts and counts.
        "import.date-unreadable": .init(zh: "“{value}”不是日期（示例：2019-06-10、2019/6/10、2019年6月10日、20190610）",
                                        en: "'{value}' is not a date (expected e.g. 2019-06-10, 2019/6/10, 2019年6月10日, 20190610)"),
        "import.date-impossible": .init(zh: "“{value}”不是真实存在的日期", en: "'{value}' is not a calendar date"),
        "import.date-excel-1900": .init(zh: "Excel 序列号 60 对应 1900-02-29，该日并不存在（Excel 的 1900 闰年错误）",
                                        en: "Excel serial 60 is 1900-02-29, a day that did not exist (Excel's 1900 leap-year bug)"),
        "import.amount-unreadable": .init(zh: "“{value}”不是金额（示例：500万元、1.2亿元、100万美元、5000000）",
                                          en: "'{value}' is not an amount (expected e.g. 500万元, 1.2亿元, 100万美元, 5000000)"),
        "import.people-count": .init(zh: "人数应为非负整数", en: "expected a whole number of people"),
        // Addresses (sent to review, not rejected).
        "import.address-ambiguous": .init(zh: "地址无法确定属于 {candidates} 中的哪一个",
                                          en: "the address does not decide between {candidates}"),
        "import.address-unknown": .init(zh: "地址中未识别出省、市或区县", en: "no province, city or district recognised in the address"),
        "import.address-province-differs": .init(zh: "地址位于省级区划 {province}，统一社会信用代码登记于 {authority}：企业已迁址，还是地址或代码有误？",
                                                 en: "the address lies in province {province}, the credit code was issued in {authority}: moved, or a wrong address or code?"),
        "import.address-city-differs": .init(zh: "地址位于地市 {city}，统一社会信用代码登记于 {authority}：企业已迁址，还是地址或代码有误？",
                                             en: "the address lies in city {city}, the credit code was issued in {authority}: moved, or a wrong address or code?"),
    ]
}

import BrainModel
import Foundation

/// Dates as registries and spreadsheets write them, to ISO 8601 (yyyy-MM-dd): 2019-06-10, 2019/6/10, 2019.6.10,
/// 2019年6月10日, 20190610, and Excel serial numbers (1900 date system, including its fictitious 1900-02-29).
public enum DateValue {
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case unreadable(String)
        case impossible(String)
        case excelLeapYearBug

        public var reason: Reason {
            switch self {
            case .unreadable(let text): Reason("import.date-unreadable", ["value": text])
            case .impossible(let text): Reason("import.date-impossible", ["value": text])
            case .excelLeapYearBug: Reason("import.date-excel-1900")
            }
        }

        public var description: String {
            switch self {
            case .unreadable(let text): "'\(text)' is not a date (expected e.g. 2019-06-10, 2019/6/10, 2019年6月10日, 20190610)"
            case .impossible(let text): "'\(text)' is not a calendar date"
            case .excelLeapYearBug: "Excel serial 60 is 1900-02-29, a day that did not exist (Excel's 1900 leap-year bug)"
            }
        }
    }

    public static func parse(_ raw: String) -> Result<String, Problem> {
        // yyyy-mm-dd as written, the common case, read from its bytes.
        let bytes = Array(raw.utf8)
        if bytes.count == 10, bytes[4] == 45, bytes[7] == 45,
           bytes.enumerated().allSatisfy({ $0.offset == 4 || $0.offset == 7 || (48...57).contains($0.element) }) {
            func number(_ range: Range<Int>) -> Int { bytes[range].reduce(0) { $0 * 10 + Int($1 - 48) } }
            let (year, month, day) = (number(0..<4), number(5..<7), number(8..<10))
            guard (1800...2200).contains(year), (1...12).contains(month), day >= 1, day <= daysIn(month, year) else {
                return .failure(.impossible(raw))
            }
            return .success(raw)
        }
        let text = TextNormalizer.halfWidth(raw).trimmingCharacters(in: .whitespaces)
        let digits = text.unicodeScalars.filter { $0.properties.numericType != nil && $0.isASCII }
        // yyyymmdd
        if text.count == 8, digits.count == 8, let value = Int(text) {
            return make(value / 10_000, value / 100 % 100, value % 100, text)
        }
        // Excel serial: a plain number of at most 5 digits (with an optional time fraction).
        if let serial = Double(text), serial >= 1, serial < 100_000, !text.contains("-") {
            return excel(Int(serial), text)
        }
        let parts = text.split(whereSeparator: { "-/.年月日 ".contains($0) }).map(String.init)
        guard (3...4).contains(parts.count), parts.prefix(3).allSatisfy({ Int($0) != nil }),
              parts.count == 3 || parts[3].contains(":") else { return .failure(.unreadable(raw)) }
        let (a, b, c) = (Int(parts[0])!, Int(parts[1])!, Int(parts[2])!)
        guard parts[0].count == 4 else { return .failure(.unreadable(raw)) }
        return make(a, b, c, raw)
    }

    static func excel(_ serial: Int, _ raw: String) -> Result<String, Problem> {
        if serial == 60 { return .failure(.excelLeapYearBug) }
        // Day 1 is 1900-01-01; from day 61 on, Excel counts the fictitious 29 February.
        let offset = serial < 60 ? serial - 1 : serial - 2
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let start = calendar.date(from: DateComponents(year: 1900, month: 1, day: 1))!
        let date = calendar.date(byAdding: .day, value: offset, to: start)!
        let components = calendar.dateComponents([.year, .month, .day], from: date)
        return make(components.year!, components.month!, components.day!, raw)
    }

    static func make(_ year: Int, _ month: Int, _ day: Int, _ raw: String) -> Result<String, Problem> {
        guard (1800...2200).contains(year), (1...12).contains(month), day >= 1, day <= daysIn(month, year) else {
            return .failure(.impossible(raw))
        }
        return .success(String(format: "%04d-%02d-%02d", year, month, day))
    }

    static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

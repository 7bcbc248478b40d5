import BrainModel
import Foundation

/// An amount with its currency as written: 注册资本 "500万元", "1.2亿", "100万美元", "5,000,000". Foreign currencies keep
/// their currency; nothing is converted silently.
public struct Money: Equatable, Sendable, Codable {
    /// In units of the currency (元, dollars…), not 万.
    public var amount: Double
    /// ISO 4217 code.
    public var currency: String

    public init(amount: Double, currency: String) {
        self.amount = amount
        self.currency = currency
    }

    /// The amount in 万 of its currency, as the store keeps registered capital.
    public var wan: Double { amount / 10_000 }

    public enum Problem: Error, Equatable, CustomStringConvertible {
        case unreadable(String)
        public var reason: Reason {
            switch self { case .unreadable(let text): Reason("import.amount-unreadable", ["value": text]) }
        }

        public var description: String {
            switch self {
            case .unreadable(let text): "'\(text)' is not an amount (expected e.g. 500万元, 1.2亿元, 100万美元, 5000000)"
            }
        }
    }

    static let currencies: [(String, String)] = [
        ("人民币", "CNY"), ("元", "CNY"), ("RMB", "CNY"), ("CNY", "CNY"), ("美元", "USD"), ("USD", "USD"), ("港元", "HKD"),
        ("港币", "HKD"), ("HKD", "HKD"), ("欧元", "EUR"), ("EUR", "EUR"), ("日元", "JPY"), ("JPY", "JPY"), ("英镑", "GBP"),
        ("GBP", "GBP"), ("瑞士法郎", "CHF"), ("新台币", "TWD"), ("澳元", "AUD"), ("加元", "CAD"), ("新加坡元", "SGD"), ("韩元", "KRW"),
    ]

    /// Longest names first so 新加坡元 is not read as 元.
    static let currenciesLongestFirst = currencies.sorted { $0.0.count > $1.0.count }

    /// `defaultMultiplier` is the unit a column header gives (注册资本(万元) → 10,000) when the cell has none.
    public static func parse(_ raw: String, defaultMultiplier: Double = 1, defaultCurrency: String = "CNY") -> Result<Money, Problem> {
        // A plain number (the common cell under 注册资本(万元)) needs none of the unit and currency searches below.
        if raw.utf8.allSatisfy({ (48...57).contains($0) || $0 == 46 }), let number = Double(raw), number.isFinite {
            return .success(Money(amount: number * defaultMultiplier, currency: defaultCurrency))
        }
        var text = TextNormalizer.halfWidth(raw).replacingOccurrences(of: ",", with: "").replacingOccurrences(of: " ", with: "")
        var currency = defaultCurrency
        for (name, code) in currenciesLongestFirst where text.contains(name) {
            currency = code
            text = text.replacingOccurrences(of: name, with: "")
            break
        }
        text = text.replacingOccurrences(of: "(", with: "").replacingOccurrences(of: ")", with: "")
        var multiplier = defaultMultiplier
        if text.hasSuffix("亿") { multiplier = 100_000_000; text.removeLast() }
        else if text.hasSuffix("万") { multiplier = 10_000; text.removeLast() }
        else if text.hasSuffix("千") { multiplier = 1_000; text.removeLast() }
        guard !text.isEmpty, let number = Double(text), number.isFinite, number >= 0 else { return .failure(.unreadable(raw)) }
        return .success(Money(amount: number * multiplier, currency: currency))
    }
}

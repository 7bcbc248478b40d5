/// Why the product says something (a gap, a target, a flag, a rejected row): a code and its values, never a sentence.
/// Pages, exports and the API render it per language through `ReasonText`, so adding a language or rewording a reason
/// touches the catalogue only, and the data stays comparable across languages.
public struct Reason: Sendable, Hashable, Codable {
    /// Stable identifier, e.g. `gap.missing-related`; the catalogue holds one template per language for it.
    public var code: String
    /// Named values the templates place into `{name}` slots. Numbers are formatted by the producer (they read the
    /// same in both languages); a value that differs by language is given twice, as `name` (Chinese) and `name.en`.
    public var values: [String: String]

    public init(_ code: String, _ values: [String: String] = [:]) {
        self.code = code
        self.values = values
    }

    /// This reason with `inner` worded in both languages as its value `name` (`name` and `name.en`): a reason about
    /// another, such as a file that cannot be read because of a row's.
    public func with(_ name: String, _ inner: Reason) -> Reason {
        with(name, zh: ReasonText.render(inner, in: .zh), en: ReasonText.render(inner, in: .en))
    }

    /// This reason with a list of names (a file's columns, a workbook's sheets) as its value `name`, read the same in
    /// both languages: English would otherwise quote the whole list as one Chinese name.
    public func listing(_ name: String, _ items: [String]) -> Reason {
        let list = items.joined(separator: ", ")
        return with(name, zh: list, en: list)
    }

    /// This reason with its value `name` given per language.
    public func with(_ name: String, zh: String, en: String) -> Reason {
        var copy = self
        (copy.values[name], copy.values[name + ".en"]) = (zh, en)
        return copy
    }
}

/// An error that says why as a `Reason`: pages and the API word it in the reader's language; printed (the CLI, logs)
/// it reads in Chinese, the product's first language.
public protocol ReasonedError: Error, CustomStringConvertible {
    var reason: Reason { get }
}

extension ReasonedError {
    public var description: String { ReasonText.render(reason, in: .zh) }
}

/// The languages a person can choose; Chinese is the default everywhere.
public enum DisplayLanguage: String, Sendable, CaseIterable, Codable {
    case zh
    case en

    /// Reads `lang=` values such as `en`, `en-US`, `zh-CN`; anything else is Chinese.
    public init(query: String?) {
        self = (query?.lowercased().hasPrefix("en") ?? false) ? .en : .zh
    }
}

/// One reason's wording in each language, with `{name}` slots filled from `Reason.values`.
public struct ReasonTemplate: Sendable {
    public var zh: String
    public var en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }
}

import Foundation

/// How a `Reason` is written to JSON. Without a choice it is its code and values only; the API asks for `text` in the
/// reader's language (`?lang=`), and pages, whose language is switched in the browser, ask for both.
public enum ReasonEncoding: Sendable {
    /// `text` rendered in this language
    case language(DisplayLanguage)
    /// `text` in Chinese and `textEn` in English
    case bilingual

    /// The `JSONEncoder.userInfo` key that carries the choice.
    public static let key = CodingUserInfoKey(rawValue: "brain.reasonEncoding")!

    /// An encoder configured like `base` (formatting, strategies) that writes reasons with their text.
    public func encoder(like base: JSONEncoder) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = base.outputFormatting
        encoder.dateEncodingStrategy = base.dateEncodingStrategy
        encoder.keyEncodingStrategy = base.keyEncodingStrategy
        encoder.nonConformingFloatEncodingStrategy = base.nonConformingFloatEncodingStrategy
        encoder.userInfo = base.userInfo
        encoder.userInfo[Self.key] = self
        return encoder
    }
}

extension Reason {
    private enum CodingKeys: String, CodingKey {
        case code, values, text, textEn
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(values, forKey: .values)
        switch encoder.userInfo[ReasonEncoding.key] as? ReasonEncoding {
        case .language(let language)?: try container.encode(ReasonText.render(self, in: language), forKey: .text)
        case .bilingual?:
            try container.encode(ReasonText.render(self, in: .zh), forKey: .text)
            try container.encode(ReasonText.render(self, in: .en), forKey: .textEn)
        case nil: break
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(try container.decode(String.self, forKey: .code), try container.decodeIfPresent([String: String].self, forKey: .values) ?? [:])
    }
}

import Foundation

/// Traditional → simplified characters, taken from ICU's Hant-Hans transform (Hong Kong, Taiwan and older registry
/// exports write 蘇, 恆, 醫). The transform is slow per call, so it is run once over the CJK Unified Ideographs blocks,
/// 256 characters at a time, and kept as a scalar table (≈ 3,000 pairs, built in ~50 ms on first use). A chunk whose
/// length changes (a character mapped to two) is done character by character, keeping only one-to-one pairs.
enum TraditionalCharacters {
    static let simplifiedScalars: [Unicode.Scalar: Unicode.Scalar] = {
        let transform = StringTransform("Hant-Hans")
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        let scalars = (UInt32(0x3400)...UInt32(0x9FFF)).compactMap(Unicode.Scalar.init)
        var start = 0
        while start < scalars.count {
            let chunk = Array(scalars[start..<min(start + 256, scalars.count)])
            start += 256
            var view = String.UnicodeScalarView()
            view.append(contentsOf: chunk)
            guard let converted = String(view).applyingTransform(transform, reverse: false) else { continue }
            let pairs: [(Unicode.Scalar, [Unicode.Scalar])]
            if converted.unicodeScalars.count == chunk.count {
                pairs = zip(chunk, converted.unicodeScalars).map { ($0, [$1]) }
            } else {
                pairs = chunk.map { scalar in
                    (scalar, Array((String(Character(scalar)).applyingTransform(transform, reverse: false) ?? "").unicodeScalars))
                }
            }
            for (traditional, simplified) in pairs where simplified.count == 1 && simplified[0] != traditional {
                table[traditional] = simplified[0]
            }
        }
        return table
    }()
}

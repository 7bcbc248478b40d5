/// An address as the resolver reads it: Unicode scalars, half-width, without spaces, separators and the labels and
/// prefixes that name no place. Works on scalars, not `Character`s: grapheme breaking costs more than the reading.
enum AddressText {
    static func scalars(_ address: String) -> [Unicode.Scalar] {
        var text: [Unicode.Scalar] = []
        text.reserveCapacity(address.utf8.count / 2)
        for scalar in address.unicodeScalars {
            switch scalar.value {
            case 0xFF01...0xFF5E: text.append(Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar)   // full-width ASCII
            // Spaces (also full-width and zero-width) and the dots that separate levels (中国·浙江·杭州).
            case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0xA0, 0x3000, 0x200B, 0x200C, 0x200D, 0xFEFF, 0xB7, 0x2022, 0x30FB, 0x2027:
                continue
            default: text.append(scalar)
            }
        }
        dropLabel(&text)
        for prefix in chinaPrefixes where text.starts(with: prefix) { text.removeFirst(prefix.count) }
        openLeadingBracket(&text)
        dropFreeTradeArea(&text)
        openShortBrackets(&text)
        return text
    }

    static let chinaPrefixes: [[Unicode.Scalar]] = ["中华人民共和国", "中国"].map { Array($0.unicodeScalars) }
    static let freeTradeZones: [[Unicode.Scalar]] = ["自由贸易试验区", "自由贸易区", "自贸试验区", "自贸区"].map { Array($0.unicodeScalars) }

    /// A label the report left in the cell: "公司注册地址:…", "办公地址:…".
    static func dropLabel(_ text: inout [Unicode.Scalar]) {
        guard let colon = text.prefix(10).firstIndex(where: { $0 == ":" || $0 == "：" }), colon >= 2,
              text[colon - 2] == "地", text[colon - 1] == "址" else { return }
        text.removeFirst(colon + 1)
    }

    /// 中国(上海)自由贸易试验区…: the bracketed province reads as the province itself; (“中国”) is dropped.
    static func openLeadingBracket(_ text: inout [Unicode.Scalar]) {
        guard text.first == "(", let close = text.prefix(10).firstIndex(of: ")") else { return }
        let inside = text[1..<close].filter { !"“”\"'".unicodeScalars.contains($0) }
        text = (Array(inside) == Array("中国".unicodeScalars) ? [] : Array(inside)) + text[(close + 1)...]
    }

    /// A free-trade zone's area (自由贸易试验区正定片区, 自贸区宜昌片区) is named after its place: read the place and what
    /// follows. 临港新片区 is a zone alias and stays.
    static func dropFreeTradeArea(_ text: inout [Unicode.Scalar]) {
        for zone in freeTradeZones {
            guard let start = firstIndex(of: zone, in: text) else { continue }
            let after = start + zone.count
            var end = after
            while end + 1 < text.count, end - after <= 8, !(text[end] == "片" && text[end + 1] == "区") { end += 1 }
            guard end + 1 < text.count, text[end] == "片", text[end + 1] == "区", end > after, text[end - 1] != "新" else { continue }
            text.removeSubrange(end..<(end + 2))
            text.removeSubrange(start..<after)
            return
        }
    }

    /// A short bracket inside the divisions is part of them: 重庆市(长寿)化工园区, 杭州高新区(滨江). Only near the start
    /// and only up to five characters, so a bracketed remark later in the address stays out of the reading.
    static func openShortBrackets(_ text: inout [Unicode.Scalar]) {
        var i = 1
        while i < min(text.count, 16) {
            if text[i] == "(", let close = text[(i + 1)..<min(text.count, i + 7)].firstIndex(of: ")") {
                text.remove(at: close)
                text.remove(at: i)
                continue
            }
            i += 1
        }
    }

    static func firstIndex(of needle: [Unicode.Scalar], in text: [Unicode.Scalar]) -> Int? {
        guard needle.count <= text.count, let first = needle.first else { return nil }
        var i = 0
        while i + needle.count <= text.count {
            if text[i] == first, text[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    static func starts(_ text: [Unicode.Scalar], at position: Int, with word: [Unicode.Scalar]) -> Bool {
        position + word.count <= text.count && text[position..<(position + word.count)].elementsEqual(word)
    }
}

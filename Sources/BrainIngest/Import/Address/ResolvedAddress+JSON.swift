import BrainModel

/// The JSON line `brain normalize address` prints, written by hand: the same keys, order and escaping as
/// `JSONEncoder` with sorted keys, unescaped slashes and the notes' text in `language` (`ReasonEncoding.language`; a
/// test holds them equal), at a fraction of the cost per line.
extension ResolvedAddress {
    public func appendJSON(to out: inout [UInt8], language: DisplayLanguage = .zh) {
        out.append(UInt8(ascii: "{"))
        var first = true
        func key(_ name: StaticString) {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            out.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        }
        func field(_ name: StaticString, _ value: String?) {
            guard let value else { return }
            key(name)
            JSONText.appendString(value, to: &out)
        }
        key("address"); JSONText.appendString(address, to: &out)
        if let candidates {
            key("candidates")
            out.append(UInt8(ascii: "["))
            for (i, candidate) in candidates.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                var inner = true
                out.append(UInt8(ascii: "{"))
                for (name, value) in [("city_code", candidate.cityCode), ("district_code", candidate.districtCode),
                                      ("name", candidate.name), ("province_code", candidate.provinceCode)] {
                    guard let value else { continue }
                    if !inner { out.append(UInt8(ascii: ",")) }
                    inner = false
                    JSONText.appendString(name, to: &out)
                    out.append(UInt8(ascii: ":"))
                    JSONText.appendString(value, to: &out)
                }
                out.append(UInt8(ascii: "}"))
            }
            out.append(UInt8(ascii: "]"))
        }
        field("city_code", cityCode)
        field("city_name", cityName)
        field("district_code", districtCode)
        field("district_name", districtName)
        if let notes {
            key("notes")
            out.append(UInt8(ascii: "["))
            for (i, note) in notes.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                Self.appendJSON(note, language: language, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
        field("province_code", provinceCode)
        field("province_name", provinceName)
        field("status", status.rawValue)
        out.append(UInt8(ascii: "}"))
    }

    /// A note as `Reason` encodes itself with its text: code, text, then its values by name.
    private static func appendJSON(_ note: Reason, language: DisplayLanguage, to out: inout [UInt8]) {
        out.append(contentsOf: Array(#"{"code":"#.utf8))
        JSONText.appendString(note.code, to: &out)
        out.append(contentsOf: Array(#","text":"#.utf8))
        JSONText.appendString(ReasonText.render(note, in: language), to: &out)
        out.append(contentsOf: Array(#","values":{"#.utf8))
        for (i, name) in note.values.keys.sorted().enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            JSONText.appendString(name, to: &out)
            out.append(UInt8(ascii: ":"))
            JSONText.appendString(note.values[name] ?? "", to: &out)
        }
        out.append(contentsOf: [UInt8(ascii: "}"), UInt8(ascii: "}")])
    }
}

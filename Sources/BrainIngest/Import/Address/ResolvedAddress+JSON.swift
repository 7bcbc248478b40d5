/// The JSON line `brain normalize address` prints, written by hand: the same keys, order and escaping as
/// `JSONEncoder` with sorted keys and unescaped slashes (a test holds them equal), at a fraction of the cost per line.
extension ResolvedAddress {
    public func appendJSON(to out: inout [UInt8]) {
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
            Self.appendString(value, to: &out)
        }
        key("address"); Self.appendString(address, to: &out)
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
                    Self.appendString(name, to: &out)
                    out.append(UInt8(ascii: ":"))
                    Self.appendString(value, to: &out)
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
                Self.appendString(note, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
        field("province_code", provinceCode)
        field("province_name", provinceName)
        field("status", status.rawValue)
        out.append(UInt8(ascii: "}"))
    }

    /// A JSON string: quotes, backslashes and control characters escaped as JSONEncoder escapes them.
    static func appendString(_ value: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Nearly every value needs no escape: copy its bytes in one go.
        var value = value
        let copied = value.withUTF8 { bytes -> Bool in
            guard !bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if copied { out.append(UInt8(ascii: "\"")); return }
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x08: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                        hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

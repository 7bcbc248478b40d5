import Foundation

/// A town or street office (镇, 乡, 街道, 苏木) and the county-level unit it lies in, from the code table's fourth level
/// (`data/regions/streets.csv`): an address that names its town after the city without the district (湖州市织里镇)
/// still reaches the district.
public struct Town: Sendable, Equatable {
    public var name: String
    public var districtCode: String

    public init(name: String, districtCode: String) {
        self.name = name
        self.districtCode = districtCode
    }

    /// Only towns proper: the table's farms, zones, prisons and committees (…农场, …开发区) are not how addresses name
    /// a place, and a zone is read through the zone tables. A name of two characters (X镇) is too short to trust.
    static func isTownName(_ name: String) -> Bool {
        name.unicodeScalars.count >= 3 && ["镇", "乡", "街道", "苏木"].contains { name.hasSuffix($0) }
    }

    /// The towns of `regions/streets.csv` under `dataFolder`; none when the folder has no such file.
    public static func load(dataFolder: URL) throws(SourceFileError) -> [Town] {
        let file = dataFolder.appendingPathComponent("regions/streets.csv")
        guard FileManager.default.fileExists(atPath: file.path) else { return [] }
        let data: Data
        do { data = try Data(contentsOf: file) } catch { throw SourceFileError(file: name, reason: "file is missing or unreadable") }
        // The code table's own layout, read on its bytes: every address command loads it, and the general CSV reader
        // took a third of a second for its 41,352 rows. Any other layout goes the general way.
        if let towns = try Array(data).withUnsafeBufferPointer({ bytes throws(SourceFileError) in try plainLayout(bytes) }) { return towns }
        return try general(file)
    }

    /// Any CSV with `name` and `areaCode` columns, through the general reader.
    static func general(_ file: URL) throws(SourceFileError) -> [Town] {
        let table = try CSVTable(url: file, file: name, requiredColumns: ["name", "areaCode"])
        var towns: [Town] = []
        for row in table.rows {
            let name = try row.required("name")
            guard isTownName(name) else { continue }
            towns.append(Town(name: name, districtCode: try row.digits("areaCode", count: 6)))
        }
        return towns
    }

    static let name = "regions/streets.csv"
    static let header = Array("code,name,areaCode,provinceCode,cityCode".utf8)
    /// 镇, 乡, 街道, 苏木 in UTF-8: a row is kept only when its name ends in one of them.
    static let suffixes: [[UInt8]] = ["镇", "乡", "街道", "苏木"].map { Array($0.utf8) }

    /// Rows `digits,"name",digits,…` under the table's own header; nil when the file is laid out otherwise.
    static func plainLayout(_ bytes: UnsafeBufferPointer<UInt8>) throws(SourceFileError) -> [Town]? {
        let newline = UInt8(ascii: "\n"), quote = UInt8(ascii: "\""), comma = UInt8(ascii: ",")
        guard bytes.count > header.count, Array(bytes[0..<header.count]) == header,
              bytes[header.count] == newline || bytes[header.count] == UInt8(ascii: "\r") else { return nil }
        var towns: [Town] = [], position = header.count, row = 1
        while position < bytes.count {
            var end = position
            while end < bytes.count, bytes[end] != newline { end += 1 }
            defer { position = end + 1 }
            var line = bytes[position..<end]
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            if line.isEmpty { continue }
            row += 1
            guard let firstComma = line.firstIndex(of: comma), firstComma + 1 < line.endIndex, line[firstComma + 1] == quote,
                  let close = line[(firstComma + 2)...].firstIndex(of: quote), close + 1 < line.endIndex, line[close + 1] == comma
            else { return nil }
            let name = line[(firstComma + 2)..<close]
            guard suffixes.contains(where: { name.count > $0.count && name.suffix($0.count).elementsEqual($0) }) else { continue }
            let codeStart = close + 2
            guard codeStart + 6 <= line.endIndex, line[codeStart..<(codeStart + 6)].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                  codeStart + 6 == line.endIndex || line[codeStart + 6] == comma else {
                throw SourceFileError(file: Self.name, row: row, field: "areaCode", reason: "expected six digits")
            }
            let town = String(decoding: UnsafeBufferPointer(rebasing: name), as: UTF8.self)
            if isTownName(town) { towns.append(Town(name: town, districtCode: String(decoding: UnsafeBufferPointer(rebasing: line[codeStart..<(codeStart + 6)]), as: UTF8.self))) }
        }
        return towns
    }
}

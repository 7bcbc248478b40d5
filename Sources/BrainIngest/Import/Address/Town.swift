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

    /// What ends a town's name.
    static let suffixWords = ["镇", "乡", "街道", "苏木"]

    /// Names ending like a town's: the table's farms, prisons and committees (…农场, …监狱) are left out, as are names
    /// of two characters (X镇), too short to trust. A zone's own town-level units (…开发区街道) stay in; where the zone
    /// is a county-level code of its own (7x), its towns read as that zone.
    static func isTownName(_ name: String) -> Bool {
        name.unicodeScalars.count >= 3 && suffixWords.contains { name.hasSuffix($0) }
    }

    /// The towns of `regions/streets.csv` under `dataFolder`; none when the folder has no such file.
    public static func load(dataFolder: URL) throws(SourceFileError) -> [Town] {
        let file = dataFolder.appendingPathComponent("regions/streets.csv")
        guard FileManager.default.fileExists(atPath: file.path) else { return [] }
        let data: Data
        do { data = try Data(contentsOf: file) } catch { throw SourceFileError(file: sourceFile, reason: "file is missing or unreadable") }
        // The code table's own layout, read on its bytes: every address command loads it, and the general CSV reader
        // took a third of a second for its 41,352 rows. Any other layout goes the general way.
        if let towns = try Array(data).withUnsafeBufferPointer({ bytes throws(SourceFileError) in try plainLayout(bytes) }) { return towns }
        return try general(file)
    }

    /// Any CSV with `name` and `areaCode` columns, through the general reader.
    static func general(_ file: URL) throws(SourceFileError) -> [Town] {
        let table = try CSVTable(url: file, file: sourceFile, requiredColumns: ["name", "areaCode"])
        var towns: [Town] = []
        for row in table.rows {
            let name = try row.required("name")
            guard isTownName(name) else { continue }
            towns.append(Town(name: name, districtCode: try row.digits("areaCode", count: 6)))
        }
        return towns
    }

    /// How errors name the file (the path under the data folder).
    static let sourceFile = "regions/streets.csv"
    static let header = Array("code,name,areaCode,provinceCode,cityCode".utf8)

    /// Rows `digits,"name",digits,…` (LF or CRLF) under the table's own header; nil when the file is laid out
    /// otherwise (another header, a line break of its own kind, a field unquoted or quoted with "" inside, bytes that
    /// are not UTF-8), which the general reader then reads or refuses.
    static func plainLayout(_ bytes: UnsafeBufferPointer<UInt8>) throws(SourceFileError) -> [Town]? {
        let newline = UInt8(ascii: "\n"), quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), carriageReturn = UInt8(ascii: "\r")
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        guard bytes.count > header.count, bytes[0..<header.count].elementsEqual(header) else { return nil }
        var position = header.count
        if bytes[position] == carriageReturn, position + 1 < bytes.count { position += 1 }
        guard bytes[position] == newline else { return nil }
        position += 1
        var towns: [Town] = [], row = 1
        while position < bytes.count {
            var end = position
            while end < bytes.count, bytes[end] != newline { end += 1 }
            defer { position = end + 1 }
            var line = bytes[position..<end]
            if line.last == carriageReturn { line = line.dropLast() }
            row += 1
            if line.isEmpty { continue }
            guard let firstComma = line.firstIndex(of: comma), firstComma > line.startIndex, line[..<firstComma].allSatisfy(isDigit),
                  firstComma + 1 < line.endIndex, line[firstComma + 1] == quote,
                  let close = line[(firstComma + 2)...].firstIndex(of: quote), close + 1 < line.endIndex, line[close + 1] == comma
            else { return nil }
            guard let town = String(validating: line[(firstComma + 2)..<close], as: UTF8.self) else { return nil }
            guard isTownName(town) else { continue }
            let codeStart = close + 2
            guard codeStart + 6 <= line.endIndex, line[codeStart..<(codeStart + 6)].allSatisfy(isDigit),
                  codeStart + 6 == line.endIndex || line[codeStart + 6] == comma else {
                throw SourceFileError(file: sourceFile, row: row, field: "areaCode", reason: "expected six digits")
            }
            towns.append(Town(name: town, districtCode: String(decoding: UnsafeBufferPointer(rebasing: line[codeStart..<(codeStart + 6)]), as: UTF8.self)))
        }
        return towns
    }
}

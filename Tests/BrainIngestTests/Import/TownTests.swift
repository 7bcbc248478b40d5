import Foundation
import Testing
@testable import BrainIngest

/// The code table's towns read on their bytes are the towns the general CSV reader gives, and a file laid out
/// otherwise still loads (the general way).
@Suite struct TownTests {
    static let streets = AddressResolverTests.root.appendingPathComponent("data/regions/streets.csv")

    @Test func bytesAndTheGeneralReaderGiveTheSameTowns() throws {
        let bytes = try Data(contentsOf: Self.streets)
        let fast = try #require(try Array(bytes).withUnsafeBufferPointer { try Town.plainLayout($0) })
        let general = try Town.general(Self.streets)
        #expect(fast == general)
        #expect(fast.count > 38_000 && fast.contains(Town(name: "织里镇", districtCode: "330502")))
        #expect(!fast.contains { $0.name.hasSuffix("农场") || $0.name.hasSuffix("开发区") })
    }

    @Test func anotherLayoutGoesTheGeneralWay() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("towns-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("regions"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "name,areaCode\n织里镇,330502\n\"良渚街道\",330110\n某某农场,330502\n".write(to: folder.appendingPathComponent("regions/streets.csv"), atomically: true, encoding: .utf8)
        #expect(try Town.load(dataFolder: folder) == [Town(name: "织里镇", districtCode: "330502"), Town(name: "良渚街道", districtCode: "330110")])
    }

    @Test func lineEndsAndOtherLayoutsOfTheTablesOwnHeader() throws {
        func read(_ text: String) throws -> [Town]? { try Array(text.utf8).withUnsafeBufferPointer { try Town.plainLayout($0) } }
        let header = "code,name,areaCode,provinceCode,cityCode"
        let rows = ["330502101,\"织里镇\",330502,33,3305", "330502102,\"八里店镇\",330502,33,3305"]
        let both = [Town(name: "织里镇", districtCode: "330502"), Town(name: "八里店镇", districtCode: "330502")]
        #expect(try read(([header] + rows).joined(separator: "\n") + "\n") == both)
        #expect(try read(([header] + rows).joined(separator: "\r\n")) == both)             // CRLF, no line break at the end
        #expect(try read(([header] + rows).joined(separator: "\r")) == nil)                 // old-Mac CR: the general reader's
        #expect(try read([header, "330502101,织里镇,330502,33,3305"].joined(separator: "\n")) == nil)   // unquoted
        #expect(try read([header, "x,\"织里镇\",330502,33,3305"].joined(separator: "\n")) == nil)      // not a code first
    }

    @Test func aBadCodeIsReportedWithItsRow() throws {
        let text = "code,name,areaCode,provinceCode,cityCode\n330502101,\"织里镇\",330502,33,3305\n330502102,\"八里店镇\",33050X,33,3305\n"
        #expect(throws: SourceFileError.self) { try Array(text.utf8).withUnsafeBufferPointer { try Town.plainLayout($0) } }
        do { _ = try Array(text.utf8).withUnsafeBufferPointer { try Town.plainLayout($0) } } catch let error as SourceFileError {
            #expect(error.row == 3 && error.field == "areaCode")
        }
    }
}

import Foundation
import BrainAnalytics

/// Expected values produced by the reference implementation (Tests/reference/ecomplexity_expected.py) for one matrix.
struct ReferenceFixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/ecomplexity")
    static let names = ["basic", "edge-cases", "provinces-sw-l1"]

    struct Expected: Decodable {
        var cellFields: [String]
        var cells: [[Value]]
        var proximity: [[Value]]
    }

    /// A JSON scalar: label or number or null.
    enum Value: Decodable {
        case text(String), number(Double), null
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .null }
            else if let number = try? container.decode(Double.self) { self = .number(number) }
            else { self = .text(try container.decode(String.self)) }
        }
        var text: String { if case .text(let s) = self { s } else { "" } }
        var number: Double? { if case .number(let x) = self { x } else { nil } }
    }

    let name: String
    let matrix: LabeledMatrix
    let expected: Expected

    init(_ name: String) throws {
        self.name = name
        let csv = try String(contentsOf: Self.folder.appendingPathComponent(name + ".csv"), encoding: .utf8)
        let cells = csv.split(separator: "\n").dropFirst().map { line -> (row: String, column: String, value: Double) in
            let parts = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return (parts[0], parts[1], Double(parts[2])!)
        }
        matrix = LabeledMatrix(cells: cells)
        expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: Self.folder.appendingPathComponent(name + ".json")))
    }
}

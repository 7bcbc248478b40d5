import Foundation
import Testing
@testable import BrainIngest

@Suite struct LineSimplifierTests {
    @Test func collinearPointsCollapseToEndpoints() {
        let line = (0...10).map { (x: Double($0), y: 0.0) }
        let kept = LineSimplifier.simplify(line, tolerance: 0.1)
        #expect(kept.count == 2)
        #expect(kept.first! == (x: 0, y: 0) && kept.last! == (x: 10, y: 0))
    }

    @Test func keepsPointsBeyondTolerance() {
        let line: [LineSimplifier.Point] = [(0, 0), (1, 1.05), (2, 2), (3, 1.01), (4, 0)]
        #expect(LineSimplifier.simplify(line, tolerance: 0.1).map(\.x) == [0, 2, 4])
        #expect(LineSimplifier.simplify(line, tolerance: 0).count == 5)
    }

    @Test func ringsStayClosedAndNeverCollapse() {
        // A finely sampled circle and a tiny square far below the tolerance.
        var circle = (0..<360).map { (x: cos(Double($0) * .pi / 180), y: sin(Double($0) * .pi / 180)) }
        circle.append(circle[0])
        let simplified = LineSimplifier.simplifyRing(circle, tolerance: 0.01)
        #expect(simplified.count < circle.count / 4)
        #expect(simplified.first! == simplified.last!)
        let tiny: [LineSimplifier.Point] = [(0, 0), (0.001, 0), (0.001, 0.001), (0, 0.001), (0, 0)]
        let kept = LineSimplifier.simplifyRing(tiny, tolerance: 1)
        #expect(kept.count >= 4)
        #expect(kept.first! == kept.last!)
    }

    @Test func geometryFileKeepsAdcodesAndParents() throws {
        let geojson = """
        {"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"name":"苏州市","gb":"156320500"},
           "geometry":{"type":"MultiPolygon","coordinates":[[[[120,31],[120.5,31.0001],[121,31],[121,32],[120,32],[120,31]]]]}}]}
        """
        let (data, summary) = try GeometrySimplifier(tolerance: 0.01, decimals: 3)
            .simplify(geojson: Data(geojson.utf8), file: "city.geojson") { $0 == "320500" ? "320000" : nil }
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let feature = (object?["features"] as? [[String: Any]])?.first
        let properties = feature?["properties"] as? [String: String]
        #expect(properties == ["name": "苏州市", "adcode": "320500", "parent": "320000"])
        #expect(summary.pointsBefore == 6 && summary.pointsAfter == 5)
    }

    @Test func malformedGeometryIsLocated() {
        let geojson = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1,2]}}]}"#
        #expect(throws: SourceFileError(file: "x.geojson", row: 1, field: "geometry.type", value: "Point", reason: "unsupported geometry type")) {
            try GeometrySimplifier(tolerance: 0.01, decimals: 3).simplify(geojson: Data(geojson.utf8), file: "x.geojson") { _ in nil }
        }
    }
}

import Foundation

/// Turns the bundled Tianditu-derived GeoJSON into small map files: Douglas–Peucker per ring, coordinates rounded,
/// properties reduced to `name`, `adcode` (six digits, from the `gb` code "156" + adcode) and `parent`.
public struct GeometrySimplifier: Sendable {
    public struct Summary: Sendable {
        public var features: Int
        public var pointsBefore: Int
        public var pointsAfter: Int
        public var bytes: Int
    }

    public var tolerance: Double
    public var decimals: Int

    public init(tolerance: Double, decimals: Int) {
        self.tolerance = tolerance
        self.decimals = decimals
    }

    public func simplify(geojson data: Data, file: String, parentOf: (String) -> String?) throws(SourceFileError) -> (Data, Summary) {
        guard let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
              let features = root["features"] as? [[String: Any]] else {
            throw SourceFileError(file: file, reason: "not a GeoJSON FeatureCollection")
        }
        var summary = Summary(features: 0, pointsBefore: 0, pointsAfter: 0, bytes: 0)
        var output: [String] = []
        for (index, feature) in features.enumerated() {
            guard let properties = feature["properties"] as? [String: Any],
                  let geometry = feature["geometry"] as? [String: Any],
                  let type = geometry["type"] as? String,
                  let coordinates = geometry["coordinates"] else {
                throw SourceFileError(file: file, row: index + 1, field: "geometry", reason: "feature without geometry")
            }
            let name = properties["name"] as? String ?? ""
            let gb = properties["gb"] as? String ?? ""
            let adcode = gb.count == 9 ? String(gb.dropFirst(3)) : ""
            let geometryJSON: String
            switch type {
            case "MultiPolygon":
                guard let polygons = coordinates as? [[[[Double]]]] else {
                    throw SourceFileError(file: file, row: index + 1, field: "coordinates", reason: "malformed MultiPolygon")
                }
                let simplified = polygons.map { $0.map { ring in simplifyRing(ring, &summary) } }
                geometryJSON = "{\"type\":\"MultiPolygon\",\"coordinates\":[" + simplified.map { polygon in
                    "[" + polygon.map(encode).joined(separator: ",") + "]"
                }.joined(separator: ",") + "]}"
            case "Polygon":
                guard let rings = coordinates as? [[[Double]]] else {
                    throw SourceFileError(file: file, row: index + 1, field: "coordinates", reason: "malformed Polygon")
                }
                geometryJSON = "{\"type\":\"Polygon\",\"coordinates\":[" + rings.map { encode(simplifyRing($0, &summary)) }
                    .joined(separator: ",") + "]}"
            case "MultiLineString":
                guard let lines = coordinates as? [[[Double]]] else {
                    throw SourceFileError(file: file, row: index + 1, field: "coordinates", reason: "malformed MultiLineString")
                }
                geometryJSON = "{\"type\":\"MultiLineString\",\"coordinates\":[" + lines.map { line in
                    let points = line.compactMap(Self.point)
                    summary.pointsBefore += points.count
                    let kept = LineSimplifier.simplify(points, tolerance: tolerance)
                    summary.pointsAfter += kept.count
                    return encode(kept)
                }.joined(separator: ",") + "]}"
            default:
                throw SourceFileError(file: file, row: index + 1, field: "geometry.type", value: type, reason: "unsupported geometry type")
            }
            let parent = adcode.isEmpty ? "" : (parentOf(adcode) ?? "")
            output.append("{\"type\":\"Feature\",\"properties\":{\"name\":\(Self.quote(name)),\"adcode\":\"\(adcode)\",\"parent\":\"\(parent)\"},\"geometry\":\(geometryJSON)}")
            summary.features += 1
        }
        let text = "{\"type\":\"FeatureCollection\",\"features\":[\n" + output.joined(separator: ",\n") + "\n]}\n"
        let result = Data(text.utf8)
        summary.bytes = result.count
        return (result, summary)
    }

    private func simplifyRing(_ ring: [[Double]], _ summary: inout Summary) -> [LineSimplifier.Point] {
        let points = ring.compactMap(Self.point)
        summary.pointsBefore += points.count
        let kept = LineSimplifier.simplifyRing(points, tolerance: tolerance)
        summary.pointsAfter += kept.count
        return kept
    }

    private func encode(_ points: [LineSimplifier.Point]) -> String {
        "[" + points.map { "[\(round($0.x)),\(round($0.y))]" }.joined(separator: ",") + "]"
    }

    private func round(_ value: Double) -> String {
        let text = String(format: "%.\(decimals)f", value)
        // Trailing zeros carry no information and cost bytes.
        guard text.contains(".") else { return text }
        var trimmed = Substring(text)
        while trimmed.last == "0" { trimmed = trimmed.dropLast() }
        if trimmed.last == "." { trimmed = trimmed.dropLast() }
        return String(trimmed)
    }

    private static func point(_ pair: [Double]) -> LineSimplifier.Point? {
        pair.count >= 2 ? (pair[0], pair[1]) : nil
    }

    private static func quote(_ text: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [text])) ?? Data("[\"\"]".utf8)
        return String(decoding: data, as: UTF8.self).dropFirst().dropLast().description
    }
}
